/**
 * The frame counters the stage shows "so far" at the playhead: traders liquidated and losses beyond deposits.
 * Each frame's figure equals a scan of every trader at that minute, and the last frame equals the summary.
 */
import { describe, expect, it } from 'vitest';
import { createRun } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';
import { lossBeyondDeposits } from './observe.ts';
import { summarize } from './summary.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';

const CASES: RunConfig[] = [
  // Losses beyond deposits arise here (US CFTC, a flash crash, half the refused traders offshore): 12.58 USD.
  {
    ...DEFAULT_RUN,
    scenario: 'synthetic-flash-crash',
    regime: 'us-cftc',
    days: 1,
    population: { ...DEFAULT_RUN.population, leakage: 0.5 },
  },
  { ...DEFAULT_RUN, regime: 'offshore-cex' },
];

describe('frame counters', () => {
  for (const config of CASES)
    it(`${config.scenario} under ${config.regime}: every frame equals a full scan; the last the summary`, () => {
      const run = createRun(config);
      const f = run.frames;
      let checked = 0;
      let sawLoss = false;
      while (!isFinished(run)) {
        const before = f.length;
        stepRun(run);
        if (f.length === before) continue;
        let losses = 0;
        let liquidated = 0;
        for (let i = 0; i < run.population.count; i++) {
          losses += lossBeyondDeposits(run, i);
          liquidated += run.liquidated[i]!;
        }
        const last = f.length - 1;
        expect(f.columns.liquidatedTraders[last]).toBe(liquidated);
        expect(f.columns.lossesBeyondDeposits[last]).toBeCloseTo(losses, 9);
        sawLoss ||= losses > 0;
        checked++;
      }
      const summary = summarize(run);
      const last = f.length - 1;
      expect(checked).toBe(f.length - 1);
      expect(f.columns.liquidatedTraders[0]).toBe(0);
      expect(f.columns.lossesBeyondDeposits[0]).toBe(0);
      // Frames count broker forced sales too (run.liquidated), as the summary's tradersForcedOut does.
      expect(f.columns.liquidatedTraders[last]).toBe(summary.tradersForcedOut);
      expect(f.columns.lossesBeyondDeposits[last]).toBeCloseTo(summary.lossesBeyondDeposits, 9);
      expect(f.columns.insuranceFund[last]).toBe(summary.insuranceFund.end);
      expect(f.columns.adlEvents[last]).toBe(summary.adl.count);
      if (config.regime === 'us-cftc') expect(sawLoss).toBe(true);
    });
});
