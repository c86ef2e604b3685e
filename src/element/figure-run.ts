/**
 * One figure's computation: an engine worker inlined in the element's script (Vite `?worker&inline`, started
 * from a blob URL), so the figure works when the script is served from another origin than the page. The
 * figures of a page take turns (figure-slots.ts): a worker starts only when its figure's turn comes, and is
 * ended as soon as the figure has its numbers, or when the figure is paused or removed, so idle and waiting
 * figures hold no thread and no memory, and an ended figure leaves no listener behind.
 */
import { releaseProxy, wrap, type Remote } from 'comlink';
import EngineWorker from '../../workers/engine.worker.ts?worker&inline';
import type { EngineApi } from '../../workers/engine-api.ts';
import type { RunConfig } from '../engine/run/config.ts';
import type { RunSummary } from '../engine/run/summary.ts';
import { takeSlot, type Slot } from './figure-slots.ts';
import { workerFailure } from './embedding-problems.ts';

/** Rejects a run that was ended by `stop()` (the figure went far off screen or was removed). */
export class FigureRunStopped extends Error {
  constructor() {
    super('the figure was paused');
    this.name = 'FigureRunStopped';
  }
}

export class FigureRun {
  #worker: Worker | null = null;
  #remote: Remote<EngineApi> | null = null;
  #slot: Slot | null = null;
  #fail: ((error: Error) => void) | null = null;
  #ended = false;

  readonly #onError = (event: ErrorEvent) => {
    event.preventDefault();
    // The page's policy violation, if that is the cause, is reported in a task of its own: wait for it.
    setTimeout(() => this.#end(workerFailure(event.message)), 50);
  };

  /** Each config's summary, one after the other; `onRun(k)` before run k starts. */
  async summaries(configs: readonly RunConfig[], onRun: (k: number) => void): Promise<RunSummary[]> {
    const stopped = new Promise<never>((_, reject) => (this.#fail = reject));
    stopped.catch(() => {});
    const summaries: RunSummary[] = [];
    try {
      this.#slot = takeSlot();
      await Promise.race([this.#slot.ready, stopped]);
      if (this.#ended) throw new FigureRunStopped();
      const remote = this.#start();
      for (let k = 0; k < configs.length; k++) {
        if (this.#ended) throw new FigureRunStopped();
        onRun(k);
        summaries.push(await Promise.race([remote.summary(k + 1, configs[k]!), stopped]));
      }
    } catch (error) {
      throw this.#ended && !(error instanceof FigureRunStopped) && this.#reason ? this.#reason : error;
    } finally {
      this.#end(null);
    }
    return summaries;
  }

  #reason: Error | null = null;

  #start(): Remote<EngineApi> {
    try {
      this.#worker = new EngineWorker({ name: 'leverage-lab-figure' });
    } catch (error) {
      // A host policy without blob: workers refuses at once in some browsers (a SecurityError).
      throw workerFailure(error instanceof Error ? error.message : String(error));
    }
    this.#worker.addEventListener('error', this.#onError);
    this.#remote = wrap<EngineApi>(this.#worker);
    return this.#remote;
  }

  /** Ends the worker at once; a pending `summaries` rejects with FigureRunStopped. */
  stop(): void {
    this.#end(new FigureRunStopped());
  }

  #end(reason: Error | null): void {
    if (!this.#ended) {
      this.#ended = true;
      this.#worker?.removeEventListener('error', this.#onError);
      this.#remote?.[releaseProxy]();
      this.#worker?.terminate();
      this.#worker = null;
      this.#remote = null;
      this.#slot?.release();
      this.#slot = null;
    }
    if (reason) {
      this.#reason ??= reason;
      this.#fail?.(reason);
    }
    this.#fail = null;
  }
}
