import { describe, expect, it } from 'vitest';
import { browserLocale, linkLocale } from './browser-locale.ts';

describe('the language a browser asks for', () => {
  it('opens Traditional Chinese for zh-HK, zh-Hant, zh-TW and zh-MO', () => {
    for (const tag of ['zh-HK', 'zh-Hant', 'zh-TW', 'zh-MO', 'zh-Hant-HK', 'zh_TW'])
      expect(browserLocale([tag]), tag).toBe('zh-Hant-HK');
  });

  it('takes the first preference it knows; Simplified Chinese and others fall through', () => {
    expect(browserLocale(['en-GB', 'zh-HK'])).toBe('en');
    expect(browserLocale(['zh-CN', 'zh-HK'])).toBe('zh-Hant-HK');
    expect(browserLocale(['zh-CN'])).toBeNull();
    expect(browserLocale(['fr-FR', 'de'])).toBeNull();
    expect(browserLocale([])).toBeNull();
  });

  it("reads a link's language with the same rule: zh-HK opens Chinese, unknown languages give null", () => {
    for (const tag of ['zh-Hant-HK', 'zh-HK', 'zh-hk', 'zh-TW'])
      expect(linkLocale(tag), tag).toBe('zh-Hant-HK');
    for (const tag of ['en', 'en-GB']) expect(linkLocale(tag), tag).toBe('en');
    for (const tag of ['fr', 'zh-CN', '', 'zh']) expect(linkLocale(tag), tag).toBeNull();
  });
});
