/**
 * The one owner of the engine worker (svelte.dev's Bundler.svelte.ts pattern): components call methods here
 * and never touch postMessage. The worker starts lazily. Stop asks the worker to cancel between slices and,
 * if it has not answered within 100 ms, terminates it; a crashed or terminated worker is replaced on the next
 * call, and its failure reaches the page as a readable message. A worker that dies without a word (it closed
 * itself, or the browser ended it) is noticed through its lifeline (workers/lifeline.ts): every call still
 * waiting on it is rejected with an EngineLostError, and the next call starts a fresh worker. A comparison that
 * fails with an engine error also ends its worker, so a broken state never reaches the next run.
 */
import { inSandboxedFrame } from './sandboxed-frame.ts';
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../workers/engine-api.ts';
import type { EventBatch, FrameBatch, JobProgress } from '../../workers/run-jobs.ts';
import type { RunEvent } from '../engine/run/run-events.ts';
import type { RunConfig } from '../engine/run/config.ts';
import type { RunResult } from '../engine/run/run.ts';
import type { RunSummary } from '../engine/run/summary.ts';
import { watchLifeline } from '../../workers/lifeline.ts';
import { WorkerPool, type SweepListener, type SweepOptions } from './worker-pool.ts';

/** The calls a view may make; the client or an in-process stand-in (component tests) fits it. */
export interface EngineCalls {
  positionQuote(
    ...args: Parameters<EngineApi['positionQuote']>
  ): Promise<ReturnType<EngineApi['positionQuote']>>;
  compare(configs: readonly RunConfig[], listener?: CompareListener): Promise<RunResult[]>;
  stop(): void;
  /** A sweep that reports each run as it finishes (the policy frontier, the ranges over seeds). */
  sweepEach?(
    configs: readonly RunConfig[],
    listener: SweepListener,
    options?: SweepOptions,
  ): Promise<RunSummary[]>;
  /** Ends the sweeps in flight and keeps the pool's workers (warm) for the next. */
  cancelSweep?(): void;
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

/**
 * Thrown to every caller still waiting on the engine worker when it died without a word (it closed itself, or
 * the browser ended it): the call will never be answered. The next call starts a fresh worker.
 */
export class EngineLostError extends Error {
  constructor() {
    super('the engine worker stopped unexpectedly');
    this.name = 'EngineLostError';
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
  #unwatch: (() => void) | null = null;
  /** Rejects of the calls waiting on the current worker: settled at once if it dies or is discarded. */
  #pending: ((error: Error) => void)[] = [];
  #job = 0;
  #running: { job: number; reject: (e: Error) => void } | null = null;

  #pool = new WorkerPool(() => spawnEngineWorker('leverage-lab-sweep'));

  #remoteApi(): Remote<EngineApi> {
    if (this.#remote) return this.#remote;
    // A sandboxed frame without allow-same-origin (opaque origin): say so rather than the browser's
    // "origin 'null'" security error (issue 19). The embed view shows it in the reader's language.
    if (inSandboxedFrame())
      throw new Error(
        'this page is in a sandboxed frame without allow-same-origin, where the engine worker cannot start',
      );
    const worker = spawnEngineWorker('leverage-lab-engine');
    worker.addEventListener('error', (event) => {
      if (worker !== this.#worker) return;
      this.error = event.message || 'the engine worker stopped unexpectedly';
      this.#discard(new Error(this.error));
    });
    this.#worker = worker;
    this.#remote = wrap<EngineApi>(worker);
    this.#unwatch = watchLifeline(worker, () => {
      if (worker === this.#worker) this.#discard(new EngineLostError());
    });
    return this.#remote;
  }

  /**
   * Starts the engine worker now rather than at the first call, so that it fetches and compiles the engine while
   * the page draws its first screen, on the other core. Where it cannot start (a sandboxed frame), the first
   * call says why.
   */
  prepare(): void {
    try {
      this.#remoteApi();
    } catch {
      // Reported by the first call.
    }
  }

  /** Ends the current worker (a fresh one starts on the next call) and rejects what still waits on it. */
  #discard(reason: Error = new RunStoppedError()): void {
    // First stop watching: the lock the terminated worker releases must not read as a death.
    this.#unwatch?.();
    this.#remote?.[releaseProxy]();
    this.#worker?.terminate();
    this.#unwatch = null;
    this.#remote = null;
    this.#worker = null;
    const pending = this.#pending;
    this.#pending = [];
    for (const reject of pending) reject(reason);
  }

  /** Takes `reject` off the waiting list; false if it was already settled (its worker was discarded). */
  #settled(reject: (error: Error) => void): boolean {
    const at = this.#pending.indexOf(reject);
    if (at < 0) return false;
    this.#pending.splice(at, 1);
    return true;
  }

  /**
   * One call to the worker. `retryAfterStop`: a short query (the calculator's) caught in the worker that Stop
   * terminated is asked again once, of the fresh worker, instead of failing with "the run was stopped".
   */
  #call<T>(run: (api: Remote<EngineApi>) => Promise<T>, retryAfterStop = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (error: Error) => {
        if (retryAfterStop && error instanceof RunStoppedError) this.#call(run).then(resolve, reject);
        else reject(error);
      };
      // A worker that cannot start (a throw here) rejects this call like any failure.
      const api = this.#remoteApi();
      this.#pending.push(fail);
      run(api).then(
        (result) => {
          if (!this.#settled(fail)) return;
          this.error = null;
          resolve(result);
        },
        (error: unknown) => {
          if (this.#settled(fail)) reject(error);
        },
      );
    });
  }

  positionQuote: EngineCalls['positionQuote'] = (query) =>
    this.#call((api) => api.positionQuote(query), true);

  /** Runs the configs as one comparison; a newer call stops an older one. */
  compare(configs: readonly RunConfig[], listener: CompareListener = {}): Promise<RunResult[]> {
    this.stop();
    this.#pool.stopWarming(); // the comparison the user asked for comes first
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
      // Events arrive in batches (each deserialised in a task of its own) and join their results at the end.
      const events: RunEvent[][] = [];
      const relay = {
        progress: (p: JobProgress) => listener.progress?.(p),
        frames: (b: FrameBatch) => listener.frames?.(b),
        events: (b: EventBatch) => {
          const list = (events[b.run] ??= []);
          for (const event of b.events) list.push(event);
        },
      };
      const call = this.#call((api) => api.compare(job, configs, proxy(relay)));
      const worker = this.#worker;
      call.then(
        (results) => {
          settle();
          results.forEach((result, k) => {
            if (result.events.length === 0 && events[k]) result.events = events[k];
          });
          resolve(results);
        },
        (error: unknown) => {
          settle();
          const stopped = error instanceof Error && error.name === 'CancelledError';
          // An engine error may leave the worker's state broken, so that later runs fail the same way
          // (issue 19): the next call starts a fresh worker. A waiting calculator query is asked again there.
          // Only that worker: one already discarded (Stop, a death) may have a fresh successor by now.
          if (!stopped && worker !== null && worker === this.#worker) this.#discard();
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

  /**
   * A parameter sweep: one run per config, spread over a small pool of workers, each reported as it finishes;
   * summaries in config order.
   */
  sweepEach(
    configs: readonly RunConfig[],
    listener: SweepListener,
    options: SweepOptions = {},
  ): Promise<RunSummary[]> {
    return this.#pool.each(configs, listener, options);
  }

  cancelSweep(): void {
    this.#pool.cancel();
  }

  /** Starts the sweep pool's workers and runs `configs` once on each, so the first sweep is as fast as later ones. */
  warmSweeps(configs: readonly RunConfig[]): Promise<void> {
    return this.#pool.warm(configs);
  }

  /** Ends the warm-up runs still going (the user is doing something: the page answers first). */
  stopWarming(): void {
    this.#pool.stopWarming();
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
