/**
 * Extreme but legal inputs run to completion with finite numbers and the invariants kept (issue: numeric
 * safety): leverage 1× and the highest cap, a 100% haircut, an empty insurance fund, a price path to near zero.
 */
import { describe, expect, it } from 'vitest';
import type { PerpEvent } from '../perp/events.ts';
import { openAccount } from '../perp/exchange.ts';
import { checkInvariants } from '../perp/invariants.ts';
import { fixedSpreadSeam } from '../perp/market-seam.ts';
import { placeMarketOrder } from '../perp/orders.ts';
import { stepExchange } from '../perp/step.ts';
import { testRules, testVenue } from '../perp/test-support.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { runScenario } from './run.ts';

function finite(value: unknown): boolean {
  return !/NaN|Infinity/.test(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)),
  );
}

const crash = (over: Partial<RunConfig>): RunConfig => ({
  ...DEFAULT_RUN,
  scenario: 'synthetic-flash-crash',
  days: 1,
  invariantEvery: 1,
  population: { ...DEFAULT_RUN.population, traders: 120 },
  ...over,
});

describe('extreme but legal inputs', () => {
  it.each([
    ['leverage capped at 1×', { regime: 'offshore-cex', overrides: { 'perp.maxLeverage': 1 } }],
    ['the highest cap (125×) with retail appetite', { regime: 'offshore-cex' }],
    [
      'a 100% haircut on BTC and ETH',
      {
        regime: 'hk-sfc-2026',
        overrides: {
          'financing.collateral.BTC': { eligible: true, haircut: 1 },
          'financing.collateral.ETH': { eligible: true, haircut: 1 },
        },
      },
    ],
    ['an empty insurance fund', { regime: 'onchain-perp-dex', overrides: { 'perp.insuranceFundStart': 0 } }],
  ] as const)('%s: completes, finite, conserving', (_name, over) => {
    const { summary, frames, events } = runScenario(crash(over as Partial<RunConfig>));
    expect(summary.steps).toBe(1440);
    expect(summary.conservationError).toBeLessThan(1e-9);
    expect(summary.insuranceFund.min).toBeGreaterThanOrEqual(0);
    expect(finite(summary)).toBe(true);
    expect(finite(events)).toBe(true);
    for (const [key, column] of Object.entries(frames))
      if (key !== 'length') expect((column as Float64Array).every(Number.isFinite)).toBe(true);
  });

  it('a price path to near zero: every long is liquidated, money and open interest still balance', () => {
    const state = testVenue(testRules({ insuranceFundStart: 1_000 }));
    const seam = fixedSpreadSeam(0.001);
    const events: PerpEvent[] = [];
    for (let i = 0; i < 20; i++) {
      const trader = openAccount(state, 'trader', 'retail', 1_000 + i * 500);
      placeMarketOrder(
        state,
        seam,
        {
          account: trader,
          market: i % 2 ? 'ETH' : 'BTC',
          side: i % 3 ? 'long' : 'short',
          qty: 0.05 + i * 0.01,
          leverage: 1 + (i % 20) * 5,
          mode: i % 2 ? 'cross' : 'isolated',
        },
        events,
      );
    }
    for (let step = 1; step <= 600; step++) {
      const f = Math.pow(1e-8, step / 600); // to a hundred-millionth of the start
      stepExchange(
        state,
        { BTC: { index: 50_000 * f, traded: 50_000 * f }, ETH: { index: 2_500 * f, traded: 2_500 * f } },
        seam,
        events,
      );
      const report = checkInvariants(state);
      expect(report.conservationError).toBeLessThan(1e-9);
      expect(report.openInterestError).toBeLessThan(1e-9);
      expect(report.minInsuranceFund).toBeGreaterThanOrEqual(0);
    }
    expect(finite(events)).toBe(true);
    for (const account of state.accounts)
      if (account.kind === 'trader') expect(account.positions.BTC?.size ?? 0).toBeLessThanOrEqual(0);
  });
});
