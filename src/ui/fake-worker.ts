/**
 * An in-process stand-in for the engine's Web Worker in tests: comlink over a MessageChannel, so the page's
 * client talks to `api` exactly as it would to the worker. Stub it in with
 * `vi.stubGlobal('Worker', fakeWorkerClass(...))`.
 */
import { expose } from 'comlink';

export interface FakeWorkerHooks {
  /** The API the n-th worker created (from 1) exposes. */
  api(instance: number): object;
  onTerminate?(): void;
}

export function fakeWorkerClass(hooks: FakeWorkerHooks) {
  let spawned = 0;
  return class FakeWorker {
    readonly #port: MessagePort;
    readonly #other: MessagePort;

    constructor() {
      const { port1, port2 } = new MessageChannel();
      this.#port = port1;
      this.#other = port2;
      expose(hooks.api(++spawned), port2);
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
      hooks.onTerminate?.();
      this.#port.close();
      this.#other.close();
    }
  };
}
