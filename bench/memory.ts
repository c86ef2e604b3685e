/**
 * Memory over a long run (issue 10, "Faults": a run of a million steps keeps memory flat).
 *
 *   npm run bench:memory -- [--traders N] [--days D] [--json]
 *
 * Runs the synthetic volatile scenario for D days (default 695: 1,000,800 one-minute steps) twice: with the
 * event log the app's worker uses ('notable': no routine events, at most 20,000 kept) and with every event
 * kept ('all', the CLI's and the tests' default). Every 100,000 steps it forces a full GC and samples what the
 * run keeps alive: the JS heap and array buffers (frames and paths are typed arrays). The index and securities
 * paths (3 × 8 bytes a minute) are allocated up front; frames, traces and ADL queue heads are at most about
 * 1,500 rows a run; only a log of 'all' events grows with the run.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_RUN, type RunConfig } from '../src/engine/run/config.ts';
import { createRun } from '../src/engine/run/run-state.ts';
import { isFinished, stepRun } from '../src/engine/run/step-run.ts';
import { summarize } from '../src/engine/run/summary.ts';
import { SYNTHETIC_DAYS } from '../src/engine/scenarios/synthetic-info.ts';

setFlagsFromString('--expose-gc');
const gc = (globalThis.gc ?? runInNewContext('gc')) as () => void;

function flag(name: string, fallback: number, min: number, max: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const text = process.argv[at + 1] ?? '';
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value >= min && value <= max)) {
    console.error(`error: ${name} must be a number from ${min} to ${max} (got ${JSON.stringify(text)})`);
    process.exit(2);
  }
  return value;
}

const traders = flag('--traders', 10_000, 3, 1_000_000);
const days = flag('--days', 695, SYNTHETIC_DAYS.min, SYNTHETIC_DAYS.max);
const json = process.argv.includes('--json');
const SAMPLE_EVERY = 100_000;
const MB = 1024 * 1024;

interface Sample {
  steps: number;
  heapMB: number;
  arrayBuffersMB: number;
  eventsKept: number;
}

function measure(eventLog: 'all' | 'notable') {
  gc();
  const config: RunConfig = {
    ...DEFAULT_RUN,
    scenario: 'synthetic-volatile',
    days,
    regime: 'offshore-cex',
    seed: 2026,
    population: { ...DEFAULT_RUN.population, traders },
    invariantEvery: 0,
    eventLog,
  };
  const started = performance.now();
  const run = createRun(config);
  const samples: Sample[] = [];
  const sample = () => {
    gc();
    const m = process.memoryUsage();
    samples.push({
      steps: run.minute,
      heapMB: m.heapUsed / MB,
      arrayBuffersMB: m.arrayBuffers / MB,
      eventsKept: run.events.length,
    });
  };
  sample();
  while (!isFinished(run)) {
    stepRun(run);
    if (run.minute % SAMPLE_EVERY === 0) sample();
  }
  sample();
  const summary = summarize(run);
  const seconds = (performance.now() - started) / 1000;
  const first = samples[1] ?? samples[0]!;
  const last = samples.at(-1)!;
  const growthPer100k = ((last.heapMB - first.heapMB) / (last.steps - first.steps)) * SAMPLE_EVERY;
  return { eventLog, steps: run.minute, seconds, events: summary.events, samples, growthPer100k };
}

const results = [measure('notable'), measure('all')];
if (json) console.log(JSON.stringify({ traders, days, results }, null, 2));
else {
  console.log(
    `${traders} traders × ${days} days of one-minute steps (synthetic-volatile, offshore-cex, seed 2026)`,
  );
  for (const r of results) {
    console.log(
      `\nevent log '${r.eventLog}': ${r.steps} steps in ${r.seconds.toFixed(1)} s, ${r.events} events, ` +
        `heap growth after the first 100k steps: ${r.growthPer100k.toFixed(2)} MB per 100k steps`,
    );
    console.log('   steps   heap MB   array buffers MB   events kept');
    for (const s of r.samples)
      console.log(
        `${String(s.steps).padStart(8)}  ${s.heapMB.toFixed(1).padStart(8)}  ${s.arrayBuffersMB
          .toFixed(1)
          .padStart(17)}  ${String(s.eventsKept).padStart(12)}`,
      );
  }
}
