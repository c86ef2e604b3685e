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
  };
}
