/**
 * The one in-process stand-in for the engine's Web Worker in tests: comlink over a MessageChannel, so a client
 * or a pool talks to `api` exactly as it would to a worker. Messages go through the channel; other events
 * (`error`) are the worker's own and a test dispatches them to play a crash. Used directly
 * (`new FakeWorker(api)`), or stubbed in with `vi.stubGlobal('Worker', fakeWorkerClass(...))`.
 */
import { expose } from 'comlink';

/** Events that come through the message channel; any other is dispatched on the worker itself. */
const CHANNEL_EVENTS = new Set(['message', 'messageerror']);

export class FakeWorker extends EventTarget {
  readonly #port: MessagePort;
  readonly #other: MessagePort;
  readonly #onTerminate: (() => void) | undefined;
  terminated = false;

  constructor(api: object, onTerminate?: () => void) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#other = port2;
    this.#onTerminate = onTerminate;
    expose(api, port2);
    port1.start();
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.#port.postMessage(message, transfer);
  }

  override addEventListener(type: string, listener: EventListener): void {
    if (CHANNEL_EVENTS.has(type)) this.#port.addEventListener(type, listener);
    else super.addEventListener(type, listener);
  }

  override removeEventListener(type: string, listener: EventListener): void {
    if (CHANNEL_EVENTS.has(type)) this.#port.removeEventListener(type, listener);
    else super.removeEventListener(type, listener);
  }

  terminate(): void {
    this.terminated = true;
    this.#onTerminate?.();
    this.#port.close();
    this.#other.close();
  }
}

export interface FakeWorkerHooks {
  /** The API the n-th worker created (from 1) exposes. */
  api(instance: number): object;
  onTerminate?(): void;
}

/** A `Worker` class whose instances are FakeWorkers: for code that calls `new Worker(...)` itself. */
export function fakeWorkerClass(hooks: FakeWorkerHooks) {
  let spawned = 0;
  return class extends FakeWorker {
    constructor() {
      super(hooks.api(++spawned), () => hooks.onTerminate?.());
    }
  };
}
