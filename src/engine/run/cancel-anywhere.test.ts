/**
 * A run stopped at any step is a consistent state (reliability issue, "Faults": a run cancelled at any moment
 * leaves a consistent state): money conserved to 1e-9, long open interest = short open interest, insurance
 * funds ≥ 0, broker books balanced, every number finite, frames, traces and ADL-queue heads in step with the
 * minute. Reading it there (summary, whole result) changes nothing: carried on, it ends with the checksum,
 * summary and frames of a run that never paused. The worker's job loop (workers/run-jobs.ts), cancelled
 * between slices, streams a clean prefix of the frames, rejects with CancelledError, and leaves nothing
 * behind for the next job.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBrokerInvariants } from '../broker/index.ts';
import { checkInvariants } from '../perp/invariants.ts';
import { PRESET_IDS } from '../regimes/types.ts';
import { SCENARIO_IDS } from '../scenarios/catalogue.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { FRAME_FIELDS, type FrameField } from './frames.ts';
import { resultOf, runScenario } from './run.ts';
import { createRun, type RunState } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';
import { summarize } from './summary.ts';
import { CancelledError, cancelJob, runJob, type FrameBatch } from '../../../workers/run-jobs.ts';

const TOLERANCE = 1e-9;

/** Paths to every number in plain data that is NaN or ±Infinity. */
function nonFinite(value: unknown, path = '', seen = new Set<object>()): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const bad: string[] = [];
    const items = value as unknown as ArrayLike<number>;
    for (let i = 0; i < items.length; i++) {
      const v = Number(items[i]);
      if (!Number.isFinite(v)) bad.push(`${path}[${i}] = ${v}`);
    }
    return bad;
  }
  const entries: [string, unknown][] =
    value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v]) : Object.entries(value);
  return entries.flatMap(([key, v]) => nonFinite(v, `${path}.${key}`, seen));
}

/** Frames taken after `steps` steps: one before the first step, one every `frameEvery` minutes, one at the end. */
function framesAfter(run: RunState, steps: number): number {
  if (steps === 0) return 0;
  const last = steps === run.path.minutes && steps % run.frameEvery !== 0 ? 1 : 0;
  return 1 + Math.floor(steps / run.frameEvery) + last;
}

function expectConsistent(run: RunState, steps: number, label: string): void {
  expect(run.minute, label).toBe(steps);
  for (const venue of [run.onshore, run.offshore]) {
    if (!venue) continue;
    const where = `${label}, ${venue.name} venue`;
    const report = checkInvariants(venue.exchange);
    expect(report.conservationError, where).toBeLessThan(TOLERANCE);
    expect(report.openInterestError, where).toBeLessThan(TOLERANCE);
    expect(report.minInsuranceFund, where).toBeGreaterThanOrEqual(0);
    for (const market of Object.values(venue.exchange.markets)) {
      const scale = Math.max(1, market.longOpenInterest);
      expect(Math.abs(market.longOpenInterest - market.shortOpenInterest) / scale, where).toBeLessThan(
        TOLERANCE,
      );
    }
    expect(nonFinite(venue.exchange.markets, 'markets'), where).toEqual([]);
    expect(nonFinite(venue.exchange.accounts, 'accounts'), where).toEqual([]);
    expect(Number.isFinite(venue.exchange.feeCollector), where).toBe(true);
  }
  const broker = checkBrokerInvariants(run.broker);
  for (const [name, error] of Object.entries(broker))
    expect(error, `${label}, broker ${name}`).toBeLessThan(TOLERANCE);
  expect(nonFinite(run.broker.clients, 'clients'), label).toEqual([]);
  expect(run.tally.conservationError, label).toBeLessThan(TOLERANCE);
  expect(nonFinite(run.tally, 'tally'), label).toEqual([]);

  // Frames, traces and queue heads are in step with the minute, and finite.
  const frames = framesAfter(run, steps);
  expect(run.frames.length, label).toBe(frames);
  expect(run.traces.length, label).toBe(frames);
  expect(run.queues.length, label).toBe(frames);
  for (const field of FRAME_FIELDS)
    expect(nonFinite(run.frames.columns[field].subarray(0, frames), field), label).toEqual([]);
  expect(nonFinite(run.traces, 'traces'), label).toEqual([]);

  const summary = summarize(run);
  expect(summary.steps, label).toBe(steps);
  expect(summary.events, label).toBe(run.events.length);
  expect(nonFinite(summary, 'summary'), label).toEqual([]);
}

const configs = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  scenario: fc.constantFrom(
    ...SCENARIO_IDS.filter((id) => id.startsWith('synthetic')),
    '2025-10-tariff-crash',
    '2020-03-black-thursday',
  ),
  regime: fc.constantFrom(...PRESET_IDS),
  traders: fc.integer({ min: 3, max: 150 }),
  leakage: fc.constantFrom(0, 0.3),
  affiliated: fc.boolean(),
  engine: fc.constantFrom('fast' as const, 'reference' as const),
});

type Drawn = typeof configs extends fc.Arbitrary<infer T> ? T : never;

function configOf(c: Drawn): RunConfig {
  return {
    ...DEFAULT_RUN,
    seed: c.seed,
    scenario: c.scenario,
    regime: c.regime,
    affiliatedMarketMaker: c.affiliated,
    engine: c.engine,
    population: { ...DEFAULT_RUN.population, traders: c.traders, leakage: c.leakage },
    // Every step checked, so a pause finds the tally's conservation error up to date.
    invariantEvery: 1,
    ...(c.scenario.startsWith('synthetic') ? { days: 0.5 } : {}),
  };
}

describe('a run stopped at any step', () => {
  it(
    'is consistent there, and carried on gives the checksum, summary and frames of an unpaused run',
    { timeout: 180_000 },
    () => {
      fc.assert(
        fc.property(configs, fc.double({ min: 0, max: 1, noNaN: true }), (c, where) => {
          const config = configOf(c);
          const unpaused = runScenario(config);
          const run = createRun(config);
          const steps = Math.min(run.path.minutes, Math.floor(where * (run.path.minutes + 1)));
          const label = `${config.scenario} × ${config.regime}, ${c.traders} traders, stopped after ${steps} of ${run.path.minutes} steps`;
          for (let k = 0; k < steps; k++) stepRun(run);
          expectConsistent(run, steps, label);
          // What a page would read at the stop: the result so far. Reading must not change the run.
          const snapshot = resultOf(run);
          expect(snapshot.frames.length, label).toBe(run.frames.length);
          expect(snapshot.summary.checksum, label).toBe(summarize(run).checksum);

          while (!isFinished(run)) stepRun(run);
          expectConsistent(run, run.path.minutes, label);
          const resumed = resultOf(run);
          expect(resumed.summary.checksum, label).toBe(unpaused.summary.checksum);
          expect(resumed.summary, label).toEqual(unpaused.summary);
          expect(resumed.frames, label).toEqual(unpaused.frames);
          expect(resumed.events.length, label).toBe(unpaused.events.length);
        }),
        { numRuns: 30 },
      );
    },
  );

  it('can be stopped and resumed many times over: every pause is consistent, the end is the same', () => {
    const config: RunConfig = {
      ...DEFAULT_RUN,
      regime: 'offshore-cex',
      population: { ...DEFAULT_RUN.population, traders: 120, leakage: 0.3 },
      invariantEvery: 1,
    };
    const unpaused = runScenario(config);
    const run = createRun(config);
    // Pause after every 37 steps (prime, so pauses fall on and off frame minutes alike).
    while (!isFinished(run)) {
      for (let k = 0; k < 37 && !isFinished(run); k++) stepRun(run);
      expectConsistent(run, run.minute, `paused at minute ${run.minute}`);
    }
    expect(summarize(run)).toEqual(unpaused.summary);
  });
});

describe("the worker's job loop, cancelled between slices", () => {
  /** Large enough for several 25 ms slices per run. */
  const jobConfigs = (seed: number): RunConfig[] =>
    (['hk-sfc-2026', 'offshore-cex'] as const).map((regime) => ({
      ...DEFAULT_RUN,
      seed,
      regime,
      scenario: 'synthetic-flash-crash',
      days: 1,
      population: { ...DEFAULT_RUN.population, traders: 3_000 },
    }));

  let nextJob = 1;

  it(
    'rejects with CancelledError, streamed a clean prefix of the frames, and the next job is unaffected',
    { timeout: 180_000 },
    async () => {
      const seed = 4242;
      const configs = jobConfigs(seed);
      const reference = configs.map(runScenario);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 80 }), async (cancelAtSlice) => {
          const job = nextJob++;
          const batches: FrameBatch[] = [];
          let slices = 0;
          const outcome = await runJob(job, configs, {
            progress: (p) => {
              expect(p.job).toBe(job);
              expect(p.minute).toBeLessThanOrEqual(p.minutes);
              if (++slices === cancelAtSlice) cancelJob(job);
            },
            frames: (batch) => batches.push(batch),
          }).then(
            (results) => ({ results, error: null }),
            (error: unknown) => ({ results: null, error }),
          );
          if (outcome.results) {
            // The whole job ran before the cancel could be seen: its results are the reference's.
            expect(slices).toBeLessThan(cancelAtSlice);
            expect(outcome.results.map((r) => r.summary)).toEqual(reference.map((r) => r.summary));
          } else {
            expect(outcome.error).toBeInstanceOf(CancelledError);
            // The cancel is seen right after the slice that asked for it.
            expect(slices).toBe(cancelAtSlice);
          }
          // Per run, the batches are contiguous from frame 0 and equal the reference's frames.
          for (let k = 0; k < configs.length; k++) {
            let next = 0;
            for (const batch of batches.filter((b) => b.run === k)) {
              expect(batch.job).toBe(job);
              expect(batch.from).toBe(next);
              const length = batch.columns.minute.length;
              for (const field of FRAME_FIELDS as readonly FrameField[])
                expect([...batch.columns[field]]).toEqual([
                  ...reference[k]!.frames[field].subarray(next, next + length),
                ]);
              next += length;
            }
          }
          // Nothing of the cancelled job is left behind: the next job runs whole and gives the same results.
          const after = await runJob(nextJob++, configs);
          expect(after.map((r) => r.summary.checksum)).toEqual(reference.map((r) => r.summary.checksum));
        }),
        { numRuns: 5 },
      );
    },
  );

  it('ignores a cancel that arrives after the job finished (a late Stop) and one for another job', async () => {
    const configs = jobConfigs(7).map((c) => ({ ...c, population: { ...c.population, traders: 100 } }));
    const job = nextJob++;
    const first = await runJob(job, configs);
    cancelJob(job); // too late: nothing to stop
    cancelJob(nextJob + 1000); // a job that is not running
    const second = await runJob(nextJob++, configs);
    expect(second.map((r) => r.summary)).toEqual(first.map((r) => r.summary));
  });
});
