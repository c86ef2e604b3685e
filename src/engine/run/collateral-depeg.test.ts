/**
 * Collateral that depegs (issue 21; guardrails §3, 10 Oct 2025): Binance valued USDe, wBETH and BNSOL on its
 * own book far below their reference between 21:36 and 22:16 UTC and force-sold accounts that had posted
 * them. The offshore preset's margin clients may post such tokens ("other crypto"); HK's rules take BTC and
 * ETH only (guardrails A5). The same run with the tokens at their reference is the control: production
 * settings, only the episode's depeg window taken away.
 */
import { describe, expect, it } from 'vitest';
import { venueCollateralPath } from '../scenarios/venue-collateral.ts';
import { scenarioInfo } from '../scenarios/catalogue.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { createRun } from './run-state.ts';
import { resultOf, type RunResult } from './run.ts';
import { isFinished, stepRun } from './step-run.ts';

const SCENARIO = '2025-10-tariff-crash';
const START = scenarioInfo(SCENARIO).startUtc!;
const minuteOf = (utc: string) => (Date.parse(utc) - Date.parse(START)) / 60_000;
const FROM = minuteOf('2025-10-10T21:36:00Z');
const TO = minuteOf('2025-10-10T22:16:00Z');
const SEEDS = [1, 2, 3, 4, 5, 6];

function run(config: RunConfig, depeg: boolean): RunResult {
  const state = createRun(config);
  if (!depeg) state.venueCollateral = venueCollateralPath(state.path.eth, START, undefined);
  while (!isFinished(state)) stepRun(state);
  return resultOf(state);
}

type ForcedSale = Extract<RunResult['events'][number], { type: 'forced-sale' }>;
const forcedSales = (r: RunResult) => r.events.filter((e): e is ForcedSale => e.type === 'forced-sale');
const config = (seed: number, regime: RunConfig['regime']): RunConfig => ({
  ...DEFAULT_RUN,
  scenario: SCENARIO,
  regime,
  seed,
});

describe('venue-priced collateral on 10 Oct 2025', () => {
  it('the offshore venue’s depeg forces sales that do not happen at reference prices (6 seeds)', () => {
    let withDepeg = 0;
    let without = 0;
    let pnlWith = 0;
    let pnlWithout = 0;
    for (const seed of SEEDS) {
      const depegged = run(config(seed, 'offshore-cex'), true);
      const control = run(config(seed, 'offshore-cex'), false);
      const sales = forcedSales(depegged);
      expect(sales.length, `seed ${seed}`).toBeGreaterThan(0);
      // Every extra forced sale falls in the window, and the tokens go at the venue's depegged price.
      for (const sale of sales.slice(forcedSales(control).length)) {
        expect(sale.step).toBeGreaterThanOrEqual(FROM);
        expect(sale.step).toBeLessThanOrEqual(TO);
      }
      const tokenSales = sales.filter((s) => s.asset === 'other-crypto');
      expect(tokenSales.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const s of tokenSales) expect(s.price).toBeLessThan(0.9);
      withDepeg += sales.length;
      without += forcedSales(control).length;
      pnlWith += depegged.summary.byProduct.margin.pnl;
      pnlWithout += control.summary.byProduct.margin.pnl;
      expect(depegged.summary.conservationError).toBeLessThan(1e-9);
    }
    console.info(
      `offshore forced sales over ${SEEDS.length} seeds: ${withDepeg} with the depeg, ${without} without`,
    );
    expect(withDepeg).toBeGreaterThan(without);
    expect(pnlWith).toBeLessThan(pnlWithout);
  }, 120_000);

  it('HK clients hold no such tokens (BTC/ETH-only collateral, A5): the depeg changes nothing', () => {
    for (const seed of SEEDS.slice(0, 2)) {
      const depegged = run(config(seed, 'hk-sfc-2026'), true);
      const control = run(config(seed, 'hk-sfc-2026'), false);
      expect(depegged.summary.checksum).toBe(control.summary.checksum);
      expect(forcedSales(depegged).some((s) => s.asset === 'other-crypto')).toBe(false);
    }
  }, 60_000);

  it('taking the tokens out offshore (other crypto not eligible) removes the depeg’s forced sales', () => {
    const refused = run(
      {
        ...config(1, 'offshore-cex'),
        overrides: { 'financing.collateral.other-crypto': { eligible: false, haircut: 1 } },
      },
      true,
    );
    expect(forcedSales(refused).filter((s) => s.step >= FROM && s.step <= TO)).toEqual([]);
    expect(forcedSales(run(config(1, 'offshore-cex'), true)).length).toBeGreaterThan(0);
  }, 60_000);
});
