/**
 * Running a sweep in the worker pool (src/lib/worker-pool.ts): one pool call per value, so each point is drawn
 * as soon as its seeds are in; Stop ends the pool at once. Only the latest sweep may change the state.
 */
import type { RunConfig } from '../../engine/run/config.ts';
import type { RunSummary } from '../../engine/run/summary.ts';
import { sweepPlan, sweepPoint, type SweepPoint, type SweepRequest } from '../../engine/run/sweep.ts';

/** What a sweep needs of the engine client (EngineClient; an in-process stand-in in component tests). */
export interface SweepEngine {
  sweep(configs: readonly RunConfig[], onDone?: (done: number, total: number) => void): Promise<RunSummary[]>;
  stopSweep(): void;
}

export class SweepRun {
  /** The points so far, in the order of the values. */
  points = $state.raw<SweepPoint[]>([]);
  /** The request the points come from. */
  request = $state.raw<SweepRequest | null>(null);
  /** Values in the sweep, and runs done of all its runs. */
  values = $state(0);
  runsDone = $state(0);
  runsTotal = $state(0);
  running = $state(false);
  stopped = $state(false);
  error = $state<string | null>(null);
  /** Wall time of the last finished sweep, in milliseconds (the page's timing figure). */
  elapsedMs = $state<number | null>(null);

  readonly #engine: SweepEngine;
  #generation = 0;

  constructor(engine: SweepEngine) {
    this.#engine = engine;
  }

  /** Runs a sweep (the plan is validated first: a Refusal is thrown before anything runs). */
  async start(request: SweepRequest): Promise<void> {
    const plan = sweepPlan(request);
    const generation = ++this.#generation;
    this.request = request;
    this.points = [];
    this.values = plan.length;
    this.runsDone = 0;
    this.runsTotal = plan.length * request.seeds;
    this.running = true;
    this.stopped = false;
    this.error = null;
    this.elapsedMs = null;
    const started = performance.now();
    try {
      for (const [k, step] of plan.entries()) {
        const summaries = await this.#engine.sweep(step.configs, (done) => {
          if (generation === this.#generation) this.runsDone = k * request.seeds + done;
        });
        if (generation !== this.#generation) return;
        this.points = [...this.points, sweepPoint(step.value, summaries)];
      }
      this.elapsedMs = performance.now() - started;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (generation === this.#generation) this.running = false;
    }
  }

  stop(): void {
    if (!this.running) return;
    this.#generation++;
    this.running = false;
    this.stopped = true;
    this.#engine.stopSweep();
  }

  dispose(): void {
    this.stop();
  }
}
