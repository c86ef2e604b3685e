/**
 * Running a sweep in the worker pool (src/lib/worker-pool.ts): every value's seeds go to the pool in one call,
 * in value order, so the pool's lanes never drain between values; a value's point is drawn once its seeds are
 * all back. Stop ends the pool at once. Only the latest sweep may change the state.
 *
 * The page is touched at most every REFRESH_MILLISECONDS while runs come back (and once at the end): on this
 * 2-core machine the page's thread shares the cores with the pool's workers, and a redraw per finished run
 * (600 of them in a 20 × 30 sweep) cost the page about 8 s of painting and reactivity in a 13.7 s sweep
 * (Chromium trace, 2026-12-06), time the workers then lacked.
 */
import type { RunConfig } from '../../engine/run/config.ts';
import type { RunSummary } from '../../engine/run/summary.ts';
import { sweepPlan, sweepPoint, type SweepPoint, type SweepRequest } from '../../engine/run/sweep.ts';
import type { SweepListener } from '../../lib/worker-pool.ts';

/** What a sweep needs of the engine client (EngineClient; an in-process stand-in in component tests). */
export interface SweepEngine {
  sweepEach(configs: readonly RunConfig[], listener: SweepListener): Promise<RunSummary[]>;
  stopSweep(): void;
}

/** The page's figures move at most this often while a sweep runs. */
export const REFRESH_MILLISECONDS = 200;

export class SweepRun {
  /** The points so far, in the order of the values: every value up to the first whose seeds are not all in. */
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
  /** Shows what is back of the sweep in flight (Stop keeps every value whose seeds were all in). */
  #publish: (() => void) | null = null;

  constructor(engine: SweepEngine) {
    this.#engine = engine;
  }

  /** Runs a sweep (the plan is validated first: a Refusal is thrown before anything runs). */
  async start(request: SweepRequest): Promise<void> {
    const plan = sweepPlan(request);
    const generation = ++this.#generation;
    const seeds = request.seeds;
    this.request = request;
    this.points = [];
    this.values = plan.length;
    this.runsDone = 0;
    this.runsTotal = plan.length * seeds;
    this.running = true;
    this.stopped = false;
    this.error = null;
    this.elapsedMs = null;
    const started = performance.now();
    const configs = plan.flatMap((step) => step.configs);
    const summaries: (RunSummary | undefined)[] = new Array(configs.length);
    /** Seeds back per value, and runs back in all. */
    const back: number[] = plan.map(() => 0);
    let done = 0;
    // Publishes the runs done and every value now complete, in value order up to the first gap.
    const publish = () => {
      if (generation !== this.#generation) return;
      let complete = this.points.length;
      if (complete < plan.length && back[complete] === seeds) {
        const points = [...this.points];
        while (complete < plan.length && back[complete] === seeds) {
          const runs = summaries.slice(complete * seeds, (complete + 1) * seeds) as RunSummary[];
          points.push(sweepPoint(plan[complete]!.value, runs));
          complete++;
        }
        this.points = points;
      }
      this.runsDone = done;
    };
    this.#publish = publish;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      timer ??= setTimeout(() => {
        timer = null;
        publish();
      }, REFRESH_MILLISECONDS);
    };
    try {
      await this.#engine.sweepEach(configs, {
        result: (index, summary) => {
          if (generation !== this.#generation) return;
          summaries[index] = summary;
          back[Math.floor(index / seeds)]!++;
          done++;
          later();
        },
      });
      if (generation !== this.#generation) return;
      publish();
      this.elapsedMs = performance.now() - started;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (timer !== null) clearTimeout(timer);
      if (generation === this.#generation) {
        this.running = false;
        this.#publish = null;
      }
    }
  }

  stop(): void {
    if (!this.running) return;
    this.#publish?.();
    this.#generation++;
    this.running = false;
    this.stopped = true;
    this.#engine.stopSweep();
  }

  dispose(): void {
    this.stop();
  }
}
