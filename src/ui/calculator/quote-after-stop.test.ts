/**
 * A calculator quote waiting on the worker that Stop had to terminate (a comparison that ignored the cancel
 * for 100 ms) is asked again of the fresh worker instead of failing with "the run was stopped". The worker is
 * faked in-process: comlink over a MessageChannel, one fake per spawned worker.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expose } from 'comlink';
import { EngineClient, RunStoppedError } from '../../lib/engine-client.svelte.ts';

let spawned = 0;
let terminated = 0;

class FakeWorker {
  readonly #port: MessagePort;
  readonly #other: MessagePort;

  constructor() {
    const instance = ++spawned;
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#other = port2;
    expose(
      {
        // A comparison that never ends and does not hear the cancel: Stop must terminate this worker.
        compare: () => new Promise(() => {}),
        cancel: () => {},
        // The first worker is busy with that comparison, so its quote never comes back.
        positionQuote: (query: { n: number }) =>
          instance === 1 ? new Promise(() => {}) : { quotedBy: instance, n: query.n },
      },
      port2,
    );
    port1.start();
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.#port.postMessage(message, transfer);
  }

  addEventListener(type: string, listener: EventListener): void {
    this.#port.addEventListener(type, listener);
  }

  removeEventListener(type: string, listener: EventListener): void {
    this.#port.removeEventListener(type, listener);
  }

  terminate(): void {
    terminated++;
    this.#port.close();
    this.#other.close();
  }
}

describe('a calculator quote when Stop terminates the worker', () => {
  beforeEach(() => {
    spawned = 0;
    terminated = 0;
    vi.stubGlobal('Worker', FakeWorker);
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
