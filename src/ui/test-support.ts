/**
 * An engine that runs in-process for component tests (jsdom has no Worker): the same functions the worker
 * exposes, called directly, with the settings the worker imposes on every run (`asWorkerRuns`).
 */
import type { EngineCalls } from '../lib/engine-client.svelte.ts';
import { engineApi } from '../../workers/engine-api.ts';
import { runScenario } from '../engine/run/run.ts';
import { asWorkerRuns } from '../../workers/run-settings.ts';

export function inProcessEngine(): EngineCalls {
  return {
    positionQuote: async (query) => engineApi.positionQuote(query),
    compare: async (configs, listener) => {
      const results = configs.map((config, run) => {
        const result = runScenario(asWorkerRuns(config));
        listener?.progress?.({
          job: 0,
          run,
          runs: configs.length,
          minute: result.summary.steps,
          minutes: result.summary.steps,
        });
        return result;
      });
      return results;
    },
    stop: () => {},
    // The pool's unit, in process and one after another: the worker's own summary-only entry point.
    sweepEach: async (configs, listener) => {
      const summaries = [];
      for (const [index, config] of configs.entries()) {
        const summary = await engineApi.summary(index, config);
        listener.result?.(index, summary);
        listener.done?.(index + 1, configs.length);
        summaries.push(summary);
      }
      return summaries;
    },
    cancelSweep: () => {},
  };
}
