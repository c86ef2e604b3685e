/**
 * A small pool of engine workers for runs judged by their summaries alone (a parameter sweep, a comparison
 * over 30 seeds): each config is one run, handed to the next free worker; results come back in the order of
 * the configs, and each as it finishes. The pool is owned by EngineClient.
 *
 * The workers can be warmed before the first sweep (`warm`): a fresh worker loads the engine and its first
 * runs go through the JIT's cold start, so a first sweep would otherwise be slower than the tenth (issue 16).
 */
import { releaseProxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../workers/engine-api.ts';
import type { RunConfig } from '../engine/run/config.ts';
import type { RunSummary } from '../engine/run/summary.ts';
import { watchLifeline } from '../../workers/lifeline.ts';

/** At most this many workers, whatever the machine reports: a sweep should not starve the page. */
export const MAX_POOL_SIZE = 4;

export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(MAX_POOL_SIZE, cores));
}

interface Member {
  worker: Worker;
  remote: Remote<EngineApi>;
  unwatch: () => void;
}

/** One sweep in flight: its own stop flag, the way to end it at once, and the jobs its lanes wait on. */
interface Sweep {
  stopped: boolean;
  abort: (error: Error) => void;
  jobs: Map<number, Member>;
}

export interface SweepListener {
  /** Every finished run, as it finishes (in any order): its config's index and its summary. */
  result?(index: number, summary: RunSummary): void;
  /** How many runs are finished, of how many. */
  done?(done: number, total: number): void;
}

export interface SweepOptions {
  /**
   * Runs taken together: each `group` consecutive configs go to one worker, one after the other (the rule sets
   * of one seed, which then share the seed's draws kept in that worker: engine/run/seed-setup.ts). Default 1.
   */
  group?: number;
}

export class WorkerPool {
  #members: Member[] = [];
  #sweeps = new Set<Sweep>();
  /** Warm-up runs in flight (job → member): a real sweep cancels them, so the first click never waits. */
  #warming = new Map<number, Member>();
  /** Job ids of the pool's calls; far from the single-run worker's, so a cancel never names another's job. */
  #job = 1_000_000;

  constructor(private readonly spawn: () => Worker) {}

  get size(): number {
    return this.#members.length;
  }

  /**
   * Runs every config (summary only); resolves with the summaries in config order, and tells `listener` of each
   * run as it finishes (a view can draw results as they come).
   */
  async each(
    configs: readonly RunConfig[],
    listener: SweepListener = {},
    options: SweepOptions = {},
  ): Promise<RunSummary[]> {
    this.#cancelWarming();
    let abort: (error: Error) => void = () => {};
    const aborted = new Promise<never>((_, reject) => (abort = reject));
    aborted.catch(() => {}); // raced below; a late abort after the sweep ended is nobody's error
    const sweep: Sweep = { stopped: false, abort, jobs: new Map() };
    this.#sweeps.add(sweep);
    const group = Math.max(1, Math.floor(options.group ?? 1));
    const groups = Math.ceil(configs.length / group);
    const size = Math.min(poolSize(), groups);
    this.#fill(size);
    const results: RunSummary[] = new Array(configs.length);
    let next = 0;
    let done = 0;
    const lane = async (member: Member) => {
      while (!sweep.stopped && next < configs.length) {
        const first = next;
        next = Math.min(configs.length, first + group);
        for (let index = first; index < first + group && index < configs.length && !sweep.stopped; index++) {
          const job = ++this.#job;
          sweep.jobs.set(job, member);
          let summary: RunSummary;
          try {
            summary = await Promise.race([member.remote.summary(job, configs[index]!), aborted]);
          } finally {
            sweep.jobs.delete(job);
          }
          results[index] = summary;
          listener.result?.(index, summary);
          listener.done?.(++done, configs.length);
        }
      }
    };
    // Two lanes a worker: while the page handles one result, the worker is already running the next run (a
    // busy page thread would otherwise leave the worker idle between runs). Its two runs take turns by slices.
    const members = this.#members.slice(0, size);
    const lanes = groups > size ? [...members, ...members] : members;
    try {
      await Promise.all(lanes.map((member) => lane(member)));
    } finally {
      this.#sweeps.delete(sweep);
    }
    if (sweep.stopped) throw new Error('the sweep was stopped');
    return results;
  }

  /**
   * Starts the pool's workers and runs `configs` once on each (summaries thrown away), off the page's thread:
   * the engine's code is loaded and compiled before the first real sweep. Never fails; a sweep started
   * meanwhile cancels what is left of it.
   */
  async warm(configs: readonly RunConfig[]): Promise<void> {
    this.#fill(poolSize());
    await Promise.all(
      this.#members.map(async (member) => {
        for (const config of configs) {
          const job = ++this.#job;
          this.#warming.set(job, member);
          try {
            await member.remote.summary(job, config);
          } catch {
            return; // cancelled by a sweep, or the worker went: nothing to warm any more
          } finally {
            this.#warming.delete(job);
          }
          if (!this.#members.includes(member)) return;
        }
      }),
    );
  }

  /** Cancels the warm-up runs still going (a comparison started: it should have the machine's cores). */
  stopWarming(): void {
    this.#cancelWarming();
  }

  #cancelWarming(): void {
    for (const [job, member] of this.#warming) member.remote.cancel(job).catch(() => {});
    this.#warming.clear();
  }

  #fill(size: number): void {
    while (this.#members.length < size) this.#members.push(this.#member());
  }

  #member(): Member {
    const worker = this.spawn();
    const lost = (message: string) => {
      if (!this.#members.some((m) => m.worker === worker)) return;
      for (const sweep of this.#sweeps) sweep.abort(new Error(message));
      this.dispose(); // a fresh pool on the next sweep
    };
    worker.addEventListener('error', (event) =>
      lost((event as ErrorEvent).message || 'an engine worker of the sweep stopped unexpectedly'),
    );
    const unwatch = watchLifeline(worker, () => lost('an engine worker of the sweep stopped unexpectedly'));
    return { worker, remote: wrap<EngineApi>(worker), unwatch };
  }

  /**
   * Ends every sweep in flight at once (they reject with "the sweep was stopped") but keeps the workers warm:
   * each is asked to cancel its run between slices (within about 25 ms), so the next sweep starts at once.
   */
  cancel(): void {
    for (const sweep of this.#sweeps) {
      sweep.stopped = true;
      sweep.abort(new Error('the sweep was stopped'));
      for (const [job, member] of sweep.jobs) member.remote.cancel(job).catch(() => {});
      sweep.jobs.clear();
    }
  }

  /** Stops at once: every worker of the pool is terminated (a new sweep starts fresh ones). */
  stop(): void {
    for (const sweep of this.#sweeps) {
      sweep.stopped = true;
      sweep.abort(new Error('the sweep was stopped'));
    }
    this.dispose();
  }

  dispose(): void {
    const members = this.#members;
    this.#members = [];
    this.#warming.clear();
    for (const member of members) {
      member.unwatch();
      member.remote[releaseProxy]();
      member.worker.terminate();
    }
  }
}
