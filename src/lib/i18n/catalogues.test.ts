import { describe, expect, it } from 'vitest';
import { catalogues, locales, type MessageKey } from './catalogues.ts';
import { translate } from './translate.ts';

describe('translation catalogues', () => {
  const reference = Object.keys(catalogues.en!).sort();

  it.each(locales)('%s has exactly the English keys, none empty', (locale) => {
    const keys = Object.keys(catalogues[locale]!).sort();
    expect(keys).toEqual(reference);
    for (const key of keys) expect(catalogues[locale]![key as MessageKey].trim()).not.toBe('');
  });

  it.each(locales)('%s keeps every placeholder of the English text', (locale) => {
    for (const key of reference) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      const k = key as MessageKey;
      expect(placeholders(catalogues[locale]![k]), key).toEqual(placeholders(catalogues.en![k]));
    }
  });

  it('finds both shipped languages and names each in its own language', () => {
    expect(locales).toEqual(['en', 'zh-Hant-HK']);
    expect(catalogues['zh-Hant-HK']!['app.languageName']).toBe('繁體中文（香港）');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'error.positive', { field: 'Size', value: '-1' })).toBe(
      'Size must be a number greater than 0 (got -1)',
    );
    expect(translate('en', 'error.positive', { field: 'Size' })).toContain('{value}');
  });
});
