/**
 * The stage's counters: each rule set's state so far at the playhead, read from its run's frames (one row per
 * frame, src/engine/run/frames.ts). At the last frame they are the run's summary (frame-counters.test.ts).
 */
import type { RunResult } from '../../engine/run/run.ts';

export const COUNTERS = ['liquidated', 'insuranceFund', 'adl', 'lossesBeyond', 'retailEquity'] as const;
export type CounterId = (typeof COUNTERS)[number];

export interface CountersAt {
  traders: number;
  liquidated: number;
  insuranceFund: number;
  adl: number;
  lossesBeyond: number;
  retailEquity: number;
  /** Retail equity now minus at the first frame. */
  retailChange: number;
}

/** Rule set `result`'s counters at frame `frame` (clamped to the run's frames). */
export function countersAt(result: RunResult, frame: number): CountersAt {
  const f = result.frames;
  const i = Math.max(0, Math.min(f.length - 1, Math.round(frame)));
  return {
    traders: result.summary.traders,
    liquidated: f.liquidatedTraders[i]!,
    insuranceFund: f.insuranceFund[i]!,
    adl: f.adlEvents[i]!,
    lossesBeyond: f.lossesBeyondDeposits[i]!,
    retailEquity: f.equityRetail[i]!,
    retailChange: f.equityRetail[i]! - f.equityRetail[0]!,
  };
}
