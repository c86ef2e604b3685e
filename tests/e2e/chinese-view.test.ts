/**
 * The Traditional Chinese view has no English left in its main panels: the visible text of every landmark
 * (header, sections, set-up, results, footer), with every section unfolded, a lesson open and its answer
 * revealed, holds no run of two or more English words, apart from proper nouns, tickers and units that are
 * written in Latin letters in Chinese too. Links to sources keep their publications' own titles, and text
 * marked with another `lang` is exempt: both are citations, not the interface.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, endText, launchChromium, watchPage, unfoldEverything } from './chromium.ts';

/** Written in Latin letters in Hong Kong Chinese too (tickers, regulators, venues, formats, units). */
const ALLOWED = new Set(
  [
    'BTC',
    'ETH',
    'USD',
    'US',
    'HK',
    'HKD',
    'SFC',
    'ADL',
    'ESMA',
    'EU',
    'FSA',
    'CFTC',
    'Binance',
    'Hyperliquid',
    'BitMEX',
    'OKX',
    'Bybit',
    'Deribit',
    'CoinGlass',
    'FTX',
    'LUNA',
    'UST',
    'Terra',
    'Futu',
    'UTC',
    'PNG',
    'SVG',
    'CSV',
    'JSON',
    'CEX',
    'DEX',
    'LTV',
    'MMR',
    'EMA',
    'Shift',
    'Esc',
    'PgDn',
    'PgUp',
  ].map((word) => word.toLowerCase()),
);

/** Runs of English words in a text: words joined only by spaces and light punctuation. */
export function englishRuns(text: string): string[] {
  const runs = text.match(/[A-Za-z][A-Za-z'’-]*(?:[\s,/&:;()+.-]+[A-Za-z][A-Za-z'’-]*)+/g) ?? [];
  return runs.filter((run) => {
    const words = run.split(/[^A-Za-z'’-]+/).filter((w) => w.length > 1 && !ALLOWED.has(w.toLowerCase()));
    return words.length >= 2;
  });
}

describe.skipIf(!chromiumAvailable)('the Traditional Chinese view', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The visible text of the page's landmarks, one entry per text node, citations left out. */
  const landmarkTexts = (page: Page) =>
    page.evaluate(() => {
      const roots = document.querySelectorAll('header, nav, aside, main, footer');
      const texts: string[] = [];
      for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          const text = node.textContent?.trim();
          if (!parent || !text) continue;
          if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
          if (parent.closest('.visually-hidden, a[href^="http"]')) continue;
          const lang = parent.closest('[lang]')?.getAttribute('lang');
          if (lang && lang !== 'zh-Hant-HK') continue;
          texts.push(text);
        }
      }
      return texts;
    });

  async function open(suffix: string) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await page.goto(`${inject('rootUrl')}?lang=zh-Hant-HK${suffix}`);
    await page.getByTestId('lesson-panel').waitFor();
    // Chinese loads when chosen: wait for the switch.
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-Hant-HK');
    return { page, watch };
  }

  it('finds English runs and lets proper nouns through (the checker itself)', () => {
    expect(englishRuns('規則組合 B（Offshore CEX）')).toEqual([]);
    expect(englishRuns('以 BTC、ETH 作抵押；Hyperliquid 模式')).toEqual([]);
    expect(englishRuns('按 Shift+N 回上一步')).toEqual([]);
    expect(englishRuns('幣安 Binance Futures FAQ')).toEqual(['Binance Futures FAQ']);
    expect(englishRuns('No run yet')).toEqual(['No run yet']);
  });

  it('opens in Chinese from a link written with the usual tag, ?lang=zh-HK', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await page.goto(`${inject('rootUrl')}?lang=zh-HK`);
    await page.getByTestId('lesson-panel').waitFor();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-Hant-HK');
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('says in the link banner when ?lang= names a language it does not have, and stays in English', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await page.goto(`${inject('rootUrl')}?lang=fr-FR`);
    await page.getByTestId('lesson-panel').waitFor();
    const banner = page.getByTestId('url-notice');
    await expect
      .poll(() => banner.textContent(), { timeout: 15_000 })
      .toContain('lang must be "en" or "zh-Hant-HK"');
    expect(await banner.textContent()).toContain('fr-FR');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('has no untranslated English in its main panels: default view, every section unfolded', async () => {
    const { page, watch } = await open('');
    await expect.poll(() => endText(page, 'outcome-liquidated-B'), { timeout: 15_000 }).toMatch(/\d/);
    await unfoldEverything(page);
    // The charts' data tables, drawn on demand.
    const show = page.getByRole('button', { name: '顯示數據表' });
    for (let left = await show.count(); left > 0; left = await show.count()) await show.first().click();
    const texts = await landmarkTexts(page);
    expect(texts.length).toBeGreaterThan(200);
    expect(texts.flatMap(englishRuns)).toEqual([]);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('has no untranslated English in a lesson, its answer, or presentation mode', async () => {
    const { page, watch } = await open('&present#lesson=insurance-fund-adl&step=2');
    await page.getByTestId('lesson-panel').getByRole('radio').nth(1).check();
    await page.getByRole('button', { name: '核對', exact: true }).click();
    await page.getByTestId('lesson-reveal').waitFor({ timeout: 15_000 });
    const texts = await landmarkTexts(page);
    expect(texts.join(' ')).toContain('自動減倉');
    expect(texts.flatMap(englishRuns)).toEqual([]);
    // Every step of every lesson.
    for (const lesson of ['leverage', 'haircut', 'funding', 'insurance-fund-adl', 'professional-investors']) {
      await page.evaluate((id) => (location.hash = `#lesson=${id}&step=1`), lesson);
      for (let step = 1; step <= 4; step++) {
        await expect
          .poll(() => page.getByTestId('lesson-progress').textContent())
          .toBe(`第 ${step} 步，共 4 步`);
        expect((await landmarkTexts(page)).flatMap(englishRuns), `${lesson} step ${step}`).toEqual([]);
        await page.keyboard.press('n');
      }
    }
    expect(watch.problems).toEqual([]);
    await page.close();
  });
});
