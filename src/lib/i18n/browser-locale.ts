/**
 * The app's language from the browser's preferred languages (navigator.languages), first match wins: Chinese
 * written in Traditional characters or used in Hong Kong, Taiwan or Macau (zh-HK, zh-Hant, zh-TW, zh-MO) opens
 * in Traditional Chinese (HK); English in English. Simplified Chinese and other languages match nothing here,
 * so the next preference decides, else English. A link's own language (?lang=) is applied after this.
 */
import type { Locale } from './catalogues.ts';

export function browserLocale(languages: readonly string[]): Locale | null {
  for (const tag of languages) {
    const parts = tag.toLowerCase().split(/[-_]/);
    if (parts[0] === 'en') return 'en';
    if (parts[0] !== 'zh') continue;
    if (parts.includes('hant') || ['hk', 'tw', 'mo'].includes(parts[1] ?? '')) return 'zh-Hant-HK';
  }
  return null;
}

/**
 * A link's language (?lang=): the app's own tags as written, or any tag the browser rule above reads (zh-HK,
 * zh-Hant, zh-TW, en-GB …), so a link written with the usual tag for Hong Kong opens in Chinese (before, only
 * zh-Hant-HK did and zh-HK was ignored). Null for a language the app does not have.
 */
export function linkLocale(value: string): Locale | null {
  return browserLocale([value]);
}
