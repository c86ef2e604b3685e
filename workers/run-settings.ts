/**
 * The settings the page's worker imposes on every run it is given, in one place: the worker applies them, and
 * the component tests' in-process engine applies the same, so a test double never runs other settings than
 * production (issue 22).
 */
import type { RunConfig } from '../src/engine/run/config.ts';

export const WORKER_RUN_SETTINGS = {
  // The page's runs keep notable events only: a long or large run's memory stays flat (issue 10). A followed
  // trader's story is told from its trace, which the worker always sends, never from this log (issue 17).
  eventLog: 'notable',
} as const satisfies Partial<RunConfig>;

/** A config as the worker runs it. */
export function asWorkerRuns(config: RunConfig): RunConfig {
  return { ...config, ...WORKER_RUN_SETTINGS };
}

/**
 * A run wanted for its summary alone (a sweep, the ranges over seeds; issue 16): no chart frames, nobody traced,
 * no equity by class (`summaryOnly`), and the conservation and open-interest invariants checked once, at the
 * end (a violation still fails the run). Every summary figure is the same as the full run's (src/lib/
 * summary-only.test.ts); only `conservationError`, the largest error the checks saw, may differ, as fewer checks
 * look. Measured 2026-12-06, default classroom state, 12 runs in tsx: 6.6 s full, 0.73 s summary only.
 */
export const SUMMARY_ONLY_SETTINGS = {
  invariantEvery: 0,
  summaryOnly: true,
  follow: [],
} as const satisfies Partial<RunConfig>;

/** A config as the worker runs it for its summary alone. */
export function asSummaryRun(config: RunConfig): RunConfig {
  return { ...asWorkerRuns(config), ...SUMMARY_ONLY_SETTINGS };
}
