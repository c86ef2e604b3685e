/**
 * Memory over long runs (reliability issue, "Faults": a long run, a million steps, keeps memory flat).
 *
 *   npx tsx bench/memory.ts [--traders N] [--quick] [--json]
 *
 * No `--expose-gc` needed: the script turns the flag on itself (v8.setFlagsFromString) and takes `gc` from a
 * fresh context. `node --expose-gc --import tsx bench/memory.ts` works as well. Every sample is taken after a
 * forced full GC, so it is what the run keeps alive, not garbage waiting to be collected.
 *
 * Three measurements:
 *
 * 1. The longest run the engine allows: a synthetic scenario of 60 days = 86,400 one-minute steps
 *    (SYNTHETIC_DAYS.max in src/engine/scenarios/synthetic-info.ts), sampled every 5 days.
 * 2. The same run state stretched to 1,000,000 steps. The engine refuses more than 60 days, so this bench
 *    (and only it) builds a 60-day run with createRun and, before the first step, swaps in what createRun
 *    would have made for 1,000,000 minutes: the synthetic index path and the securities path for that length
 *    (syntheticPath and securitiesPath take any length), the population's entry and exit minutes drawn for that
 *    length (drawPopulation draws everything else identically whatever the length, which is checked), the
 *    entry order, and createRun's frame and invariant intervals. It stands in for lifting the cap.
 * 3. Runs repeated back to back (each result dropped, as the page drops a stopped or replaced comparison):
 *    12 runs of 60 days = 1,036,800 steps in one process, sampled after each run.
 *
 * For each, the structures that grow are measured: `run.events` (every event of the run is kept), frames
 * (typed-array columns, about 1,500 rows a run), traces (one object per frame per followed trader) and the ADL
 * queue heads (one pair of arrays per frame). Typed arrays live outside the JS heap, so `arrayBuffers` is
 * reported beside `heapUsed`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_RUN, type RunConfig } from '../src/engine/run/config.ts';
import { FRAME_FIELDS } from '../src/engine/run/frames.ts';
import { createRun, type RunState } from '../src/engine/run/run-state.ts';
import { isFinished, stepRun } from '../src/engine/run/step-run.ts';
import { summarize } from '../src/engine/run/summary.ts';
import { drawPopulation } from '../src/engine/population/population.ts';
import { securitiesPath } from '../src/engine/market/securities-path.ts';
import { forkPrng, seedPrng } from '../src/engine/prng.ts';
import { syntheticPath } from '../src/engine/scenarios/synthetic.ts';
import { SYNTHETIC_DAYS } from '../src/engine/scenarios/synthetic-info.ts';

setFlagsFromString('--expose-gc');
const gc = (globalThis.gc ?? runInNewContext('gc')) as () => void;

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const tradersAt = args.indexOf('--traders');
const TRADERS = tradersAt >= 0 ? Number(args[tradersAt + 1]) : 10_000;
if (!Number.isInteger(TRADERS) || TRADERS < 3) {
  console.error(`error: --traders must be a whole number ≥ 3 (got ${args[tradersAt + 1]})`);
  process.exit(2);
}
const MILLION = quick ? 200_000 : 1_000_000;
const REPEATS = quick ? 3 : 12;

const MB = 1024 * 1024;
const mb = (bytes: number) => bytes / MB;

interface Sample {
  steps: number;
  heapMB: number;
  arrayBuffersMB: number;
  events: number;
  frames: number;
  traceRows: number;
  queueHeads: number;
}

function memory(): { heap: number; arrayBuffers: number } {
  gc();
  gc();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, arrayBuffers: usage.arrayBuffers };
}

function sample(run: RunState, steps: number): Sample {
  const m = memory();
  return {
    steps,
    heapMB: mb(m.heap),
    arrayBuffersMB: mb(m.arrayBuffers),
    events: run.events.length,
    frames: run.frames.length,
    traceRows: run.traces.length * run.followed.length,
    queueHeads: run.queues.length,
  };
}

/** Bytes each growing structure keeps alive at the end of a run, found by dropping it (the run is over). */
function retainedBy(run: RunState): Record<'events' | 'traces' | 'queues' | 'frames', number> {
  const frames = run.frames.capacity * FRAME_FIELDS.length * Float64Array.BYTES_PER_ELEMENT;
  const drop = (what: () => void) => {
    const before = memory().heap;
    what();
    return before - memory().heap;
  };
  return {
    events: drop(() => (run.events = [])),
    traces: drop(() => (run.traces = [])),
    queues: drop(() => (run.queues = [])),
    frames,
  };
}

const config = (days: number, seed = 2026): RunConfig => ({
  ...DEFAULT_RUN,
  scenario: 'synthetic-volatile',
  days,
  regime: 'offshore-cex',
  seed,
  population: { ...DEFAULT_RUN.population, traders: TRADERS },
});

/** Salt of the scenario stream in src/engine/scenarios/catalogue.ts (not exported there). */
const SCENARIO_STREAM_SALT = 0x5ce7a210;

/** A 60-day run state with everything createRun derives from the length redone for `minutes` (see above). */
function stretchedRun(minutes: number): RunState {
  const base = config(SYNTHETIC_DAYS.max);
  const run = createRun(base);
  const path = syntheticPath(
    'synthetic-volatile',
    forkPrng(seedPrng(base.seed), SCENARIO_STREAM_SALT),
    minutes,
  );
  const securities = securitiesPath(base.seed, minutes);
  if (
    path.btc[0] !== run.path.btc[0] ||
    path.eth[0] !== run.path.eth[0] ||
    securities[0] !== run.securities[0]
  )
    throw new Error('the stretched paths do not open where the 60-day run opened');
  const longer = drawPopulation(base.population, base.seed, minutes);
  const p = run.population;
  for (let i = 0; i < p.count; i++)
    if (longer.capital[i] !== p.capital[i] || longer.product[i] !== p.product[i])
      throw new Error(`trader ${i} differs in the population drawn for ${minutes} minutes`);
  p.entryMinute.set(longer.entryMinute);
  p.exitMinute.set(longer.exitMinute);
  run.entryOrder.sort((a, b) => p.entryMinute[a]! - p.entryMinute[b]! || a - b);
  run.path = path;
  run.securities = securities;
  run.frameEvery = Math.max(1, Math.ceil(minutes / 1500));
  run.invariantEvery = p.count * minutes <= 5e6 ? 1 : 60;
  return run;
}

function stepSampled(run: RunState, every: number): { samples: Sample[]; seconds: number } {
  const samples = [sample(run, 0)];
  const t0 = performance.now();
  while (!isFinished(run)) {
    stepRun(run);
    if (run.minute % every === 0 || isFinished(run)) {
      samples.push(sample(run, run.minute));
      if (!json) process.stderr.write(`  ${run.minute.toLocaleString('en')} steps\r`);
    }
  }
  return { samples, seconds: (performance.now() - t0) / 1000 };
}

function table(samples: Sample[]): string {
  const head =
    '|     steps | heap (MB) | array buffers (MB) |   events | frames | trace rows | queue heads |';
  const rule =
    '| --------: | --------: | -----------------: | -------: | -----: | ---------: | ----------: |';
  const rows = samples.map(
    (s) =>
      `| ${s.steps.toLocaleString('en').padStart(9)} | ${s.heapMB.toFixed(1).padStart(9)} | ` +
      `${s.arrayBuffersMB.toFixed(1).padStart(18)} | ${s.events.toLocaleString('en').padStart(8)} | ` +
      `${s.frames.toLocaleString('en').padStart(6)} | ${s.traceRows.toLocaleString('en').padStart(10)} | ` +
      `${s.queueHeads.toLocaleString('en').padStart(11)} |`,
  );
  return [head, rule, ...rows].join('\n');
}

/** Per 100,000 steps between two samples (the first sample after the entries settle, and the last). */
function growth(samples: Sample[], retained: ReturnType<typeof retainedBy>, from = 1) {
  const first = samples[from]!;
  const last = samples.at(-1)!;
  const per = 100_000 / (last.steps - first.steps);
  const bytesPerEvent = last.events > 0 ? retained.events / last.events : 0;
  return {
    heapMB: (last.heapMB - first.heapMB) * per,
    events: (last.events - first.events) * per,
    eventsMB: mb((last.events - first.events) * bytesPerEvent) * per,
    bytesPerEvent,
    traceRows: (last.traceRows - first.traceRows) * per,
    queueHeads: (last.queueHeads - first.queueHeads) * per,
  };
}

/** Events by type, most numerous first. */
function eventTypes(run: RunState): [string, number][] {
  const counts = new Map<string, number>();
  for (const event of run.events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function report(title: string, run: RunState, result: { samples: Sample[]; seconds: number }) {
  const summary = summarize(run);
  const types = eventTypes(run);
  const retained = retainedBy(run);
  const perStep = growth(result.samples, retained);
  const out = {
    title,
    traders: TRADERS,
    steps: run.minute,
    seconds: result.seconds,
    checksum: summary.checksum,
    conservationError: summary.conservationError,
    samples: result.samples,
    eventTypes: Object.fromEntries(types),
    retainedAtEndMB: {
      events: mb(retained.events),
      traces: mb(retained.traces),
      queues: mb(retained.queues),
      frames: mb(retained.frames),
    },
    per100kSteps: perStep,
  };
  if (json) return out;
  console.log(`\n## ${title}\n`);
  console.log(
    `${TRADERS.toLocaleString('en')} traders, ${run.minute.toLocaleString('en')} steps in ${result.seconds.toFixed(1)} s; ` +
      `conservation error ${summary.conservationError.toExponential(1)}; checksum ${summary.checksum}\n`,
  );
  console.log(table(result.samples));
  console.log(
    `\nKept alive at the end: events ${mb(retained.events).toFixed(1)} MB ` +
      `(${summary.events.toLocaleString('en')} events, ${perStep.bytesPerEvent.toFixed(0)} B each), ` +
      `traces ${mb(retained.traces).toFixed(2)} MB, ADL queue heads ${mb(retained.queues).toFixed(2)} MB, ` +
      `frames ${mb(retained.frames).toFixed(2)} MB (typed arrays, capacity ${run.frames.capacity}).`,
  );
  console.log(`Events by type: ${types.map(([type, n]) => `${type} ${n.toLocaleString('en')}`).join(', ')}.`);
  console.log(
    `Growth per 100,000 steps (from the first sample to the last): heap ${perStep.heapMB.toFixed(2)} MB; ` +
      `${Math.round(perStep.events).toLocaleString('en')} events ≈ ${perStep.eventsMB.toFixed(2)} MB; ` +
      `${Math.round(perStep.traceRows).toLocaleString('en')} trace rows; ${Math.round(perStep.queueHeads)} queue heads.`,
  );
  return out;
}

// Each measurement is a function, so that its run is garbage once it returns (a top-level block's variables
// may outlive the block once bundled) and the next one starts from a clean heap.

/** 1. The longest run the engine allows. */
function longest(): unknown {
  const run = createRun(config(SYNTHETIC_DAYS.max));
  return report('The longest run allowed: 60 days = 86,400 steps', run, stepSampled(run, 7_200));
}

/** 2. One run state stretched to a million steps. */
function stretched(): unknown {
  const run = stretchedRun(MILLION);
  return report(
    `One run stretched to ${MILLION.toLocaleString('en')} steps (bench-only: the engine caps runs at 60 days)`,
    run,
    stepSampled(run, MILLION / 20),
  );
}

/** 3. Runs repeated back to back, each result dropped. */
function repeated(): unknown {
  const samples: { runs: number; steps: number; heapMB: number; arrayBuffersMB: number }[] = [];
  let steps = 0;
  const m0 = memory();
  samples.push({ runs: 0, steps: 0, heapMB: mb(m0.heap), arrayBuffersMB: mb(m0.arrayBuffers) });
  const t0 = performance.now();
  for (let k = 1; k <= REPEATS; k++) {
    let run: RunState | null = createRun(config(SYNTHETIC_DAYS.max, 2026 + k));
    while (!isFinished(run)) stepRun(run);
    steps += run.minute;
    run = null;
    const m = memory();
    samples.push({ runs: k, steps, heapMB: mb(m.heap), arrayBuffersMB: mb(m.arrayBuffers) });
    if (!json) process.stderr.write(`  run ${k} of ${REPEATS}\r`);
  }
  const seconds = (performance.now() - t0) / 1000;
  if (!json) {
    console.log(
      `\n## ${REPEATS} runs of 60 days back to back, each dropped (${steps.toLocaleString('en')} steps, ${seconds.toFixed(0)} s)\n`,
    );
    console.log('| runs |     steps | heap after GC (MB) | array buffers (MB) |');
    console.log('| ---: | --------: | -----------------: | -----------------: |');
    for (const s of samples)
      console.log(
        `| ${String(s.runs).padStart(4)} | ${s.steps.toLocaleString('en').padStart(9)} | ` +
          `${s.heapMB.toFixed(1).padStart(18)} | ${s.arrayBuffersMB.toFixed(1).padStart(18)} |`,
      );
  }
  return { title: 'repeated runs', traders: TRADERS, seconds, samples };
}

const results = [longest(), stretched(), repeated()];
if (json) console.log(JSON.stringify(results, null, 2));
