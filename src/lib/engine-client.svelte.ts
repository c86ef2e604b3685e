/**
 * The one owner of the engine worker (svelte.dev's Bundler.svelte.ts pattern): components call methods here
 * and never touch postMessage. The worker starts lazily. Stop asks the worker to cancel between slices and,
 * if it has not answered within 100 ms, terminates it; a crashed or terminated worker is replaced on the next
 * call, and its failure reaches the page as a readable message.
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../workers/engine-api.ts';
import type { FrameBatch, JobProgress } from '../../workers/run-jobs.ts';
import type { RunConfig } from '../engine/run/config.ts';
import type { RunResult } from '../engine/run/run.ts';
import type { RunSummary } from '../engine/run/summary.ts';
import { WorkerPool } from './worker-pool.ts';

/** The calls a view may make; the client or an in-process stand-in (component tests) fits it. */
export interface EngineCalls {
  isolatedPosition(
    ...args: Parameters<EngineApi['isolatedPosition']>
  ): Promise<ReturnType<EngineApi['isolatedPosition']>>;
  positionQuote(
    ...args: Parameters<EngineApi['positionQuote']>
  ): Promise<ReturnType<EngineApi['positionQuote']>>;
  compare(configs: readonly RunConfig[], listener?: CompareListener): Promise<RunResult[]>;
  stop(): void;
  sweep?(
    configs: readonly RunConfig[],
    onDone?: (done: number, total: number) => void,
  ): Promise<RunSummary[]>;
}

export interface CompareListener {
  progress?(progress: JobProgress): void;
  frames?(batch: FrameBatch): void;
}

/** Thrown to the caller of `compare` when the user pressed Stop. */
export class RunStoppedError extends Error {
  constructor() {
    super('the run was stopped');
    this.name = 'RunStoppedError';
  }
}

const STOP_GRACE_MILLISECONDS = 100;

export class EngineClient implements EngineCalls {
  /** Last worker failure as a readable sentence, or null. */
  error = $state.raw<string | null>(null);
  /** A comparison is running in the worker. */
  busy = $state(false);

  #worker: Worker | null = null;
  #remote: Remote<EngineApi> | null = null;
  #job = 0;
  #running: { job: number; reject: (e: Error) => void } | null = null;

  #pool = new WorkerPool(() => spawnEngineWorker('leverage-lab-sweep'));

  #remoteApi(): Remote<EngineApi> {
    if (this.#remote) return this.#remote;
    const worker = spawnEngineWorker('leverage-lab-engine');
    worker.addEventListener('error', (event) => {
      this.error = event.message || 'the engine worker stopped unexpectedly';
      this.#running?.reject(new Error(this.error));
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
    const result = await run(this.#remoteApi());
    this.error = null;
    return result;
  }

  isolatedPosition: EngineCalls['isolatedPosition'] = (query) =>
    this.#call((api) => api.isolatedPosition(query));

  positionQuote: EngineCalls['positionQuote'] = (query) => this.#call((api) => api.positionQuote(query));

  /** Runs the configs as one comparison; a newer call stops an older one. */
  compare(configs: readonly RunConfig[], listener: CompareListener = {}): Promise<RunResult[]> {
    this.stop();
    const job = ++this.#job;
    return new Promise<RunResult[]>((resolve, reject) => {
      this.#running = { job, reject };
      this.busy = true;
      const settle = () => {
        if (this.#running?.job !== job) return;
        this.#running = null;
        this.busy = false;
      };
      // Both callbacks always exist on the proxy: the worker cannot tell a missing one from a remote function.
      const relay = {
        progress: (p: JobProgress) => listener.progress?.(p),
        frames: (b: FrameBatch) => listener.frames?.(b),
      };
      this.#call((api) => api.compare(job, configs, proxy(relay))).then(
        (results) => {
          settle();
          resolve(results);
        },
        (error: unknown) => {
          settle();
          const stopped = error instanceof Error && error.name === 'CancelledError';
          reject(stopped ? new RunStoppedError() : error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Stops the running comparison: cancelled between slices, or the worker is terminated after 100 ms. */
  stop(): void {
    const running = this.#running;
    if (!running) return;
    void this.#remote?.cancel(running.job);
    setTimeout(() => {
      if (this.#running?.job !== running.job) return;
      this.#running = null;
      this.busy = false;
      this.#discard();
      running.reject(new RunStoppedError());
    }, STOP_GRACE_MILLISECONDS);
  }

  /** A parameter sweep: one run per config, spread over a small pool of workers; summaries in config order. */
  sweep(
    configs: readonly RunConfig[],
    onDone?: (done: number, total: number) => void,
  ): Promise<RunSummary[]> {
    return this.#pool.run(configs, onDone);
  }

  stopSweep(): void {
    this.#pool.stop();
  }

  dispose(): void {
    this.#discard();
    this.#pool.dispose();
  }
}

function spawnEngineWorker(name: string): Worker {
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name });
}
