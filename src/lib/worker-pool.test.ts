/**
 * The sweep pool with in-process fake workers (comlink over a MessageChannel): results in config order, and
 * a sweep that Stop or a dying worker ends settles at once instead of waiting forever on calls that a
 * terminated worker will never answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunConfig } from '../engine/run/config.ts';
import { WorkerPool } from './worker-pool.ts';
import { FakeWorker } from './fake-worker.ts';

const configs = (n: number) => Array.from({ length: n }, (_, seed) => ({ seed }) as unknown as RunConfig);
const never = () => new Promise(() => {});

describe('the sweep pool', () => {
  let workers: FakeWorker[] = [];
  afterEach(() => {
    workers = [];
  });
  const pool = (summary: (config: { seed: number }) => unknown) =>
    new WorkerPool(() => {
      const worker = new FakeWorker({
        summary: (_job: number, config: { seed: number }) => summary(config),
      });
      workers.push(worker);
      return worker as unknown as Worker;
    });

  it('runs every config and returns the summaries in config order', async () => {
    const sweep = pool(async (c) => {
      await new Promise((r) => setTimeout(r, (7 - c.seed) * 2));
      return { seed: c.seed };
    });
    const done: number[] = [];
    const results = await sweep.run(configs(7), (d) => done.push(d));
    expect(results).toEqual(configs(7).map((_, seed) => ({ seed })));
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7]);
    sweep.dispose();
  });

  it('settles at once when stopped while every worker is busy, and terminates them', async () => {
    const sweep = pool(never);
    const running = sweep.run(configs(4));
    await new Promise((r) => setTimeout(r, 20));
    sweep.stop();
    await expect(running).rejects.toThrow('the sweep was stopped');
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('settles with a readable error when a worker dies, and the next sweep starts fresh workers', async () => {
    let broken = true;
    const sweep = pool((c) => (broken ? never() : { seed: c.seed }));
    const running = sweep.run(configs(3));
    await new Promise((r) => setTimeout(r, 20));
    const dying = Object.assign(new Event('error'), { message: 'out of memory' });
    workers[0]!.dispatchEvent(dying);
    await expect(running).rejects.toThrow('out of memory');
    expect(sweep.size).toBe(0);
    broken = false;
    const before = workers.length;
    await expect(sweep.run(configs(2))).resolves.toEqual([{ seed: 0 }, { seed: 1 }]);
    expect(workers.length).toBeGreaterThan(before);
    sweep.dispose();
  });
});
