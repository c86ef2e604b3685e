/**
 * One figure's computation: its own engine worker, inlined in the element's script (Vite `?worker&inline`,
 * started from a blob URL), so the figure works when the script is served from another origin than the page.
 * Each figure owns its worker: several on one page do not share or queue. The worker is ended as soon as the
 * figure has its numbers, or when the figure is paused, so idle figures hold no thread and no memory.
 */
import { wrap, type Remote } from 'comlink';
import EngineWorker from '../../workers/engine.worker.ts?worker&inline';
import type { EngineApi } from '../../workers/engine-api.ts';
import type { RunConfig } from '../engine/run/config.ts';
import type { RunSummary } from '../engine/run/summary.ts';

/** Rejects a run that was ended by `stop()` (the figure went far off screen or was removed). */
export class FigureRunStopped extends Error {
  constructor() {
    super('the figure was paused');
    this.name = 'FigureRunStopped';
  }
}

export class FigureRun {
  #worker: Worker;
  #remote: Remote<EngineApi>;
  #fail: ((error: Error) => void) | null = null;
  #ended = false;

  constructor() {
    this.#worker = new EngineWorker({ name: 'leverage-lab-figure' });
    this.#remote = wrap<EngineApi>(this.#worker);
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#end(new Error(event.message || 'the engine worker stopped unexpectedly'));
    });
  }

  /** Each config's summary, one after the other; `onRun(k)` before run k starts. */
  async summaries(configs: readonly RunConfig[], onRun: (k: number) => void): Promise<RunSummary[]> {
    const stopped = new Promise<never>((_, reject) => (this.#fail = reject));
    const summaries: RunSummary[] = [];
    try {
      for (let k = 0; k < configs.length; k++) {
        if (this.#ended) throw new FigureRunStopped();
        onRun(k);
        summaries.push(await Promise.race([this.#remote.summary(k + 1, configs[k]!), stopped]));
      }
    } finally {
      this.#end(null);
    }
    return summaries;
  }

  /** Ends the worker at once; a pending `summaries` rejects with FigureRunStopped. */
  stop(): void {
    this.#end(new FigureRunStopped());
  }

  #end(reason: Error | null): void {
    if (!this.#ended) {
      this.#ended = true;
      this.#worker.terminate();
    }
    if (reason) this.#fail?.(reason);
    this.#fail = null;
  }
}
