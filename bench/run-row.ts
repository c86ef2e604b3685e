/**
 * One bench row in its own process, bundled by esbuild and run by plain node (as the browser runs the engine):
 * `node run-row.mjs ROW ENGINE REPEATS`. The first run is the cold one (JIT warm-up included); the next
 * REPEATS runs are warm. Prints one JSON line: times in ms of CPU (user + system) and of wall clock, events, steps, checksum, conservation error.
 */
import { createRun } from '../src/engine/run/run-state.ts';
import { isFinished, stepRun } from '../src/engine/run/step-run.ts';
import { summarize } from '../src/engine/run/summary.ts';
// A namespace: an older checkout benched with --base has no seed-setup.ts (bundle.ts gives it an empty module).
import * as seedSetup from '../src/engine/run/seed-setup.ts';
import { BENCH_ROWS } from './rows.ts';

const [rowId, engine, repeatsText] = process.argv.slice(2);
const row = rowId === undefined ? undefined : BENCH_ROWS[rowId];
if (!row || (engine !== 'fast' && engine !== 'reference') || !/^\d+$/.test(repeatsText ?? '')) {
  console.error(`usage: run-row ROW fast|reference REPEATS (rows: ${Object.keys(BENCH_ROWS).join(', ')})`);
  process.exit(2);
}

/** CPU time of this process (user + system, ms): on a shared machine it drifts far less than wall time. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function once(): {
  ms: number;
  wallMs: number;
  events: number;
  steps: number;
  checksum: string;
  conservationError: number;
} {
  const started = performance.now();
  const cpuStarted = cpuMs();
  let events = 0;
  let steps = 0;
  let conservationError = 0;
  const checksums: string[] = [];
  // Every timed run draws its seed afresh: repeating one seed must not time kept draws (seed-setup.ts). Within
  // a row, a second config on the same seed (the classroom summary row's B) shares A's, as in the app.
  (seedSetup as Partial<typeof seedSetup>).forgetSeedDraws?.();
  for (const config of row!.configs) {
    const run = createRun({ ...config, engine: engine as 'fast' | 'reference' });
    while (!isFinished(run)) stepRun(run);
    const summary = summarize(run);
    events += summary.events;
    steps += run.path.minutes;
    conservationError = Math.max(conservationError, summary.conservationError);
    checksums.push(summary.checksum);
  }
  return {
    ms: cpuMs() - cpuStarted,
    wallMs: performance.now() - started,
    events,
    steps,
    checksum: checksums.join('+'),
    conservationError,
  };
}

const cold = once();
const warm: number[] = [];
const warmWall: number[] = [];
for (let k = 0; k < Number(repeatsText); k++) {
  const again = once();
  if (again.checksum !== cold.checksum) throw new Error(`run ${k + 2} gave another checksum`);
  warm.push(again.ms);
  warmWall.push(again.wallMs);
}
console.log(
  JSON.stringify({
    row: rowId,
    engine,
    coldMs: cold.ms,
    warmMs: warm,
    coldWallMs: cold.wallMs,
    warmWallMs: warmWall,
    events: cold.events,
    steps: cold.steps,
    checksum: cold.checksum,
    conservationError: cold.conservationError,
    peakMemoryMB: process.resourceUsage().maxRSS / 1024,
  }),
);
