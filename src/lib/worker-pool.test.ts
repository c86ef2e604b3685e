/**
 * The sweep pool with in-process fake workers (comlink over a MessageChannel): results in config order, and
 * a sweep that Stop or a dying worker ends settles at once instead of waiting forever on calls that a
 * terminated worker will never answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunConfig } from '../engine/run/config.ts';
import { WorkerPool } from './worker-pool.ts';
import { FakeWorker } from './fake-worker.ts';

/** The shared test double, recording the runs it was given and asked to cancel. */
class RecordingWorker extends FakeWorker {
  readonly #seen: { jobs: number[]; cancelled: number[]; mostAtOnce: number };

  constructor(summary: (config: { seed: number }) => unknown) {
    const seen = { jobs: [] as number[], cancelled: [] as number[], mostAtOnce: 0 };
    let active = 0;
    super({
      summary: async (job: number, config: { seed: number }) => {
        seen.jobs.push(job);
        seen.mostAtOnce = Math.max(seen.mostAtOnce, ++active);
        try {
          return await summary(config);
        } finally {
          active--;
        }
      },
      cancel: (job: number) => seen.cancelled.push(job),
    });
    this.#seen = seen;
  }

  /** The job ids of the runs this worker was given, and of those it was asked to cancel. */
  get jobs(): number[] {
    return this.#seen.jobs;
  }
  get cancelled(): number[] {
    return this.#seen.cancelled;
  }
  /** The most runs this worker had in hand at once. */
  get mostAtOnce(): number {
    return this.#seen.mostAtOnce;
  }
}

const configs = (n: number) => Array.from({ length: n }, (_, seed) => ({ seed }) as unknown as RunConfig);
const never = () => new Promise(() => {});

describe('the sweep pool', () => {
  let workers: RecordingWorker[] = [];
  afterEach(() => {
    workers = [];
  });
  const pool = (summary: (config: { seed: number }) => unknown) =>
    new WorkerPool(() => {
      const worker = new RecordingWorker(summary);
      workers.push(worker);
      return worker as unknown as Worker;
    });

  it('runs every config and returns the summaries in config order', async () => {
    const sweep = pool(async (c) => {
      await new Promise((r) => setTimeout(r, (7 - c.seed) * 2));
      return { seed: c.seed };
    });
    const done: number[] = [];
    const results = await sweep.each(configs(7), { done: (d) => done.push(d) });
    expect(results).toEqual(configs(7).map((_, seed) => ({ seed })));
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7]);
    sweep.dispose();
  });

  it('settles at once when stopped while every worker is busy, and terminates them', async () => {
    const sweep = pool(never);
    const running = sweep.each(configs(4));
    await new Promise((r) => setTimeout(r, 20));
    sweep.stop();
    await expect(running).rejects.toThrow('the sweep was stopped');
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('settles with a readable error when a worker dies, and the next sweep starts fresh workers', async () => {
    let broken = true;
    const sweep = pool((c) => (broken ? never() : { seed: c.seed }));
    const running = sweep.each(configs(3));
    await new Promise((r) => setTimeout(r, 20));
    const dying = Object.assign(new Event('error'), { message: 'out of memory' });
    workers[0]!.dispatchEvent(dying);
    await expect(running).rejects.toThrow('out of memory');
    expect(sweep.size).toBe(0);
    broken = false;
    const before = workers.length;
    await expect(sweep.each(configs(2))).resolves.toEqual([{ seed: 0 }, { seed: 1 }]);
    expect(workers.length).toBeGreaterThan(before);
    sweep.dispose();
  });

  it('reports each run as it finishes, with its index, and keeps two runs in flight per worker', async () => {
    const sweep = pool(async (c) => {
      await new Promise((r) => setTimeout(r, c.seed === 0 ? 40 : 2));
      return { seed: c.seed };
    });
    const seen: [number, unknown][] = [];
    const results = await sweep.each(configs(6), { result: (index, summary) => seen.push([index, summary]) });
    expect(results).toEqual(configs(6).map((_, seed) => ({ seed })));
    expect(seen.map(([index]) => index).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const [index, summary] of seen) expect(summary).toEqual({ seed: index });
    // The slow first run finishes last: the others went on beside it, two at a time in each worker.
    expect(seen.at(-1)![0]).toBe(0);
    expect(workers.map((w) => w.mostAtOnce)).toEqual(workers.map(() => 2));
    sweep.dispose();
  });

  it("runs each group of consecutive configs on one worker, in order (a seed's rule sets share its draws)", async () => {
    const ran: number[][] = [];
    const grouped = () =>
      new WorkerPool(() => {
        const mine: number[] = [];
        ran.push(mine);
        const worker = new RecordingWorker(async (c) => {
          mine.push(c.seed);
          // Uneven run times, so lanes drift apart as real runs do.
          await new Promise((r) => setTimeout(r, 1 + ((c.seed * 7) % 5)));
          return { seed: c.seed };
        });
        workers.push(worker);
        return worker as unknown as Worker;
      });
    const sweep = grouped();
    const results = await sweep.each(configs(12), {}, { group: 2 });
    expect(results).toEqual(configs(12).map((_, seed) => ({ seed })));
    expect(ran.length).toBe(2);
    for (let first = 0; first < 12; first += 2) {
      const worker = ran.find((seeds) => seeds.includes(first))!;
      expect(worker).toContain(first + 1);
      expect(worker.indexOf(first)).toBeLessThan(worker.indexOf(first + 1));
    }
    sweep.dispose();
    // Without groups, the lanes take turns across the workers: a seed's two runs land on different ones.
    ran.length = 0;
    const ungrouped = grouped();
    await ungrouped.each(configs(12));
    expect(ran.find((seeds) => seeds.includes(0))).not.toContain(1);
    ungrouped.dispose();
  });

  it('cancel ends the sweep at once, asks each busy worker to cancel its run, and keeps the workers', async () => {
    const sweep = pool(never);
    const running = sweep.each(configs(4));
    await new Promise((r) => setTimeout(r, 20));
    sweep.cancel();
    await expect(running).rejects.toThrow('the sweep was stopped');
    await new Promise((r) => setTimeout(r, 20));
    expect(workers.every((w) => !w.terminated)).toBe(true);
    expect(sweep.size).toBe(workers.length);
    for (const worker of workers) expect(worker.cancelled.sort()).toEqual(worker.jobs.sort());
    sweep.dispose();
  });

  it('warms every worker with the given runs before the first sweep, which cancels what is left', async () => {
    let slow = true;
    const sweep = pool(async (c) => {
      if (slow && c.seed === 9) await never();
      return { seed: c.seed };
    });
    void sweep.warm([{ seed: 8 }, { seed: 9 }] as unknown as RunConfig[]);
    await new Promise((r) => setTimeout(r, 20));
    expect(workers.length).toBeGreaterThan(0);
    expect(sweep.size).toBe(workers.length);
    for (const worker of workers) expect(worker.jobs).toHaveLength(2);
    slow = false;
    await expect(sweep.each(configs(2))).resolves.toEqual([{ seed: 0 }, { seed: 1 }]);
    // The warm-up's second run (still going) was cancelled when the sweep began; no new workers were needed.
    for (const worker of workers) expect(worker.cancelled).toEqual([worker.jobs[1]]);
    sweep.dispose();
  });
});
