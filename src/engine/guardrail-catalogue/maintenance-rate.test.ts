/**
 * The maintenance rate as a sweepable number: the table rescaled in proportion (floors kept, exact for a factor
 * of two), a one-tier table set to the rate itself, the ceilings refused in words that name the maintenance
 * rate, default ranges that hold the rule set's own rate, and a sweep whose outcome moves with it.
 */
import { describe, expect, it } from 'vitest';
import { BINANCE_BTCUSDT_2021 } from '../perp/tiers.ts';
import { customRegime, PRESET_IDS, REGIMES, type PresetId } from '../regimes/index.ts';
import { DEFAULT_RUN } from '../run/config.ts';
import { runScenario } from '../run/run.ts';
import { overridesAt, sweepPathsFor, sweepPlan, sweepPoint, type SweepRequest } from '../run/sweep.ts';
import { isRefusal } from '../validation/index.ts';
import { tiersAtFirstRate } from './maintenance-rate.ts';
import { defaultSweepRange, sweptGuardrail, sweptValue } from './sweep-ranges.ts';

const BTC = 'perp.maintenanceRate.BTC';
const ETH = 'perp.maintenanceRate.ETH';

function request(regime: PresetId, guardrail: string, from: number, to: number): SweepRequest {
  return { run: DEFAULT_RUN, regime, guardrail, from, to, steps: 2, seeds: 1 };
}

function refusalOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    expect(isRefusal(error)).toBe(true);
    return error as Error;
  }
  throw new Error('no refusal');
}

describe('maintenance rate, the table rescaled', () => {
  it('moves every tier of a multi-tier table in proportion, floors unchanged', () => {
    // Binance's 2021 BTCUSDT brackets (offshore preset): 0.4%, 0.5%, 1%, 2.5%, 5%.
    const doubled = tiersAtFirstRate(BINANCE_BTCUSDT_2021, 0.008);
    expect(doubled).toEqual([
      { floor: 0, mmr: 0.008 },
      { floor: 50_000, mmr: 0.01 },
      { floor: 250_000, mmr: 0.02 },
      { floor: 1_000_000, mmr: 0.05 },
      { floor: 10_000_000, mmr: 0.1 },
    ]);
    // 1.5×: written to 12 digits (3.75%, not 0.037500000000000006).
    expect(tiersAtFirstRate(BINANCE_BTCUSDT_2021, 0.006).map((t) => t.mmr)).toEqual([
      0.006, 0.0075, 0.015, 0.0375, 0.075,
    ]);
  });

  it('is the rule set’s own table at its own first rate, to the last bit', () => {
    const { BTC: btc, ETH: eth } = REGIMES['onchain-perp-dex'].perp.tiers;
    expect(tiersAtFirstRate(eth, eth[0]!.mmr)).toEqual(eth); // its second rate is 1/30
    expect(tiersAtFirstRate(btc, btc[0]!.mmr)).toEqual(btc);
  });

  it('sets the offshore table through the sweep, the rule set’s other changes kept', () => {
    const plan = sweepPlan({
      ...request('offshore-cex', BTC, 0.002, 0.006),
      overrides: { 'perp.maxLeverage': 100 },
      steps: 3,
    });
    expect(plan.map((s) => s.value)).toEqual([0.002, 0.004, 0.006]);
    const regime = customRegime('offshore-cex', plan[0]!.configs[0]!.overrides!);
    expect(regime.perp.tiers.BTC).toEqual([
      { floor: 0, mmr: 0.002 },
      { floor: 50_000, mmr: 0.0025 },
      { floor: 250_000, mmr: 0.005 },
      { floor: 1_000_000, mmr: 0.0125 },
      { floor: 10_000_000, mmr: 0.025 },
    ]);
    expect(regime.perp.maxLeverage).toBe(100);
    expect(regime.perp.tiers.ETH).toEqual(REGIMES['offshore-cex'].perp.tiers.ETH);
  });

  it('is the maintenance rate itself under the SFC [DEFAULT]’s one 5% tier', () => {
    const overrides = overridesAt(request('hk-sfc-2026', ETH, 0.01, 0.09), 0.08);
    expect(overrides).toEqual({ 'perp.tiers.ETH': [{ floor: 0, mmr: 0.08 }] });
    expect(sweptValue(REGIMES['hk-sfc-2026'], ETH)).toBe(0.05);
    expect(sweptValue(customRegime('hk-sfc-2026', overrides), ETH)).toBe(0.08);
    expect(sweptGuardrail(ETH)).toBe('perp.tiers.ETH');
    expect(sweptGuardrail('financing.collateral.BTC.haircut')).toBe('financing.collateral.BTC');
  });

  it('rescales a table the rule set already changed (a custom table, swept by its first rate)', () => {
    const overrides = overridesAt(
      {
        ...request('hk-sfc-2026', BTC, 0.01, 0.09),
        overrides: {
          'perp.tiers.BTC': [
            { floor: 0, mmr: 0.02 },
            { floor: 1_000_000, mmr: 0.04 },
          ],
        },
      },
      0.04,
    );
    expect(overrides['perp.tiers.BTC']).toEqual([
      { floor: 0, mmr: 0.04 },
      { floor: 1_000_000, mmr: 0.08 },
    ]);
  });
});

describe('maintenance rate, refused values', () => {
  it('refuses a rate at or above 1 ÷ the leverage cap, naming the maintenance rate', () => {
    // HK: 10× cap, so opening at the cap leaves 10% of equity: the rate must stay below it.
    expect(refusalOf(() => sweepPlan(request('hk-sfc-2026', BTC, 0.05, 0.1))).message).toBe(
      'BTC maintenance rate must be below 10% (1 ÷ the leverage cap: opening at the cap must leave equity ' +
        'above maintenance) (got 10%)',
    );
    // A market's own cap counts: ETH at 25× on the on-chain venue leaves 4%.
    expect(refusalOf(() => sweepPlan(request('onchain-perp-dex', ETH, 0.01, 0.04))).message).toMatch(
      /^ETH maintenance rate must be below 4% \(1 ÷ the leverage cap/,
    );
    expect(() => sweepPlan(request('onchain-perp-dex', ETH, 0.01, 0.039))).not.toThrow();
  });

  it('refuses a rate that would lift the top tier to 100%, when that binds before the cap', () => {
    // Binance's table tops out at 12.5 × its first rate: with a 5× cap, 8% is where the top tier reaches 100%.
    const refusal = refusalOf(() =>
      sweepPlan({ ...request('offshore-cex', ETH, 0.01, 0.09), overrides: { 'perp.maxLeverage': 5 } }),
    );
    expect(refusal.message).toBe(
      'ETH maintenance rate must be below 8% (where the top tier, scaled in proportion, reaches 100%) (got 9%)',
    );
  });

  it('refuses a negative rate, and a table whose first rate is 0 (nothing to scale)', () => {
    expect(refusalOf(() => overridesAt(request('hk-sfc-2026', BTC, 0, 1), -0.01)).message).toBe(
      'BTC maintenance rate must be a number ≥ 0% (got -1%)',
    );
    const flat = {
      ...request('hk-sfc-2026', BTC, 0.01, 0.02),
      overrides: { 'perp.tiers.BTC': [{ floor: 0, mmr: 0 }] },
    };
    expect(refusalOf(() => sweepPlan(flat)).message).toMatch(
      /^BTC maintenance tiers must be a table whose first rate is above 0/,
    );
  });
});

describe('maintenance rate, default ranges', () => {
  it('stops below each rule set’s ceiling on a round rate, and holds the rule set’s own rate', () => {
    const range = (preset: PresetId, path: string) => {
      const { from, to } = defaultSweepRange(path, preset);
      return [from, to];
    };
    expect(range('hk-sfc-2026', BTC)).toEqual([0.005, 0.095]); // 10× cap: below 10%
    expect(range('offshore-cex', BTC)).toEqual([0.002, 0.0075]); // 125× cap: below 0.8%
    expect(range('onchain-perp-dex', BTC)).toEqual([0.005, 0.02]); // 40×: below 2.5%
    expect(range('onchain-perp-dex', ETH)).toEqual([0.005, 0.035]); // 25×: below 4%
    expect(range('eu-esma-retail', BTC)).toEqual([0.005, 0.25]); // 2×: the table's 25%
    for (const preset of PRESET_IDS) {
      // Offered by every preset: its default range is one the rule set takes at every value.
      expect(sweepPathsFor(preset)).toEqual(expect.arrayContaining([BTC, ETH]));
      for (const path of [BTC, ETH]) {
        const [from, to] = range(preset, path);
        const own = sweptValue(REGIMES[preset], path)!;
        expect(own, `${preset} ${path}`).toBeGreaterThanOrEqual(from!);
        expect(own, `${preset} ${path}`).toBeLessThanOrEqual(to!);
      }
    }
  });
});

describe('maintenance rate, a sweep', () => {
  it('liquidates earlier at a higher rate: more liquidations, less drawn from the fund (offshore, Black Thursday)', () => {
    // Measured 2026-12-06 (5 seeds, 100 traders): liquidations 27 → 46, traders liquidated 27 → 28, fund
    // drawdown US$12.8k → US$8.5k (median) from 0.2% to 0.75%. Both ends of the offshore default range.
    const { from, to } = defaultSweepRange(BTC, 'offshore-cex');
    const plan = sweepPlan({
      run: {
        ...DEFAULT_RUN,
        scenario: '2020-03-black-thursday',
        seed: 1,
        population: { ...DEFAULT_RUN.population, traders: 100 },
      },
      regime: 'offshore-cex',
      guardrail: BTC,
      from,
      to,
      steps: 2,
      seeds: 5,
    });
    const [low, high] = plan.map(({ value, configs }) =>
      sweepPoint(
        value,
        configs.map((config) => runScenario(config).summary),
      ),
    );
    expect(high!['liquidations.count']!.median).toBeGreaterThan(low!['liquidations.count']!.median);
    expect(high!['liquidations.traders']!.median).toBeGreaterThanOrEqual(
      low!['liquidations.traders']!.median,
    );
    expect(high!['insuranceFund.drawdown']!.median).toBeLessThan(low!['insuranceFund.drawdown']!.median);
  }, 60_000);
});
