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
