/**
 * A calculator quote waiting on the worker that Stop had to terminate (a comparison that ignored the cancel
 * for 100 ms) is asked again of the fresh worker instead of failing with "the run was stopped". The worker is
 * faked in-process: comlink over a MessageChannel, one fake per spawned worker.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineClient, RunStoppedError } from '../../lib/engine-client.svelte.ts';
import { fakeWorkerClass } from '../../lib/fake-worker.ts';

let spawned = 0;
let terminated = 0;

/** A fresh class per test, so its workers count from 1 again. */
const fakeWorker = () =>
  fakeWorkerClass({
    api: (instance) => {
      spawned = instance;
      return {
        // A comparison that never ends and does not hear the cancel: Stop must terminate this worker.
        compare: () => new Promise(() => {}),
        cancel: () => {},
        // The first worker is busy with that comparison, so its quote never comes back.
        positionQuote: (query: { n: number }) =>
          instance === 1 ? new Promise(() => {}) : { quotedBy: instance, n: query.n },
      };
    },
    onTerminate: () => terminated++,
  });

describe('a calculator quote when Stop terminates the worker', () => {
  beforeEach(() => {
    spawned = 0;
    terminated = 0;
    vi.stubGlobal('Worker', fakeWorker());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is answered by the fresh worker, while the comparison itself reports the stop', async () => {
    const client = new EngineClient();
    const comparison = client.compare([]);
    const quote = client.positionQuote({ n: 7 } as never);
    client.stop();
    await expect(comparison).rejects.toBeInstanceOf(RunStoppedError);
    expect(terminated).toBe(1);
    await expect(quote).resolves.toEqual({ quotedBy: 2, n: 7 });
    expect(spawned).toBe(2);
    expect(client.busy).toBe(false);
  });
});
