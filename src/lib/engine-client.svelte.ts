/**
 * The one owner of the engine worker (svelte.dev's Bundler.svelte.ts pattern): components call methods here
 * and never touch postMessage. The worker starts lazily, and a crashed worker is replaced on the next call.
 */
import { wrap, releaseProxy, type Remote } from 'comlink';
import type { EngineApi } from '../../workers/engine-api.ts';

/** The calls a view may make; a Remote<EngineApi> or an in-process stand-in (component tests) fits it. */
export type EngineCalls = {
  [K in keyof EngineApi]: (...args: Parameters<EngineApi[K]>) => Promise<ReturnType<EngineApi[K]>>;
};

export class EngineClient implements EngineCalls {
  /** Last worker failure as a readable sentence, or null. */
  error = $state.raw<string | null>(null);
  /** Calls in flight. */
  pending = $state(0);

  #worker: Worker | null = null;
  #remote: Remote<EngineApi> | null = null;

  #remoteApi(): Remote<EngineApi> {
    if (this.#remote) return this.#remote;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off URL for Vite's worker import, not state
    const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'leverage-lab-engine',
    });
    worker.addEventListener('error', (event) => {
      this.error = event.message || 'the engine worker stopped unexpectedly';
      this.#discard();
    });
    this.#worker = worker;
    this.#remote = wrap<EngineApi>(worker);
    return this.#remote;
  }

  #discard(): void {
    this.#remote?.[releaseProxy]();
    this.#worker?.terminate();
    this.#remote = null;
    this.#worker = null;
  }

  async #call<T>(run: (api: Remote<EngineApi>) => Promise<T>): Promise<T> {
    this.pending++;
    try {
      const result = await run(this.#remoteApi());
      this.error = null;
      return result;
    } finally {
      this.pending--;
    }
  }

  isolatedPosition: EngineCalls['isolatedPosition'] = (query) =>
    this.#call((api) => api.isolatedPosition(query));

  dispose(): void {
    this.#discard();
  }
}
