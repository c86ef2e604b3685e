/**
 * The liquidation index keys an untouched holder at a rebuild from the inputs it kept when it last read the
 * account (liquidation-watch.ts), which is right only if every change to a position's size, entry, margin or
 * snapshots, or to a cross wallet, goes through touchAccount. Checked after every step: on random venues
 * (ADL, socialised losses, bad debt) and in whole runs under every preset, crash scenarios and leakage
 * offshore.
 */
import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../regimes/types.ts';
import { DEFAULT_RUN } from '../run/config.ts';
import { createRun } from '../run/run-state.ts';
import { isFinished, stepRun } from '../run/step-run.ts';
import type { ExchangeState } from './exchange.ts';
import { LiquidationWatch } from './liquidation-watch.ts';
import { randomRun } from './random-venue-run.ts';

function staleInputs(state: ExchangeState): number[] {
  expect(state.watch).toBeInstanceOf(LiquidationWatch);
  return (state.watch as LiquidationWatch).staleInputs(state);
}

describe('the liquidation index’s kept inputs', () => {
  it('match every untouched holder’s account after every step of random venues', () => {
    let checked = 0;
    for (let i = 0; i < 120; i++)
      randomRun(i * 7919, 3 + (i % 50), 240, true, {
        before() {},
        after(state) {
          expect(staleInputs(state), `seed ${i * 7919}`).toEqual([]);
          checked++;
        },
      });
    expect(checked).toBeGreaterThan(0);
  }, 60_000);

  it('match every untouched holder’s account after every step of runs under every preset', () => {
    for (const regime of PRESET_IDS)
      for (const scenario of ['2020-03-black-thursday', '2022-11-ftx'] as const) {
        const run = createRun({
          ...DEFAULT_RUN,
          seed: 11,
          scenario,
          regime,
          population: { ...DEFAULT_RUN.population, traders: 120, leakage: 0.3 },
        });
        while (!isFinished(run)) {
          stepRun(run);
          for (const venue of [run.onshore, run.offshore])
            if (venue) expect(staleInputs(venue.exchange), `${regime} ${scenario}`).toEqual([]);
        }
      }
  }, 120_000);
});
