/**
 * "Ranges over 30 seeds" in Chromium on the production build (issue 16): one click runs the default comparison
 * on seeds 20251010 … 20251039 in the worker pool, and every range on the outcome card is the command line's
 * `compare --seeds 30` for the same state (the CLI run in Node: the independent path). Stop ends a run with
 * the seeds so far; the live region says when the ranges are ready. Also measured, not asserted (issue 16:
 * timings belong to the bench, not to a timed test): click-to-ranges for the first and the tenth click, and
 * the main thread's long tasks meanwhile, written to test-results/seed-ranges-timing.json.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, endText, launchChromium, watchPage } from './chromium.ts';
import type { Spread } from '../../src/engine/run/across-seeds.ts';
import type { RunSummary } from '../../src/engine/run/summary.ts';

type Figures = Record<string, Spread & { runs: number }>;

const count = (v: number) => new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(v);
const usd = (v: number) =>
  new Intl.NumberFormat('en', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(v);
const percent = (v: number) =>
  new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(v);
const text = (format: (v: number) => string, s: Spread) =>
  `median ${format(s.median)} (p10–p90 ${format(s.p10)}–${format(s.p90)})`;

/** Type 7 quantile (linear between closest ranks), written here again: the test's own arithmetic. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/**
 * What each row of the card should read, from the CLI's figures and runs (in the row's own words: a loss; the
 * fund's drawdown, start − min of each seed's run, since the fund is sized per seed).
 */
function expected(figures: Figures, runs: RunSummary[]): Record<string, string> {
  const f = (path: string) => figures[path]!;
  const pnl = f('byClass.retail.pnl');
  const loss = (v: number) => Math.max(0, -v);
  const drawdowns = runs.map((s) => s.insuranceFund.start - s.insuranceFund.min);
  const drawdown = {
    p10: quantile(drawdowns, 0.1),
    median: quantile(drawdowns, 0.5),
    p90: quantile(drawdowns, 0.9),
  };
  return {
    liquidated: text(count, f('liquidations.traders')),
    lossesBeyond: text(usd, f('lossesBeyondDeposits')),
    retailLosses: text(usd, { p10: loss(pnl.p90), median: loss(pnl.median), p90: loss(pnl.p10) }),
    adl: text(count, f('adl.count')),
    fundDrawdown: text(usd, drawdown),
    brokerShortfall: text(usd, f('brokerShortfall')),
    dislocation: text(percent, f('maxPriceDislocation')),
    refusedPerp: text(count, f('refusedProducts.perp')),
  };
}

/** Clicks the toggle in the page and returns the milliseconds until the last seed's ranges are on screen. */
const clickToRanges = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const began = performance.now();
        (document.querySelector('[data-testid="seed-toggle"]') as HTMLButtonElement).click();
        const check = () => {
          if (document.querySelector('[data-testid="seed-status"]')) resolve(performance.now() - began);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );

describe.skipIf(!chromiumAvailable)('ranges over 30 seeds', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'shows the command line’s ranges, streams with Stop, and is announced',
    { timeout: 240_000 },
    async () => {
      const args = ['--import', 'tsx', 'src/cli/main.ts', 'compare', '--scenario', '2025-10-tariff-crash'];
      args.push(
        '--regimes',
        'hk-sfc-2026,offshore-cex',
        '--seed',
        '20251010',
        '--traders',
        '200',
        '--seeds',
        '30',
      );
      const cli = spawnSync(process.execPath, args, { encoding: 'utf8' });
      expect(cli.status, cli.stderr).toBe(0);
      const out = JSON.parse(cli.stdout) as {
        runs: RunSummary[];
        acrossSeeds: { seeds: number[]; figures: Figures }[];
      };
      const across = out.acrossSeeds;
      // The runs seed by seed, A then B.
      const runsOf = (k: number) => out.runs.filter((_, i) => i % 2 === k);
      expect(across[0]!.seeds).toEqual(Array.from({ length: 30 }, (_, k) => 20251010 + k));

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(() => {
        const w = window as unknown as { longTasks: { start: number; duration: number }[] };
        w.longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      });
      const { problems } = watchPage(page, new URL(inject('rootUrl')).origin);
      await page.goto(inject('rootUrl'));
      await expect.poll(() => endText(page, 'outcome-table'), { timeout: 30_000 }).not.toBeNull();
      await expect
        .poll(() => page.getByRole('button', { name: 'Stop' }).count(), { timeout: 30_000 })
        .toBe(0);
      const toggle = page.getByRole('button', { name: 'Ranges over 30 seeds' });
      await toggle.waitFor();
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      // A teacher reads the first screen before clicking: the pool warms meanwhile (issue 16).
      await page.waitForTimeout(3_000);

      const before = await page.evaluate(() => performance.now());
      const first = await clickToRanges(page);
      const after = await page.evaluate(() => performance.now());
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      for (const [k, letter] of [
        [0, 'A'],
        [1, 'B'],
      ] as const) {
        const want = expected(across[k]!.figures, runsOf(k));
        for (const [row, shown] of Object.entries(want))
          expect(
            await page.getByTestId(`outcome-${row}-${letter}-spread`).textContent(),
            `${row} ${letter}`,
          ).toBe(shown);
      }
      // The verdict on liquidations follows the CLI's ranges: apart, or overlapping (then it may be luck).
      const [a, b] = across.map((x) => x.figures['liquidations.traders']!);
      const overlap = a!.p10 <= b!.p90 && b!.p10 <= a!.p90;
      expect(await page.getByTestId('outcome-liquidated-verdict').getAttribute('data-verdict')).toBe(
        overlap ? 'overlap' : 'apart',
      );
      await expect
        .poll(() => page.getByTestId('live-region').textContent(), { timeout: 10_000 })
        .toContain('Ranges over 30 seeds are ready');
      // The stage's counters at the last frame show the same ranges (issue 18), by keyboard on the slider.
      await page.locator('input[type="range"]').first().focus();
      await page.keyboard.press('End');
      const range = (f: Spread, format: (v: number) => string) => `p10–p90 ${format(f.p10)}–${format(f.p90)}`;
      for (const [k, letter] of [
        [0, 'A'],
        [1, 'B'],
      ] as const) {
        const f = (path: string) => across[k]!.figures[path]!;
        expect(await page.getByTestId(`counter-liquidated-${letter}-range`).textContent()).toBe(
          range(f('tradersForcedOut'), count),
        );
        expect(await page.getByTestId(`counter-insuranceFund-${letter}-range`).textContent()).toBe(
          range(f('insuranceFund.end'), usd),
        );
        expect(await page.getByTestId(`counter-adl-${letter}-range`).textContent()).toBe(
          range(f('adl.count'), count),
        );
      }
      await page.getByTestId('stage-counters').screenshot({ path: 'test-results/seed-ranges-counters.png' });
      const longTasks = (
        await page.evaluate(
          () => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks,
        )
      ).filter((task) => task.start >= before && task.start <= after);
      await page.locator('#outcome').screenshot({ path: 'test-results/seed-ranges-1280.png' });

      // Stop, by keyboard: the toggle off and on again, then Stop the seeds at once.
      await toggle.focus();
      await page.keyboard.press('Space');
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Stop the seeds' }).click();
      await expect
        .poll(() => page.getByTestId('seed-status').textContent(), { timeout: 10_000 })
        .toMatch(/Stopped after \d+ of 30 seeds/);
      expect(await page.getByRole('button', { name: 'Stop the seeds' }).count()).toBe(0);

      // Nine more clicks: the tenth is timed like the first.
      const times = [first];
      for (let k = 2; k <= 10; k++) {
        await toggle.click(); // off
        times.push(await clickToRanges(page));
      }
      writeFileSync(
        'test-results/seed-ranges-timing.json',
        JSON.stringify(
          {
            measured: new Date().toISOString(),
            clickToRangesMs: times.map(Math.round),
            longTasksDuringFirst: longTasks.map((t) => Math.round(t.duration)),
          },
          null,
          2,
        ),
      );
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  for (const [lang, name, query] of [
    ['en', 'Ranges over 30 seeds', ''],
    ['zh-Hant-HK', '30 個種子的範圍', '?lang=zh-Hant-HK'],
  ] as const)
    it(`fits 360 px with the ranges shown, stacked (${lang})`, { timeout: 120_000 }, async () => {
      // bypassCSP: so axe-core can be injected (as in accessibility.test.ts); the app itself is unchanged.
      const page = await browser.newPage({ viewport: { width: 360, height: 800 }, bypassCSP: true });
      await page.goto(inject('rootUrl') + query);
      await expect.poll(() => endText(page, 'outcome-table'), { timeout: 30_000 }).not.toBeNull();
      await page.getByRole('button', { name }).click();
      await page.getByTestId('seed-status').waitFor({ timeout: 90_000 });
      const fit = await page.evaluate(() => {
        const table = document.querySelector('[data-testid="outcome-table"]')!;
        const spreadB = document.querySelector('[data-testid="outcome-liquidated-B-spread"]')!;
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          wrap: table.parentElement!.scrollWidth - table.parentElement!.clientWidth,
          spreadBRight: spreadB.getBoundingClientRect().right,
          width: document.documentElement.clientWidth,
        };
      });
      expect(fit.page).toBeLessThanOrEqual(0);
      expect(fit.wrap).toBeLessThanOrEqual(0);
      expect(fit.spreadBRight).toBeLessThanOrEqual(fit.width);
      await page.locator('#outcome').screenshot({ path: `test-results/seed-ranges-360-${lang}.png` });
      // The ranges, verdicts and their controls pass axe: no serious or critical violation.
      await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: Element) => Promise<AxeResults> } }).axe;
        interface AxeResults {
          violations: { id: string; impact: string | null; nodes: unknown[] }[];
        }
        const results = await axe.run(document.querySelector('#outcome')!);
        return results.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
      });
      expect(violations.filter((v) => /serious|critical/.test(v))).toEqual([]);
      await page.close();
    });
});
