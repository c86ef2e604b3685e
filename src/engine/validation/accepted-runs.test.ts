/**
 * Accepted means runnable (issue 19): any config that passes validateRunConfig runs to the end with finite
 * results, including the extreme ends of each range. Lean: a 6-hour crash, 20 traders, a few dozen cases.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RUN, validateRunConfig, type RunConfig } from '../run/config.ts';
import { PRESET_IDS } from '../regimes/types.ts';
import { runScenario } from '../run/run.ts';
import { MAX_INSURANCE_FUND_START, MIN_PARTIAL_NOTIONAL, MIN_SLICE_FRACTION } from './bounds.ts';

/** Values at and near the ends of the ranges the rules allow, and some in between. */
const extreme = (low: number, high: number) =>
  fc.oneof(fc.constant(low), fc.constant(high), fc.double({ min: low, max: high, noNaN: true }));

const overrides = fc.record(
  {
    'perp.maxLeverage': extreme(1, 1000),
    'perp.takerFeeRate': extreme(0, 0.1),
    'perp.makerFeeRate': extreme(0, 0.1),
    'perp.liquidationFeeRate': extreme(0, 0.5),
    'perp.markBasisClamp': extreme(0, 0.5),
    'perp.tiers.BTC': extreme(0, 0.5).map((mmr) => [{ floor: 0, mmr }]),
    'perp.tiers.ETH': extreme(0, 0.5).map((mmr) => [{ floor: 0, mmr }]),
    'perp.partialLiquidation': fc.oneof(
      fc.constant(null),
      fc.record({
        sliceFraction: extreme(MIN_SLICE_FRACTION, 1),
        minNotional: extreme(MIN_PARTIAL_NOTIONAL, 1e9),
      }),
    ),
    'perp.insuranceFundStart': extreme(0, MAX_INSURANCE_FUND_START),
    'financing.targetLtv': extreme(0, 1),
    'financing.callLtv': extreme(0, 1),
    'financing.liquidationLtv': extreme(0, 1),
    retailLeverageAppetite: extreme(0, 10),
  },
  { requiredKeys: [] },
);

function accepted(config: RunConfig): boolean {
  try {
    validateRunConfig(config);
    return true;
  } catch {
    return false;
  }
}

const finite = (value: unknown) =>
  !/NaN|Infinity/.test(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)),
  );

describe('any accepted config runs to the end (issue 19)', () => {
  it('random accepted guardrails, every preset: completes with finite results', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRESET_IDS), overrides, fc.nat(1_000), (regime, over, seed) => {
        const config: RunConfig = {
          ...DEFAULT_RUN,
          scenario: 'synthetic-flash-crash',
          days: 0.25,
          regime,
          seed,
          overrides: over as RunConfig['overrides'],
          population: { ...DEFAULT_RUN.population, traders: 20 },
          invariantEvery: 1,
        };
        fc.pre(accepted(config));
        const { summary } = runScenario(config);
        expect(summary.steps).toBe(360);
        expect(finite(summary)).toBe(true);
        expect(summary.conservationError).toBeLessThan(1e-6);
      }),
      { numRuns: 40 },
    );
  });
});
