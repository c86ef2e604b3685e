import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium, watchPage } from './chromium.ts';

describe.skipIf(!chromiumAvailable)('the built site in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = [
    { name: 'root', url: () => inject('rootUrl'), shot: 'app-root.png' },
    { name: 'sub-path', url: () => inject('subPathUrl'), shot: 'app-sub-path.png' },
  ];

  it.each(cases)(
    'loads at $name with no console error or failed request, and the worker answers',
    async ({ url, shot }) => {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      const base = url();
      const watch = watchPage(page, new URL(base).origin);
      await page.goto(base);
      // The default calculator asks the worker (comlink → workers/ → src/engine) for mechanics vector 13.
      await expect
        .poll(() => page.getByTestId('liquidation-price').textContent(), { timeout: 10_000 })
        .toBe('$45,180.72');
      expect(await page.getByTestId('initial-margin').textContent()).toBe('$5,000.00');
      const workerScripts = page.workers().map((worker) => worker.url());
      expect(workerScripts.some((scriptUrl) => scriptUrl.startsWith(base))).toBe(true);
      await page.screenshot({ path: `test-results/${shot}`, fullPage: true });
      expect(watch.problems).toEqual([]);
      await page.close();
    },
  );

  it('switches to Traditional Chinese and sets <html lang>', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await page.goto(inject('rootUrl'));
    await page.getByLabel('Language').selectOption('zh-Hant-HK');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-Hant-HK');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('槓桿實驗室');
    await expect.poll(() => page.getByTestId('liquidation-price').textContent()).toBe('US$45,180.72');
    await page.screenshot({ path: 'test-results/app-zh-hant-hk.png', fullPage: true });
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('recomputes through the worker when the user edits the leverage', async () => {
    const page = await browser.newPage();
    await page.goto(inject('rootUrl'));
    const leverage = page.getByLabel('Leverage (×)', { exact: true });
    await leverage.fill('125');
    // Mechanics vector 17: isolated long 1 BTC @ 50,000, 125× (WB 400) → LP 49,799.1968, BP 49,600.
    await expect.poll(() => page.getByTestId('liquidation-price').textContent()).toBe('$49,799.20');
    expect(await page.getByTestId('bankruptcy-price').textContent()).toBe('$49,600.00');
    await page.close();
  });
});
