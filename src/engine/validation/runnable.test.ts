/**
 * Accepted means runnable (issue 19): settings that passed validation and then failed or exploded mid-run are
 * refused up front, and a run with the smallest allowed slice stays small.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN, validateRunConfig, type RunConfig } from '../run/config.ts';
import type { RegimeOverrides } from '../regimes/guardrail-keys.ts';
import { runScenario } from '../run/run.ts';
import { MAX_INSURANCE_FUND_START, MIN_PARTIAL_NOTIONAL, MIN_SLICE_FRACTION } from './bounds.ts';

const withOverrides = (overrides: RegimeOverrides, over: Partial<RunConfig> = {}): RunConfig => ({
  ...DEFAULT_RUN,
  regime: 'offshore-cex',
  overrides,
  ...over,
});

describe('settings accepted then unrunnable are refused (issue 19)', () => {
  it.each([
    ['a slice of 1e-9', { 'perp.partialLiquidation': { sliceFraction: 1e-9, minNotional: 0 } }, /slice/],
    ['a slice of 5e-324', { 'perp.partialLiquidation': { sliceFraction: 5e-324, minNotional: 0 } }, /slice/],
    [
      'a minimum notional of 0',
      { 'perp.partialLiquidation': { sliceFraction: 0.2, minNotional: 0 } },
      /minimum notional/,
    ],
    ['target and call LTV 0', { 'financing.targetLtv': 0, 'financing.callLtv': 0 }, /margin-call LTV/],
    ['an insurance fund of 1e303', { 'perp.insuranceFundStart': 1e303 }, /insurance fund at start/],
  ] as const)('%s', (_name, overrides, message) => {
    expect(() => validateRunConfig(withOverrides(overrides as RegimeOverrides))).toThrow(message);
  });

  it('accepts the bounds themselves, and they run to the end with finite results', () => {
    const config = withOverrides(
      {
        'perp.partialLiquidation': { sliceFraction: MIN_SLICE_FRACTION, minNotional: MIN_PARTIAL_NOTIONAL },
        'perp.insuranceFundStart': MAX_INSURANCE_FUND_START,
        'perp.maxLeverage': 125,
      },
      {
        scenario: 'synthetic-flash-crash',
        days: 0.25,
        population: { ...DEFAULT_RUN.population, traders: 300 },
      },
    );
    validateRunConfig(config);
    const { summary } = runScenario(config);
    expect(summary.steps).toBe(360);
    expect(Number.isFinite(summary.insuranceFund.end)).toBe(true);
    // At the bounds, under 100 liquidation events per liquidated trader (at 5% and no floor: 33,000).
    expect(summary.liquidations.count).toBeLessThan(150 * Math.max(1, summary.liquidations.traders));
  });
});
