import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, watchPage } from './chromium.ts';

/**
 * Opens the app and waits for the default comparison to reach the trader panels, their endings kept until the
 * stage shows the end (a class predicts first); then shows it.
 */
async function openApp(page: Page): Promise<void> {
  await page.goto(inject('rootUrl'));
  await page.getByTestId('fate-hidden').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('fate-B').count()).toBe(0);
  await showTheEnd(page);
}

/** The stage's "Show the end": the trader panel then tells each rule set's ending. */
async function showTheEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Show the end' }).click();
  await page.getByTestId('fate-B').waitFor({ timeout: 30_000 });
}

async function seek(page: Page, frame: number): Promise<void> {
  await page.locator('#playback-scrubber').fill(String(frame));
}

describe.skipIf(!chromiumAvailable)('follow a trader, the ADL queue and the calculator in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('follows a persona under A and B while the playhead moves, and follows a trader from the ADL queue', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await openApp(page);
    const follow = page.getByTestId('follow-trader');

    // The retail 20× persona: refused perpetuals under HK SFC 2026 (A), trading them offshore (B).
    expect(await follow.getByTestId('venue-A').getAttribute('data-venue')).not.toBe('onshore');
    expect(await follow.getByTestId('venue-A').textContent()).toContain('Refused perpetuals');
    expect(await follow.getByTestId('venue-B').getAttribute('data-venue')).toBe('onshore');
    expect(await follow.getByTestId('fate-B').textContent()).toMatch(
      /Liquidated at .+ a loss of \$[\d,.]+\./,
    );

    await follow.getByLabel('Trader', { exact: true }).selectOption({ label: 'Professional investor at 5×' });
    await seek(page, 200);
    const read = async () => ({
      time: await follow.getByTestId('follow-time').textContent(),
      equity: await follow.getByTestId('equity-B').textContent(),
      mark: await follow.getByTestId('mark-B').textContent(),
      liquidation: await follow.getByTestId('liquidation-B').textContent(),
      gauge: await follow.getByTestId('margin-ratio-B').getAttribute('aria-valuetext'),
    });
    const early = await read();
    expect(early.equity).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(early.liquidation).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(early.gauge).toMatch(/^\d+\.\d%: maintenance margin as a share of equity/);
    await follow.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/trader-follow-early.png', fullPage: false });

    await seek(page, 900);
    await expect.poll(() => follow.getByTestId('follow-time').textContent()).not.toBe(early.time);
    const late = await read();
    expect(late.equity).not.toBe(early.equity);
    expect(late.mark).not.toBe(early.mark);
    expect(late.gauge).not.toBe(early.gauge);
    // The chart's lines end at the playhead: more of the path is drawn later in the run.
    const markPath = follow.locator('path.line.mark[data-rule-set="B"]');
    expect(((await markPath.getAttribute('d')) ?? '').split('L').length).toBeGreaterThan(800);
    await follow.screenshot({ path: 'test-results/trader-follow.png' });

    // The ADL queue: five lights with their text, and the head of the queue as buttons that follow a trader.
    const adl = page.getByTestId('adl-queue');
    const standing = adl.getByTestId('adl-standing-B');
    expect(await standing.getByTestId('adl-light').count()).toBe(5);
    const lit = await standing.locator('[data-filled="true"]').count();
    expect(await standing.textContent()).toContain(`${lit} of 5`);
    await adl.screenshot({ path: 'test-results/trader-adl.png' });

    const button = adl
      .getByTestId('adl-head-B')
      .getByRole('button')
      .filter({ hasNotText: /^[012]$/ })
      .first();
    const id = Number(await button.textContent());
    await button.click();
    await expect
      .poll(() => adl.getByRole('heading', { name: `Where Trader ${id} stands` }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    // A new comparison (the trader followed): its ending kept again until shown.
    await follow.getByTestId('fate-hidden').waitFor();
    await showTheEnd(page);
    expect(await follow.getByLabel('Trader', { exact: true }).inputValue()).toBe(String(id));
    await follow.screenshot({ path: 'test-results/trader-follow-picked.png' });
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('uses the calculator through the real worker: rule sets, caps, margin modes, tiers, fees and funding', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await page.goto(inject('rootUrl'));
    const calculator = page.locator('section.calculator');
    await expect.poll(() => calculator.getByTestId('liquidation-price').textContent()).toBe('$45,180.72');
    expect(await calculator.getByTestId('tier-row').count()).toBe(5);
    expect(await calculator.getByTestId('funding-accrual').textContent()).toBe('$15.00 paid');
    await calculator.scrollIntoViewIfNeeded();
    await calculator.screenshot({ path: 'test-results/calculator-default.png' });

    await calculator.getByLabel('Rule set').selectOption('hk-sfc-2026');
    await expect.poll(() => calculator.getByTestId('liquidation-price').textContent()).toBe('$47,368.42');
    await calculator.getByLabel('Leverage (×)').fill('200');
    expect(await calculator.locator('#calc-leverage-error').textContent()).toBe(
      'Leverage (×) must be a number from 1 to 10, the cap for BTC under Hong Kong SFC 2026 guardrails (got 200)',
    );
    await calculator.scrollIntoViewIfNeeded();
    await calculator.screenshot({ path: 'test-results/calculator-refused.png' });

    await calculator.getByLabel('Leverage (×)').fill('5');
    await calculator.getByLabel('Cross').check();
    await calculator.getByLabel('Wallet balance (USD)').fill('20000');
    await calculator.getByLabel('Holding time (hours)').fill('48');
    await calculator.getByLabel('Funding rate per 8 h (%)').fill('0.05');
    // Long 1 @ 50,000 on cross with 20,000: LP = (20,000 − 50,000)/(0.05 − 1) = 31,578.95; BP 30,000.
    await expect.poll(() => calculator.getByTestId('liquidation-price').textContent()).toBe('$31,578.95');
    expect(await calculator.getByTestId('bankruptcy-price').textContent()).toBe('$30,000.00');
    // 1 × 50,000 × 0.05% × 48 / 8 = 150
    expect(await calculator.getByTestId('funding-accrual').textContent()).toBe('$150.00 paid');
    await calculator.screenshot({ path: 'test-results/calculator-cross.png' });
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('reads in Traditional Chinese', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await openApp(page);
    await page.locator('header select').selectOption('zh-Hant-HK');
    const follow = page.getByTestId('follow-trader');
    await expect.poll(() => follow.getByRole('heading', { level: 2 }).textContent()).toBe('跟蹤一名交易者');
    expect(await follow.getByTestId('venue-A').textContent()).toContain('被拒買賣永續合約');
    await follow.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/trader-zh-hant-hk.png' });
    const calculator = page.locator('section.calculator');
    await expect.poll(() => calculator.getByTestId('liquidation-price').textContent()).toBe('US$45,180.72');
    await calculator.screenshot({ path: 'test-results/calculator-zh-hant-hk.png' });
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('keeps every figure of the followed trader inside its own cell on a phone, in both languages', async () => {
    // A cell's text wider than the cell runs into its neighbour without widening the panel: the Chinese view's
    // "US$110,454.68" ran into B's mark price at 390 px.
    for (const lang of ['en', 'zh-Hant-HK'])
      for (const width of [360, 390]) {
        const page = await browser.newPage({ viewport: { width, height: 844 } });
        const watch = watchPage(page, new URL(inject('rootUrl')).origin);
        await page.goto(`${inject('rootUrl')}?lang=${lang}`);
        await page.getByTestId('fate-hidden').waitFor({ timeout: 30_000 });
        await seek(page, 700); // the persona holds its position under one rule set, is out under the other
        const overflowing = await page
          .getByTestId('follow-trader')
          .evaluate((panel) =>
            [...panel.querySelectorAll('.compare th, .compare td')]
              .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
              .map((cell) => `${cell.textContent?.trim()} (${cell.scrollWidth} px in ${cell.clientWidth})`),
          );
        expect(overflowing, `${lang} at ${width} px`).toEqual([]);
        expect(await page.getByTestId('mark-A').textContent()).toMatch(/\$1\d\d,\d{3}\.\d\d/);
        expect(watch.problems).toEqual([]);
        await page.close();
      }
  });

  it('fits a phone screen: nothing in the trader panels or the calculator is wider than its panel', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await openApp(page);
    await seek(page, 700);
    const panels = ['[data-testid="follow-trader"]', '[data-testid="adl-queue"]', 'section.calculator'];
    for (const selector of panels) {
      const panel = page.locator(selector);
      await panel.scrollIntoViewIfNeeded();
      const { scroll, client } = await panel.evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
      }));
      expect(scroll, selector).toBeLessThanOrEqual(client + 1);
    }
    await page.getByTestId('follow-trader').screenshot({ path: 'test-results/trader-follow-phone.png' });
    await page.locator('section.calculator').screenshot({ path: 'test-results/calculator-phone.png' });
    expect(watch.problems).toEqual([]);
    await page.close();
  });
});
