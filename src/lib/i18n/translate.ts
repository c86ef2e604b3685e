import { catalogues, type Locale, type MessageKey } from './catalogues.ts';

export type MessageParams = Record<string, string | number>;

/** Looks a key up in the locale's catalogue (English as fallback) and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[locale]?.[key] ?? catalogues.en?.[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
