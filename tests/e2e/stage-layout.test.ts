/**
 * The stage (issue 18) at 1280×800 and 390×844 in Chromium: the market chart, the counters and Play in the
 * first viewport (measured with getBoundingClientRect); the counters read zero at minute 0 and, at the end,
 * the command line's summary for the same state; Tab reaches Play before any set-up field; a guardrail changed
 * in the settings shows on the stage with its new outcome without scrolling. Screenshots in test-results/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, watchPage } from './chromium.ts';
import { stageReady as ready } from './stage.ts';
import type { RunSummary } from '../../src/engine/run/summary.ts';
import { DEFAULT_RUN } from '../../src/engine/run/config.ts';
import { runScenario } from '../../src/engine/run/run.ts';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

type Box = { top: number; bottom: number; left: number; right: number };

/** The element's box in viewport pixels (after the page settled, unscrolled). */
const box = (page: Page, selector: string): Promise<Box> =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const r = element.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    });

const counter = (page: Page, id: string, letter: 'A' | 'B') =>
  page.getByTestId(`counter-${id}-${letter}`).getAttribute('data-value').then(Number);

function cliCompare(): RunSummary[] {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'compare', '--scenario', '2025-10-tariff-crash'];
  args.push('--regimes', 'hk-sfc-2026,offshore-cex', '--seed', '20251010', '--traders', '200');
  const cli = spawnSync(process.execPath, args, { encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(0);
  return (JSON.parse(cli.stdout) as { runs: RunSummary[] }).runs;
}

describe.skipIf(!chromiumAvailable)('the stage', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const size of SIZES)
    it(
      `${size.name} ${size.width}×${size.height}: chart, counters and Play in the first viewport; zero at minute 0; the CLI's figures at the end`,
      { timeout: 90_000 },
      async () => {
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
        const { problems } = watchPage(page, new URL(inject('rootUrl')).origin);
        await page.goto(inject('rootUrl'));
        await ready(page);
        await page.screenshot({ path: `test-results/stage-${size.name}.png` });
        const inView = (b: Box) =>
          b.top >= 0 && b.bottom <= size.height && b.left >= 0 && b.right <= size.width;
        for (const selector of [
          '[data-play]',
          '[data-testid="stage-chart"] [data-testid="time-chart"]',
          '[data-testid="stage-counters"]',
        ])
          expect(
            inView(await box(page, selector)),
            `${selector} at ${JSON.stringify(await box(page, selector))}`,
          ).toBe(true);
        // The end-of-run table waits: a class predicts first.
        expect(await page.getByTestId('outcome-table').count()).toBe(0);

        // Minute 0: nothing has happened yet, for either rule set.
        const runs = cliCompare();
        for (const [k, letter] of [
          [0, 'A'],
          [1, 'B'],
        ] as const) {
          expect(await counter(page, 'liquidated', letter)).toBe(0);
          expect(await counter(page, 'adl', letter)).toBe(0);
          expect(await counter(page, 'lossesBeyond', letter)).toBe(0);
          expect(await counter(page, 'insuranceFund', letter)).toBeCloseTo(runs[k]!.insuranceFund.start, 6);
          expect(await counter(page, 'retailEquity', letter)).toBeCloseTo(
            runs[k]!.byClass.retail.deposits,
            4,
          );
        }

        // Playing moves the counters; the end shows the summary and the table appears.
        await page.locator('[data-play]').click();
        await page.waitForTimeout(1500);
        expect(
          Number(await page.getByTestId('stage-chart').getByTestId('time-chart').getAttribute('data-frame')),
        ).toBeGreaterThan(0);
        await page.keyboard.press('End').catch(() => {});
        await page.getByRole('button', { name: 'Show the end' }).click();
        await expect.poll(() => page.getByTestId('outcome-table').count()).toBe(1);
        await page.locator('#playback-scrubber').fill('100000');
        for (const [k, letter] of [
          [0, 'A'],
          [1, 'B'],
        ] as const) {
          const s = runs[k]!;
          await expect.poll(() => counter(page, 'liquidated', letter)).toBe(s.tradersForcedOut);
          expect(await counter(page, 'adl', letter)).toBe(s.adl.count);
          expect(await counter(page, 'lossesBeyond', letter)).toBeCloseTo(s.lossesBeyondDeposits, 6);
          expect(await counter(page, 'insuranceFund', letter)).toBeCloseTo(s.insuranceFund.end, 6);
          expect(await counter(page, 'retailEquity', letter)).toBeCloseTo(
            s.byClass.retail.deposits + s.byClass.retail.pnl,
            4,
          );
        }
        expect(runs[1]!.liquidations.traders).toBeGreaterThan(0);
        await page.screenshot({ path: `test-results/stage-${size.name}-end.png` });
        expect(problems).toEqual([]);
        await page.close();
      },
    );

  it('Tab reaches Play before any set-up field', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(inject('rootUrl'));
    await ready(page);
    const order: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e) return 'none';
        if (e.hasAttribute('data-play')) return 'play';
        if (e.closest('#settings')) return 'settings';
        return e.tagName;
      });
      order.push(where);
      if (where === 'play' || where === 'settings') break;
    }
    expect(order.at(-1), order.join(' ')).toBe('play');
    await page.close();
  });

  for (const size of SIZES)
    it(
      `${size.name}: a guardrail changed in the settings shows on the stage with its new outcome, without scrolling`,
      { timeout: 90_000 },
      async () => {
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
        await page.goto(inject('rootUrl'));
        await ready(page);
        await page.locator('#playback-scrubber').fill('100000');
        const before = await counter(page, 'liquidated', 'B');
        if (size.name === 'phone') await page.getByRole('button', { name: 'Settings (S)' }).click();
        const field = page.locator('#rule-set-b-perp-maxLeverage');
        // Typed as a user would, without Playwright scrolling the page to the field: the settings panel scrolls
        // on its own (beside the stage, or a drawer on a phone), so the window must not move.
        await field.evaluate((input: HTMLInputElement) => {
          // The user scrolls the settings panel (not the page) to the field.
          const panel = input.closest('#settings')!;
          panel.scrollTop += input.getBoundingClientRect().top - panel.getBoundingClientRect().top - 40;
          input.focus({ preventScroll: true });
          input.select();
        });
        await page.keyboard.type('5');
        await expect
          .poll(() => page.getByTestId('stage-changes').textContent(), { timeout: 30_000 })
          .toContain('B: Maximum leverage (×) 125 → 5');
        await ready(page);
        const after = await counter(page, 'liquidated', 'B');
        expect(after).not.toBe(before);
        // The command line takes no guardrail changes: the engine itself, as the worker runs it.
        const changed = runScenario({
          ...DEFAULT_RUN,
          regime: 'offshore-cex',
          overrides: { 'perp.maxLeverage': 5 },
        });
        expect(after).toBe(changed.summary.tradersForcedOut);
        await page.screenshot({ path: `test-results/stage-${size.name}-changed.png` });
        const scroll = await page.evaluate(() => window.scrollY);
        expect(scroll).toBe(0);
        const changes = await box(page, '[data-testid="stage-changes"]');
        const liquidated = await box(page, '[data-testid="counter-liquidated-B"]');
        const settings = await box(page, '#settings');
        for (const b of [changes, liquidated]) {
          expect(b.top).toBeGreaterThanOrEqual(0);
          expect(b.bottom).toBeLessThanOrEqual(size.height);
          // Not under the drawer.
          if (size.name === 'phone') expect(b.bottom).toBeLessThanOrEqual(settings.top);
        }
        await page.close();
      },
    );
});
