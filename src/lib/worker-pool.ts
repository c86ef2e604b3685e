/**
 * A small pool of engine workers for parameter sweeps: each config of the sweep is one run, handed to the next
 * free worker; results come back in the order of the configs. The pool is owned by EngineClient.
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

export class WorkerPool {
  #members: Member[] = [];
  #stopped = false;
  /** Ends the running sweep at once (Stop, or a member that died): its pending calls never answer. */
  #abort: ((error: Error) => void) | null = null;

  constructor(private readonly spawn: () => Worker) {}

  get size(): number {
    return this.#members.length;
  }

  async run(
    configs: readonly RunConfig[],
    onDone?: (done: number, total: number) => void,
  ): Promise<RunSummary[]> {
    this.#stopped = false;
    const aborted = new Promise<never>((_, reject) => (this.#abort = reject));
    aborted.catch(() => {}); // raced below; a late abort after the sweep ended is nobody's error
    const size = Math.min(poolSize(), configs.length);
    while (this.#members.length < size) this.#members.push(this.#member());
    const results: RunSummary[] = new Array(configs.length);
    let next = 0;
    let done = 0;
    const lane = async (member: Member, lane: number) => {
      while (!this.#stopped && next < configs.length) {
        const index = next++;
        results[index] = await Promise.race([
          member.remote.summary(1_000_000 + lane, configs[index]!),
          aborted,
        ]);
        onDone?.(++done, configs.length);
      }
    };
    try {
      await Promise.all(this.#members.slice(0, size).map((member, i) => lane(member, i)));
    } finally {
      this.#abort = null;
    }
    if (this.#stopped) throw new Error('the sweep was stopped');
    return results;
  }

  #member(): Member {
    const worker = this.spawn();
    const lost = (message: string) => {
      if (!this.#members.some((m) => m.worker === worker)) return;
      this.#abort?.(new Error(message));
      this.dispose(); // a fresh pool on the next sweep
    };
    worker.addEventListener('error', (event) =>
      lost((event as ErrorEvent).message || 'an engine worker of the sweep stopped unexpectedly'),
    );
    const unwatch = watchLifeline(worker, () => lost('an engine worker of the sweep stopped unexpectedly'));
    return { worker, remote: wrap<EngineApi>(worker), unwatch };
  }

  /** Stops at once: every worker of the pool is terminated (a new sweep starts fresh ones). */
  stop(): void {
    this.#stopped = true;
    this.#abort?.(new Error('the sweep was stopped'));
    this.dispose();
  }

  dispose(): void {
    const members = this.#members;
    this.#members = [];
    for (const member of members) {
      member.unwatch();
      member.remote[releaseProxy]();
      member.worker.terminate();
    }
  }
}
