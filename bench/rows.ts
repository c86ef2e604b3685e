/**
 * The bench's rows: what each one runs. The classroom row is the app's own config (DEFAULT_RUN as the page's
 * worker runs it, workers/run-settings.ts) under each of the two rule sets the page compares first; the
 * classroom summary row is the same config under both rule sets as a sweep or the ranges over seeds run it
 * (`asSummaryRun`: no chart frames, nobody traced, invariants checked at the end), their unit of work (issue 20:
 * 600 of them in ≤ 3 s on two workers); the large rows are the synthetic volatile scenario under the offshore
 * regime, seed 2026, with the CLI's notable event log (`100k-30d-summary`: summary only, as the CLI's `run` makes
 * it since round 13).
 */
import { DEFAULT_RUN, type RunConfig } from '../src/engine/run/config.ts';
import { asSummaryRun, asWorkerRuns } from '../workers/run-settings.ts';

export interface BenchRow {
  name: string;
  /** Several configs run one after the other count as one timed run (the classroom's two rule sets). */
  configs: RunConfig[];
}

function synthetic(traders: number, days: number): RunConfig {
  return {
    ...DEFAULT_RUN,
    scenario: 'synthetic-volatile',
    days,
    regime: 'offshore-cex',
    seed: 2026,
    population: { ...DEFAULT_RUN.population, traders },
    // As the CLI runs it: invariants checked once, at the end; routine events counted and checksummed, not kept.
    invariantEvery: 0,
    eventLog: 'notable',
  };
}

const ROW_TABLE = {
  'classroom-hk': { name: 'classroom 200 × 1 d, hk-sfc-2026', configs: [asWorkerRuns(DEFAULT_RUN)] },
  'classroom-offshore': {
    name: 'classroom 200 × 1 d, offshore-cex',
    configs: [asWorkerRuns({ ...DEFAULT_RUN, regime: 'offshore-cex' })],
  },
  'classroom-summary': {
    name: 'classroom summary only, both rule sets',
    configs: [asSummaryRun(DEFAULT_RUN), asSummaryRun({ ...DEFAULT_RUN, regime: 'offshore-cex' })],
  },
  '10k-7d': { name: '10,000 × 7 d', configs: [synthetic(10_000, 7)] },
  '100k-7d': { name: '100,000 × 7 d', configs: [synthetic(100_000, 7)] },
  '100k-30d': { name: '100,000 × 30 d', configs: [synthetic(100_000, 30)] },
  // The same run as the CLI's `run` makes it since round 13: summary only (no chart frames, no equity by class).
  '100k-30d-summary': {
    name: '100,000 × 30 d, summary only (the CLI)',
    configs: [{ ...synthetic(100_000, 30), summaryOnly: true }],
  },
} satisfies Record<string, BenchRow>;

/** A row's id; the benches' per-row repeat counts are keyed by it, so a new row without one does not compile. */
export type BenchRowId = keyof typeof ROW_TABLE;

export const BENCH_ROWS: Record<string, BenchRow> = ROW_TABLE;
