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
import { createRun, type RunState } from './run-state.ts';
import { resultOf, type RunResult } from './run.ts';
import { isFinished, stepRun } from './step-run.ts';

const SCENARIO = '2025-10-tariff-crash';
const START = scenarioInfo(SCENARIO).startUtc!;
const minuteOf = (utc: string) => (Date.parse(utc) - Date.parse(START)) / 60_000;
const FROM = minuteOf('2025-10-10T21:36:00Z');
const TO = minuteOf('2025-10-10T22:16:00Z');
const SEEDS = [1, 2, 3, 4, 5, 6];

/**
 * The run with its collateral path: the episode's depeg (`depeg`), the tokens at reference, or the basket priced
 * from the given ETH and ALT paths with the episode's depeg (`alt`, for a path other than the run's own).
 */
function run(config: RunConfig, depeg: boolean, alt?: (path: RunState['path']) => Float64Array): RunResult {
  const state = createRun(config);
  if (!depeg || alt)
    state.venueCollateral = venueCollateralPath(
      state.path.eth,
      alt ? alt(state.path) : state.path.alt,
      START,
      depeg ? scenarioInfo(SCENARIO).collateralDepeg : undefined,
    );
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

  it('the altcoin reaches the offshore margin book through BNSOL: its fall costs token holders (20 seeds)', () => {
    // The control keeps every token's depeg but holds BNSOL's reference (ALT) at its opening price, so the only
    // difference is the altcoin's own move (SOL-like: −31% within 45 minutes on 10 Oct 2025, guardrails §3).
    const seeds = Array.from({ length: 20 }, (_, k) => k + 1);
    let worse = 0;
    let salesWith = 0;
    let salesFlat = 0;
    let pnlWith = 0;
    let pnlFlat = 0;
    for (const seed of seeds) {
      const withAlt = run(config(seed, 'offshore-cex'), true);
      const flatAlt = run(config(seed, 'offshore-cex'), true, (path) =>
        new Float64Array(path.alt.length).fill(path.alt[0]!),
      );
      if (withAlt.summary.byProduct.margin.pnl < flatAlt.summary.byProduct.margin.pnl) worse++;
      pnlWith += withAlt.summary.byProduct.margin.pnl;
      pnlFlat += flatAlt.summary.byProduct.margin.pnl;
      salesWith += forcedSales(withAlt).length;
      salesFlat += forcedSales(flatAlt).length;
    }
    console.info(
      `margin clients worse off with ALT's move in ${worse} of ${seeds.length} seeds (their PnL over the seeds ` +
        `${Math.round(pnlWith)} vs ${Math.round(pnlFlat)} with ALT flat); forced sales ${salesWith} vs ${salesFlat}`,
    );
    // Measured 2026-12-06: worse in 15 of 20 seeds, US$-19.26m vs US$-18.49m, 536 forced sales vs 516. Not in
    // every seed: a forced sale moves the spot book, which changes what other clients' collateral fetches.
    expect(worse).toBeGreaterThan(seeds.length / 2);
    expect(pnlWith).toBeLessThan(pnlFlat);
    expect(salesWith).toBeGreaterThan(salesFlat);
  }, 180_000);

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
