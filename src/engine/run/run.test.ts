import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../regimes/types.ts';
import { SCENARIO_IDS } from '../scenarios/catalogue.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { compareRegimes, runScenario, summaryOfRun } from './run.ts';
import { createRun } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';
import { summarize } from './summary.ts';

/**
 * Where a number is NaN or ±Infinity. JSON.stringify alone writes them as `null`, so a replacer records them
 * (as extremes.test.ts does).
 */
function nonFinitePaths(value: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    if (typeof v === 'number' && !Number.isFinite(v)) found.push(`${key}=${v}`);
    return v;
  });
  return found;
}

const small = (over: Partial<RunConfig> = {}): RunConfig => ({
  ...DEFAULT_RUN,
  population: { ...DEFAULT_RUN.population, traders: 60 },
  invariantEvery: 1,
  ...over,
});

describe('the run loop', () => {
  it('is reproducible: same seed, same checksum and numbers; another seed, another checksum', () => {
    const a = runScenario(small());
    const b = runScenario(small());
    expect(b.summary).toEqual(a.summary);
    expect(runScenario(small({ seed: 7 })).summary.checksum).not.toBe(a.summary.checksum);
  });

  it('compare agrees with separate runs and meets the same population in every regime', () => {
    const config = small({ scenario: 'synthetic-flash-crash', days: 0.5 });
    const [hk, offshore] = compareRegimes(config, ['hk-sfc-2026', 'offshore-cex']);
    expect(hk!.summary).toEqual(runScenario({ ...config, regime: 'hk-sfc-2026' }).summary);
    expect(offshore!.summary).toEqual(runScenario({ ...config, regime: 'offshore-cex' }).summary);
    expect(hk!.summary.byClass.retail.deposits).toBe(offshore!.summary.byClass.retail.deposits);
    expect(hk!.summary.byClass.professional.traders).toBe(offshore!.summary.byClass.professional.traders);
  });

  it('gives the full run’s summary when asked for the summary alone (the command line), checks included', () => {
    for (const [scenario, regime] of [
      ['synthetic-flash-crash', 'offshore-cex'],
      ['2022-11-ftx', 'hk-sfc-2026'],
    ] as const) {
      const config = small({
        scenario,
        regime,
        days: scenario.startsWith('synthetic') ? 1 : undefined,
        invariantEvery: 13,
        population: { ...DEFAULT_RUN.population, traders: 400, leakage: 0.3 },
      });
      expect(summaryOfRun(config)).toEqual(runScenario(config).summary);
    }
  });

  it(
    'gives the full run’s summary from a summary-only run in every scenario and preset, which takes no frame',
    { timeout: 120_000 },
    () => {
      for (const scenario of SCENARIO_IDS)
        for (const regime of PRESET_IDS) {
          const config = small({
            scenario,
            regime,
            ...(scenario.startsWith('synthetic') ? { days: 1 } : {}),
            invariantEvery: 0,
            population: { ...DEFAULT_RUN.population, traders: 40, leakage: 0.3 },
          });
          const run = createRun({ ...config, summaryOnly: true });
          while (!isFinished(run)) stepRun(run);
          expect(summarize(run), `${scenario} × ${regime}`).toEqual(runScenario(config).summary);
          // Nothing kept for frames: no frame row, no trace row, no touched list for an observer to drain.
          expect(run.frames.length).toBe(0);
          expect(run.traces.length).toBe(0);
          expect(run.onshore.exchange.touched).toBeNull();
          expect(run.broker.touched).toBeNull();
        }
    },
  );

  it(
    'conserves money to 1e-9 in every preset and scenario, with finite numbers everywhere',
    { timeout: 120_000 },
    () => {
      for (const scenario of SCENARIO_IDS)
        for (const regime of PRESET_IDS) {
          const days = scenario.startsWith('synthetic') ? { days: 1 } : {};
          const { summary, frames } = runScenario(
            small({
              scenario,
              regime,
              ...days,
              population: { ...DEFAULT_RUN.population, traders: 25, leakage: 0.3 },
            }),
          );
          expect(summary.conservationError, `${scenario} × ${regime}`).toBeLessThan(1e-9);
          expect(summary.insuranceFund.min).toBeGreaterThanOrEqual(0);
          expect(nonFinitePaths(summary), `${scenario} × ${regime}`).toEqual([]);
          for (const column of Object.values(frames))
            if (typeof column !== 'number') expect(column.every(Number.isFinite)).toBe(true);
        }
    },
  );

  describe('the direction of each guardrail on the crashes', () => {
    const crashes = [
      '2025-10-tariff-crash',
      '2020-03-black-thursday',
      '2021-05-crash',
      '2022-11-ftx',
    ] as const;
    it.each(crashes)(
      '%s: fewer traders liquidated and no losses beyond deposits under the HK rules than offshore',
      (scenario) => {
        const [hk, offshore] = compareRegimes(
          small({ scenario, population: DEFAULT_RUN.population, invariantEvery: 60 }),
          ['hk-sfc-2026', 'offshore-cex'],
        );
        expect(hk!.summary.liquidations.traders).toBeLessThan(offshore!.summary.liquidations.traders);
        expect(hk!.summary.lossesBeyondDeposits).toBe(0);
        expect(hk!.summary.refusedProducts.perp).toBeGreaterThan(0); // retail kept out of perpetuals (P1)
      },
    );

    it('smaller price dislocation with the affiliated market maker on (where the regime allows one)', () => {
      for (const scenario of ['synthetic-flash-crash', '2020-03-black-thursday'] as const) {
        const base = small({
          scenario,
          regime: 'offshore-cex',
          population: DEFAULT_RUN.population,
          invariantEvery: 60,
        });
        const off = runScenario(base).summary;
        const on = runScenario({ ...base, affiliatedMarketMaker: true }).summary;
        expect(on.maxPriceDislocation).toBeLessThan(off.maxPriceDislocation);
        // Offshore there are no SFC safeguards: it trades ahead of forced orders, and its gain is reported.
        expect(on.marketMakerGain).toBeGreaterThan(0);
      }
    });

    it('with the SFC safeguards the affiliated market maker gains nothing from forced flow', () => {
      const summary = runScenario(
        small({ scenario: '2020-03-black-thursday', affiliatedMarketMaker: true, invariantEvery: 60 }),
      ).summary;
      expect(summary.marketMakerGain).toBe(0);
    });
  });

  it('reports offshore outcomes separately when refused traders leak offshore', () => {
    const summary = runScenario(
      small({ population: { ...DEFAULT_RUN.population, traders: 100, leakage: 0.5 } }),
    ).summary;
    expect(summary.offshore).not.toBeNull();
    expect(summary.offshore!.traders).toBeGreaterThan(0);
    expect(runScenario(small()).summary.offshore).toBeNull();
  });

  it('keeps the three personas traceable', () => {
    const { summary, events } = runScenario(small({ regime: 'offshore-cex' }));
    expect(summary.personas.retailPerp20x.venue).toBe('onshore');
    expect(summary.personas.marginFinancedBtcHolder.venue).toBe('broker');
    expect(events.some((e) => e.trader === 0)).toBe(true);
  });

  it('refuses a config outside what is allowed, naming the field', () => {
    expect(() => runScenario(small({ seed: -1 }))).toThrow('seed must be a whole number ≥ 0 (got -1)');
    expect(() => runScenario(small({ days: 2 }))).toThrow(
      'days must be left out for 2025-10-tariff-crash, a historical scenario with a fixed length (got 2)',
    );
  });
});
