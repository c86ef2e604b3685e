/**
 * One word for each term across the Traditional Chinese catalogues (issue 17 found three words for margin,
 * two for a rule set and two for offshore), and no English left in a label. The chosen words: 保證金 (margin;
 * margin financing is 保證金融資), 規則組合 A/B (rule set), 離岸 (offshore), 經紀 (broker).
 */
import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues.ts';
import { loadTranslations } from './guide.ts';

/** The app's catalogue and the teacher's guide (guide.json, loaded apart from the app's catalogue). */
const zh = [
  ...Object.entries(catalogues['zh-Hant-HK']!),
  ...Object.entries((await loadTranslations())['zh-Hant-HK'] ?? {}),
] as [string, string][];

/** A word not to use, and the catalogue's word for the term. */
const AVOID: [RegExp, string][] = [
  [/按金|孖展/, '保證金'],
  [/規則\s*[AB]/, '規則組合 A / B'],
  [/境外/, '離岸'],
  [/經紀商/, '經紀'],
];

/**
 * Latin words a Chinese label may keep: tickers (ALT, SOL, BNSOL), names (the guide's sources CoinGlass, CoinDesk,
 * Coin Metrics and arXiv; the issuer Ethena), abbreviations and keys (Page Down, Shift); `sandbox` is an HTML attribute a host must write as it is. Hyphenated tokens (allow-same-origin, worker-src), URL schemes
 * (blob:) and the guide's `code` (file names, settings) are code, stripped before the check.
 */
const KEEP = new Set(
  'sandbox Page Down BTCUSDT BTC ETH ADL SFC USD US PNG SVG CSV JSON URL ESMA FSA CFTC CEX DEX VARA SGX UTC HK HKMA LTV BitMEX GARCH Ctrl Shift Esc iframe Binance Hyperliquid Terra LUNA UST FTX CoinGlass arXiv USDe wBETH ALT SOL BNSOL Ethena CoinDesk Coin Metrics Leverage Lab'.split(
    ' ',
  ),
);

describe('the Traditional Chinese glossary', () => {
  it.each(AVOID)('never uses %s (the glossary’s word: %s)', (avoid) => {
    expect(zh.filter(([, text]) => avoid.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('leaves no English word in a label', () => {
    const english = zh.flatMap(([key, text]) =>
      (
        text
          .replace(/\{[^}]*\}/g, '')
          .replace(/`[^`]*`/g, '')
          .replace(/[A-Za-z]+(?:-[A-Za-z]+)+|\b[a-z]+:/g, '')
          .match(/[A-Za-z]{3,}/g) ?? []
      )
        .filter((word) => !KEEP.has(word))
        .map((word) => `${key}: ${word}`),
    );
    expect(english).toEqual([]);
  });
});
