/**
 * One bench row in its own process, bundled by esbuild and run by plain node (as the browser runs the engine):
 * `node run-row.mjs ROW ENGINE REPEATS`, ENGINE being `fast`, `reference` or `floor` (the floor model at the row's
 * size, floor-model.ts). The first run is the cold one (JIT warm-up included); the next
 * REPEATS runs are warm. Prints one JSON line: times in ms of CPU (user + system) and of wall clock, events, steps, checksum, conservation error.
 */
import { BENCH_ROWS } from './rows.ts';
import { runFloorOnce, runRowOnce, type RowRun } from './row-module.ts';
import { cpuMs } from './stats.ts';

const [rowId, engine, repeatsText] = process.argv.slice(2);
const row = rowId === undefined ? undefined : BENCH_ROWS[rowId];
if (
  !row ||
  (engine !== 'fast' && engine !== 'reference' && engine !== 'floor') ||
  !/^\d+$/.test(repeatsText ?? '')
) {
  console.error(
    `usage: run-row ROW fast|reference|floor REPEATS (rows: ${Object.keys(BENCH_ROWS).join(', ')})`,
  );
  process.exit(2);
}

/** One run of the row, timed in CPU and wall-clock ms. */
function once(): RowRun & { ms: number; wallMs: number } {
  const started = performance.now();
  const cpuStarted = cpuMs();
  const run = engine === 'floor' ? runFloorOnce(rowId!) : runRowOnce(rowId!, engine as 'fast' | 'reference');
  return { ...run, ms: cpuMs() - cpuStarted, wallMs: performance.now() - started };
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
