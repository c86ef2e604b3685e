/**
 * The numbers on the outcome card are the command line's numbers for the same state: the app's default
 * comparison (10–11 Oct 2025, HK SFC 2026 beside an offshore exchange, 200 traders, seed 20251010) against
 * `cli compare` run in Node on the same engine.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, endText, launchChromium, watchPage } from './chromium.ts';
import type { RunSummary } from '../../src/engine/run/summary.ts';

const usd = (value: number) =>
  value > 0.005
    ? new Intl.NumberFormat('en', {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
        minimumFractionDigits: 0,
      }).format(value)
    : 'none';
const percent = (value: number) =>
  new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(value);

describe.skipIf(!chromiumAvailable)('the outcome card against the command line', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the CLI summary numbers for the default state', { timeout: 60_000 }, async () => {
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'compare',
        '--scenario',
        '2025-10-tariff-crash',
        '--regimes',
        'hk-sfc-2026,offshore-cex',
        '--seed',
        '20251010',
        '--traders',
        '200',
      ],
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const runs = (JSON.parse(cli.stdout) as { runs: RunSummary[] }).runs;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { problems } = watchPage(page, new URL(inject('rootUrl')).origin);
    await page.goto(inject('rootUrl'));
    // The end-of-run table, shown on request (the stage hides it until the end).
    await expect.poll(() => endText(page, 'outcome-table'), { timeout: 20_000 }).not.toBeNull();
    await expect.poll(() => page.getByRole('button', { name: 'Stop' }).count(), { timeout: 20_000 }).toBe(0);
    const cell = (row: string, letter: 'A' | 'B') =>
      page.getByTestId(`outcome-${row}-${letter}`).textContent();
    for (const [k, letter] of [
      [0, 'A'],
      [1, 'B'],
    ] as const) {
      const s = runs[k]!;
      expect(await cell('liquidated', letter)).toBe(`${s.liquidations.traders} of ${s.traders}`);
      expect(await cell('adl', letter)).toBe(String(s.adl.count));
      expect(await cell('lossesBeyond', letter)).toBe(usd(s.lossesBeyondDeposits));
      expect(await cell('fundDrawdown', letter)).toBe(usd(s.insuranceFund.start - s.insuranceFund.min));
      expect(await cell('fundDrawn', letter)).toBe(usd(s.insuranceFund.drawn));
      expect(await cell('brokerShortfall', letter)).toBe(usd(s.brokerShortfall));
      // The default state has one venue per rule set: the cell names the market where the gap happened.
      expect(await cell('dislocation', letter)).toBe(
        `${percent(s.maxPriceDislocation)} (${s.maxPriceDislocationAt.market})`,
      );
      expect(await cell('refusedPerp', letter)).toBe(String(s.refusedProducts.perp));
    }
    // Under the HK rules retail traders are kept out of perpetuals; offshore, they trade and some are liquidated.
    expect(runs[0]!.refusedProducts.perp).toBeGreaterThan(0);
    expect(runs[1]!.liquidations.traders).toBeGreaterThan(runs[0]!.liquidations.traders);
    await page.screenshot({
      path: 'test-results/outcome-card.png',
      clip: (await page.getByTestId('outcome-table').boundingBox())!,
    });
    expect(problems).toEqual([]);
    await page.close();
  });
});
