/**
 * The page starts its engine worker before the first comparison asks for it (EngineClient.prepare, called as
 * the app is created), so the engine loads while the first screen is drawn; the comparison then uses that
 * same worker. Where no worker can start, prepare is silent and the first call says why.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineClient } from '../../lib/engine-client.svelte.ts';
import { fakeWorkerClass } from '../../lib/fake-worker.ts';

describe('EngineClient.prepare', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts the worker at once, and the first comparison runs in it', async () => {
    const spawned: number[] = [];
    const asked: number[] = [];
    vi.stubGlobal(
      'Worker',
      fakeWorkerClass({
        api: (instance) => {
          spawned.push(instance);
          return {
            compare: () => {
              asked.push(instance);
              return [];
            },
            cancel: () => {},
          };
        },
      }),
    );
    const client = new EngineClient();
    expect(spawned).toEqual([]);
    client.prepare();
    expect(spawned).toEqual([1]);
    client.prepare();
    await client.compare([]);
    expect(spawned).toEqual([1]);
    expect(asked).toEqual([1]);
    client.dispose();
  });

  it('is silent where no worker can start; the first call reports it', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('workers are not allowed here');
        }
      },
    );
    const client = new EngineClient();
    expect(() => client.prepare()).not.toThrow();
    await expect(client.compare([])).rejects.toThrow('workers are not allowed here');
    client.dispose();
  });
});
