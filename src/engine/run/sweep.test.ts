/**
 * The sweep's plan and points: values evenly spaced with clean decimals, every seed at every value (common
 * random numbers), the swept path set on top of the rule set's own changes, default ranges that every preset
 * accepts, and a point's spreads read from the runs' own summaries.
 */
import { describe, expect, it } from 'vitest';
import { catalogueKeyOf, defaultSweepRange, SWEEP_PATHS } from '../guardrail-catalogue/sweep-ranges.ts';
import { GUARDRAIL_CATALOGUE } from '../guardrail-catalogue/index.ts';
import { customRegime, PRESET_IDS } from '../regimes/index.ts';
import { isRefusal } from '../validation/index.ts';
import { DEFAULT_RUN } from './config.ts';
import { runScenario } from './run.ts';
import { sweepPathsFor, sweepPlan, sweepPoint, sweepValues, type SweepRequest } from './sweep.ts';

const REQUEST: SweepRequest = {
  run: {
    ...DEFAULT_RUN,
    scenario: 'synthetic-flash-crash',
    days: 0.5,
    seed: 7,
    population: { ...DEFAULT_RUN.population, traders: 30 },
  },
  regime: 'hk-sfc-2026',
  overrides: { 'perp.maxLeverage': 5 },
  guardrail: 'financing.collateral.BTC.haircut',
  from: 0.1,
  to: 0.7,
  steps: 4,
  seeds: 3,
};

describe('sweep plan', () => {
  it('spaces the values evenly from one end to the other, in clean decimals', () => {
    expect(sweepValues(0, 0.9, 4)).toEqual([0, 0.3, 0.6, 0.9]);
    expect(sweepValues(1, 125, 5)).toEqual([1, 32, 63, 94, 125]);
  });

  it('runs every seed at every value, with the value on top of the rule set’s own changes', () => {
    const plan = sweepPlan(REQUEST);
    expect(plan.map((s) => s.value)).toEqual([0.1, 0.3, 0.5, 0.7]);
    for (const { value, configs } of plan) {
      expect(configs.map((c) => c.seed)).toEqual([7, 8, 9]);
      for (const config of configs) {
        const regime = customRegime(config.regime, config.overrides!);
        expect(regime.financing.collateral.BTC.haircut).toBe(value);
        expect(regime.perp.maxLeverage).toBe(5);
        expect(regime.financing.collateral.ETH.haircut).toBe(0.6);
      }
    }
  });

  it('sweeps only simulated guardrails with one number, from the catalogue', () => {
    for (const path of SWEEP_PATHS)
      expect(GUARDRAIL_CATALOGUE.find((e) => e.key === catalogueKeyOf(path))?.simulated, path).toBe(true);
    // A table is swept by its first-tier rate, under a path of its own, not by the table's path.
    expect(catalogueKeyOf('perp.maintenanceRate.ETH')).toBe('perp.tiers.ETH');
    expect(() => sweepPlan({ ...REQUEST, guardrail: 'perp.tiers.BTC' })).toThrow(/one number/);
    expect(() => sweepPlan({ ...REQUEST, guardrail: 'financing.collateral.other-crypto.haircut' })).toThrow(
      /one number/,
    );
  });

  it('has a default range every preset accepts, for every path it has', () => {
    for (const preset of PRESET_IDS) {
      const paths = sweepPathsFor(preset);
      expect(paths.length, preset).toBeGreaterThan(10);
      for (const guardrail of paths) {
        const { from, to } = defaultSweepRange(guardrail, preset);
        expect(() =>
          sweepPlan({ ...REQUEST, regime: preset, overrides: {}, guardrail, from, to, steps: 20 }),
        ).not.toThrow();
      }
    }
    // No partial liquidation under the ESMA preset: its slice cannot be swept there.
    expect(sweepPathsFor('eu-esma-retail')).not.toContain('perp.partialLiquidation.sliceFraction');
    expect(sweepPathsFor('offshore-cex')).toContain('perp.partialLiquidation.sliceFraction');
  });

  it('refuses a value the rule set cannot take, in the engine’s words', () => {
    const refusal = (() => {
      try {
        sweepPlan({ ...REQUEST, to: 1.2 });
      } catch (error) {
        return error;
      }
    })();
    expect(isRefusal(refusal)).toBe(true);
    expect((refusal as Error).message).toBe('BTC haircut must be between 0 and 1 (got 1.2)');
    expect(() => sweepPlan({ ...REQUEST, steps: 1 })).toThrow(/steps must be a whole number from 2/);
    expect(() => sweepPlan({ ...REQUEST, from: 0.5, to: 0.5 })).toThrow(
      /to must be a number greater than 0.5/,
    );
    expect(() => sweepPlan({ ...REQUEST, from: Number.NaN })).toThrow(/from must be a finite number/);
  });

  it('offers a market’s guardrails only where the rule set lists that market (HK lists no ALT perpetual)', () => {
    expect(sweepPathsFor('hk-sfc-2026').filter((p) => p.endsWith('.ALT'))).toEqual([]);
    expect(sweepPathsFor('offshore-cex')).toEqual(
      expect.arrayContaining(['extras.maxLeverageByMarket.ALT', 'perp.maintenanceRate.ALT']),
    );
    expect(() =>
      sweepPlan({ ...REQUEST, guardrail: 'extras.maxLeverageByMarket.ALT', from: 2, to: 10 }),
    ).toThrow(/does not list the ALT perpetual, so this changes nothing/);
    // Listed by the rule set's own change: then it may be swept.
    expect(() =>
      sweepPlan({
        ...REQUEST,
        overrides: { 'perp.listsAlt': true },
        guardrail: 'extras.maxLeverageByMarket.ALT',
        from: 2,
        to: 5,
      }),
    ).not.toThrow();
  });
});

describe('sweep point', () => {
  it('is the median and the 10th and 90th percentiles of each figure over the seeds', () => {
    const [step] = sweepPlan({ ...REQUEST, steps: 2, seeds: 5 });
    const summaries = step!.configs.map((c) => runScenario(c).summary);
    const point = sweepPoint(step!.value, summaries);
    expect(point.value).toBe(0.1);
    const pnls = summaries.map((s) => s.byClass.retail.pnl).sort((a, b) => a - b);
    // Five runs: the median is the third; the 10th percentile sits 0.4 of the way from the first to the second.
    expect(point['byClass.retail.pnl']).toEqual({
      p10: pnls[0]! + 0.4 * (pnls[1]! - pnls[0]!),
      median: pnls[2],
      p90: pnls[3]! + 0.6 * (pnls[4]! - pnls[3]!),
      runs: 5,
    });
    expect(point['byClass.retail.loss']!.median).toBe(Math.max(0, -pnls[2]!));
    expect(point['insuranceFund.drawdown']!.runs).toBe(5);
  });
});
