/**
 * A large run's events reach the page in batches, each in a message (and a task) of its own, and the page puts
 * them back together: the results the app receives hold every event, in order, as if sent whole. The worker
 * is faked in-process (the real engine API, exposed with comlink over a MessageChannel).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineClient } from '../../lib/engine-client.svelte.ts';
import { fakeWorkerClass } from '../../lib/fake-worker.ts';
import { engineApi } from '../../../workers/engine-api.ts';
import { EVENT_BATCH, type EventBatch, type JobListener } from '../../../workers/run-jobs.ts';
import { DEFAULT_RUN, type RunConfig } from '../../engine/run/config.ts';

const batches: EventBatch[] = [];

const fakeWorker = () =>
  fakeWorkerClass({
    api: () => ({
      ...engineApi,
      // The real comparison, watching the batches go by on their way to the page.
      compare: (job: number, configs: RunConfig[], listener: JobListener) =>
        engineApi.compare(job, configs, {
          progress: (p) => listener.progress?.(p),
          frames: (b) => listener.frames?.(b),
          events: async (b) => {
            batches.push(b);
            await listener.events?.(b);
          },
        }),
    }),
  });

describe('events of a comparison', () => {
  beforeEach(() => {
    batches.length = 0;
    vi.stubGlobal('Worker', fakeWorker());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('arrive in batches and are whole again in the results', { timeout: 30_000 }, async () => {
    const base = {
      ...DEFAULT_RUN,
      scenario: 'synthetic-calm' as const,
      days: 0.25,
      population: { ...DEFAULT_RUN.population, traders: 5_000 },
    };
    const configs: RunConfig[] = [base, { ...base, regime: 'offshore-cex' }];
    const expected = await engineApi.compare(1, configs);
    const client = new EngineClient();
    const results = await client.compare(configs);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((b) => b.events.length <= EVENT_BATCH)).toBe(true);
    for (const k of [0, 1]) {
      expect(results[k]!.events).toEqual(expected[k]!.events);
      expect(results[k]!.summary.checksum).toBe(expected[k]!.summary.checksum);
    }
  });
});
