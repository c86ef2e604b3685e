/**
 * Translation catalogues. A new language is one JSON file here plus one line below; a test finds keys
 * missing from any catalogue (English is the reference).
 */
import en from './en.json';
import zhHantHK from './zh-Hant-HK.json';

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

export const catalogues = {
  en: en as Catalogue,
  'zh-Hant-HK': zhHantHK as Catalogue,
} as const;

export type Locale = keyof typeof catalogues;

/** Native names shown in the language switch. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  'zh-Hant-HK': '繁體中文（香港）',
};

export const locales = Object.keys(catalogues) as Locale[];

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(catalogues, value);
}
