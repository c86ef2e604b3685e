/**
 * After an engine error inside the worker, the next comparison runs on a fresh worker (issue 19): a worker
 * whose state the error broke would fail every later run the same way. The worker is faked in-process.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineClient } from '../../lib/engine-client.svelte.ts';
import { fakeWorkerClass } from '../../lib/fake-worker.ts';

let terminated = 0;

/** Worker 1 is broken for good after its first error; every later worker answers. */
const fakeWorker = () =>
  fakeWorkerClass({
    api: (instance) => ({
      compare: () =>
        instance === 1
          ? Promise.reject(new RangeError('call LTV must be greater than 0'))
          : Promise.resolve([{ answeredBy: instance, events: [] }]),
      cancel: () => {},
    }),
    onTerminate: () => terminated++,
  });

describe('an engine error in the worker', () => {
  beforeEach(() => {
    terminated = 0;
    vi.stubGlobal('Worker', fakeWorker());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reaches the caller, ends that worker, and the next comparison runs on a fresh one', async () => {
    const client = new EngineClient();
    await expect(client.compare([])).rejects.toThrow('call LTV must be greater than 0');
    expect(terminated).toBe(1);
    await expect(client.compare([])).resolves.toEqual([{ answeredBy: 2, events: [] }]);
    expect(client.busy).toBe(false);
    client.dispose();
  });
});
