import { catalogues, type Locale, type MessageKey } from './catalogues.ts';
import { fillPlaceholders, type MessageParams } from './placeholders.ts';

export type { MessageParams } from './placeholders.ts';

/** Looks a key up in the locale's catalogue (English as fallback) and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return fillPlaceholders(catalogues[locale]?.[key] ?? catalogues.en?.[key] ?? key, params);
}
