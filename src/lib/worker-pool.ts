/**
 * A small pool of engine workers for parameter sweeps: each config of the sweep is one run, handed to the next
 * free worker; results come back in the order of the configs. The pool is owned by EngineClient.
 */
import { releaseProxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../workers/engine-api.ts';
import type { RunConfig } from '../engine/run/config.ts';
import type { RunSummary } from '../engine/run/summary.ts';

/** At most this many workers, whatever the machine reports: a sweep should not starve the page. */
export const MAX_POOL_SIZE = 4;

export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(MAX_POOL_SIZE, cores));
}

interface Member {
  worker: Worker;
  remote: Remote<EngineApi>;
}

export class WorkerPool {
  #members: Member[] = [];
  #stopped = false;

  constructor(private readonly spawn: () => Worker) {}

  get size(): number {
    return this.#members.length;
  }

  async run(
    configs: readonly RunConfig[],
    onDone?: (done: number, total: number) => void,
  ): Promise<RunSummary[]> {
    this.#stopped = false;
    const size = Math.min(poolSize(), configs.length);
    while (this.#members.length < size) {
      const worker = this.spawn();
      this.#members.push({ worker, remote: wrap<EngineApi>(worker) });
    }
    const results: RunSummary[] = new Array(configs.length);
    let next = 0;
    let done = 0;
    const lane = async (member: Member, lane: number) => {
      while (!this.#stopped && next < configs.length) {
        const index = next++;
        results[index] = await member.remote.summary(1_000_000 + lane, configs[index]!);
        onDone?.(++done, configs.length);
      }
    };
    await Promise.all(this.#members.slice(0, size).map((member, i) => lane(member, i)));
    if (this.#stopped) throw new Error('the sweep was stopped');
    return results;
  }

  /** Stops at once: every worker of the pool is terminated (a new sweep starts fresh ones). */
  stop(): void {
    this.#stopped = true;
    this.dispose();
  }

  dispose(): void {
    for (const member of this.#members) {
      member.remote[releaseProxy]();
      member.worker.terminate();
    }
    this.#members = [];
  }
}
