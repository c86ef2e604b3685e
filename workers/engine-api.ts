/**
 * What the worker offers the page. Kept apart from the worker entry so that component tests can call the
 * same functions in-process, without a Worker.
 *
 * Every entry point checks its arguments with the validation layer before it computes anything: a message
 * from the page is data like any other input, so a malformed one is refused with a Refusal naming the
 * argument (run configs through `validateRunConfig`), never a TypeError from deep inside the engine.
 */
import { quotePosition, type PositionQuery, type PositionQuote } from '../src/engine/perp/position-quote.ts';
import { validateRunConfig, type RunConfig } from '../src/engine/run/config.ts';
import {
  check,
  described,
  isPlainRecord,
  isRefusal,
  listOf,
  wholeNumber,
} from '../src/engine/validation/index.ts';
import type { RunResult } from '../src/engine/run/run.ts';
import type { RunSummary } from '../src/engine/run/summary.ts';
import { cancelJob, runJob, type JobListener } from './run-jobs.ts';
import { asSummaryRun } from './run-settings.ts';

/** At most this many runs in one comparison (the app compares two rule sets). */
export const MAX_COMPARED = 16;

const JOB = wholeNumber(0, Number.MAX_SAFE_INTEGER);
const CONFIGS = listOf(described('a run configuration (an object)', isPlainRecord), {
  minLength: 1,
  maxLength: MAX_COMPARED,
});
const LISTENER = described(
  'an object with progress, frames and events callbacks, or nothing',
  (v): v is JobListener | undefined =>
    v === undefined || typeof v === 'function' || (typeof v === 'object' && v !== null),
);

/** A config as the page sent it, checked whole; a refusal names the run ("run 2, seed …"). */
function checkedConfig(config: unknown, index: number, count: number): RunConfig {
  try {
    validateRunConfig(config as RunConfig);
  } catch (error) {
    throw isRefusal(error) && count > 1 ? error.within(`run ${index + 1}`) : error;
  }
  return config as RunConfig;
}

export const engineApi = {
  /** Everything about one position under a rule set, or a refusal naming the limit it breaks. */
  positionQuote(query: PositionQuery): PositionQuote {
    return quotePosition(query);
  },

  /**
   * Runs each config (rule set A, B, …) on the same scenario and population; streams progress and frames to
   * `listener` (a comlink proxy) and resolves with every run's result. Rejects with a CancelledError after
   * `cancel(job)`.
   */
  async compare(job: number, configs: readonly RunConfig[], listener?: JobListener): Promise<RunResult[]> {
    check('job', job, JOB);
    check('run configurations', configs, CONFIGS);
    const checked = configs.map((config, k) => checkedConfig(config, k, configs.length));
    check('listener', listener, LISTENER);
    return runJob(job, checked, listener);
  },

  /**
   * One run, summary only (no frames, nobody traced, invariants checked at the end: `asSummaryRun`): the unit
   * of a parameter sweep or of the ranges over seeds, spread over a pool of workers.
   */
  async summary(job: number, config: RunConfig): Promise<RunSummary> {
    check('job', job, JOB);
    const [result] = await runJob(job, [asSummaryRun(checkedConfig(config, 0, 1))]);
    return result!.summary;
  },

  cancel(job: number): void {
    cancelJob(check('job', job, JOB));
  },
};

export type EngineApi = typeof engineApi;
