/**
 * `npm run bench`: the engine bundled by esbuild (as the browser's worker runs it), under plain node, each row
 * in fresh processes: the cold time (a new process's first run, JIT warm-up included), the warm time (median
 * of the runs after it in the same process, once the JIT has settled: see WARM_RUNS), ns per event and ns per one-minute step (warm). Rows: the
 * classroom run (200 traders × 1 day, the app's config, each of the two rule sets the page compares first),
 * the classroom summary-only run (both rule sets, as a sweep or the ranges over seeds run each seed),
 * 10,000 × 7 d and 100,000 × 30 d. The reference engine is the oracle: its checksum must equal the fast
 * engine's on the classroom rows and at 10,000 × 7 d, where the fast ÷ reference ratio is reported.
 *
 *   npm run bench -- [--processes N] [--rows a,b] [--base DIR] [--ratio-100k] [--no-reference] [--json]
 *
 * Times are CPU time (user + system) of the process unless said "wall": on the shared 2-core machine the wall
 * clock of the same work drifts several-fold with the other jobs; CPU time far less.
 *
 * --processes N: fresh processes per row (default 3); figures are medians over them.
 * --base DIR: also bench the engine of another checkout (say `git worktree add /tmp/base <commit>`), its
 *   processes taken in turn with this one's so that the machine's drift falls on both alike.
 * --ratio-100k: the fast ÷ reference ratio at 100,000 × 7 d as well (the reference takes minutes).
 * --no-reference: no reference runs (a quick look; the checksums are then not checked against the oracle).
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { bundleRunner, ROOT } from './bundle.ts';
import { BENCH_ROWS, type BenchRowId } from './rows.ts';
import { median } from './stats.ts';

interface Sample {
  row: string;
  engine: 'fast' | 'reference' | 'floor';
  coldMs: number;
  warmMs: number[];
  coldWallMs: number;
  warmWallMs: number[];
  events: number;
  steps: number;
  checksum: string;
  conservationError: number;
  peakMemoryMB: number;
}

const ROW_IDS = Object.keys(BENCH_ROWS);
const DEFAULT_ROWS = ['classroom-hk', 'classroom-offshore', 'classroom-summary', '10k-7d', '100k-30d'];
/**
 * Warm runs per process: enough to take a median, a few seconds a process. A classroom run is short enough that
 * the JIT keeps compiling for its first 250–300 repeats: functions on rarely taken paths (a forced sale, a
 * funding settlement) only get hot after hundreds of runs, and some are compiled again after a dependency
 * changed. Measured 2026-12-06 (main bb0fc85, classroom offshore, medians of blocks of 30 repeats, CPU ms, three
 * processes): 33.5, 13.7, 10.6, 8.1, 6.8, 6.8, 9.8, 7.2, 6.8, 9.4, then 6.5–7.2 for the next 300 in every
 * process; repeats 180–210 were slower than the blocks either side in each of eight processes (7.9–10.4 ms). A
 * window over repeats 120–240 (the earlier setting) fell in that churn. So the classroom rows take 600 repeats
 * and the warm time is the median of the second half (`settled`). The machine's own speed drifts too: the same
 * bundle settled at 9.6–10.2 ms ten minutes later; compare only processes taken in turn.
 */
const WARM_RUNS: Record<BenchRowId, number> = {
  'classroom-hk': 600,
  'classroom-offshore': 600,
  'classroom-summary': 600,
  '10k-7d': 5,
  '100k-7d': 3,
  '100k-30d': 3,
  '100k-30d-summary': 3,
};

/** The warm runs a median is taken over: the second half where there are many (see WARM_RUNS), else all. */
const settled = (runs: number[]) => (runs.length >= 20 ? runs.slice(Math.floor(runs.length / 2)) : runs);

function usage(message: string): never {
  console.error(`error: ${message}`);
  console.error(
    'usage: npm run bench -- [--processes N] [--rows a,b] [--base DIR] [--ratio-100k] [--no-reference] [--json]',
  );
  console.error(`rows: ${ROW_IDS.join(', ')}`);
  process.exit(2);
}

const args = process.argv.slice(2);
let processes = 3;
let rows = DEFAULT_ROWS;
let base: string | null = null;
let json = false;
let ratio100k = false;
let oracleOn = true;
for (let k = 0; k < args.length; k++) {
  const arg = args[k]!;
  const value = () => args[++k] ?? usage(`${arg} needs a value`);
  if (arg === '--json') json = true;
  else if (arg === '--ratio-100k') ratio100k = true;
  else if (arg === '--no-reference') oracleOn = false;
  else if (arg === '--processes') {
    processes = Number(value());
    if (!Number.isInteger(processes) || processes < 1 || processes > 50)
      usage('--processes must be a whole number from 1 to 50');
  } else if (arg === '--rows') {
    rows = value().split(',');
    const unknown = rows.find((r) => !ROW_IDS.includes(r));
    if (unknown !== undefined) usage(`unknown row ${unknown}`);
  } else if (arg === '--base') base = resolve(value());
  else usage(`unknown argument ${arg}`);
}

const cache = join(ROOT, 'node_modules', '.cache', 'leverage-lab');
const runners: Record<string, string> = {
  this: await bundleRunner(ROOT, join(cache, 'bench-run-row.mjs')),
  ...(base ? { base: await bundleRunner(base, join(cache, 'bench-run-row-base.mjs')) } : {}),
};

function sample(runner: string, row: string, engine: Sample['engine'], warmRuns: number): Sample {
  const out = execFileSync(process.execPath, [runner, row, engine, String(warmRuns)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Sample;
}

const progress = (line: string) => {
  if (!json) process.stderr.write(line + '\n');
};

interface Figures {
  row: string;
  engine: string;
  code: string;
  coldMs: number;
  warmMs: number;
  warmWallMs: number;
  nsPerEvent: number;
  nsPerStep: number;
  events: number;
  steps: number;
  checksum: string;
  conservationError: number;
  peakMemoryMB: number;
  processes: number;
  /** The floor model at the row's size (floor-model.ts), warm, in processes taken in turn with these. */
  floorMs: number;
}

function figures(samples: Sample[], code: string, floor: Sample[] = []): Figures {
  const first = samples[0]!;
  if (samples.some((s) => s.checksum !== first.checksum))
    throw new Error(`${first.row} (${code}): processes gave different checksums`);
  const warm = median(samples.map((s) => median(settled(s.warmMs))));
  return {
    row: first.row,
    engine: first.engine,
    code,
    coldMs: median(samples.map((s) => s.coldMs)),
    warmMs: warm,
    warmWallMs: median(samples.map((s) => median(settled(s.warmWallMs)))),
    nsPerEvent: (warm * 1e6) / first.events,
    nsPerStep: (warm * 1e6) / first.steps,
    events: first.events,
    steps: first.steps,
    checksum: first.checksum,
    conservationError: Math.max(...samples.map((s) => s.conservationError)),
    peakMemoryMB: median(samples.map((s) => s.peakMemoryMB)),
    processes: samples.length,
    floorMs: floor.length > 0 ? median(floor.map((s) => median(settled(s.warmMs)))) : NaN,
  };
}

const table: Figures[] = [];
for (const row of rows) {
  const byCode: Record<string, Sample[]> = Object.fromEntries(Object.keys(runners).map((c) => [c, []]));
  const floor: Sample[] = [];
  // Processes of this checkout and the base in turn (A B A B …), then the floor model's: drift falls on all alike.
  for (let p = 0; p < processes; p++) {
    for (const [code, runner] of Object.entries(runners)) {
      const s = sample(runner, row, 'fast', WARM_RUNS[row as BenchRowId]);
      byCode[code]!.push(s);
      progress(
        `${code} ${row} fast: cold ${s.coldMs.toFixed(1)} ms, warm ${median(settled(s.warmMs)).toFixed(1)} ms`,
      );
    }
    const f = sample(runners.this!, row, 'floor', WARM_RUNS[row as BenchRowId]);
    floor.push(f);
    progress(`floor model ${row}: warm ${median(settled(f.warmMs)).toFixed(2)} ms`);
  }
  for (const [code, samples] of Object.entries(byCode)) table.push(figures(samples, code, floor));
}

// The oracle: the reference engine's checksum on the classroom rows and 10k × 7 d, and the ratio there.
const oracleRows = oracleOn
  ? ['classroom-hk', 'classroom-offshore', '10k-7d', ...(ratio100k ? ['100k-7d'] : [])]
  : [];
const oracle: { row: string; fastMs: number; referenceMs: number; ratio: number; identical: boolean }[] = [];
for (const row of oracleRows) {
  const warmRuns = row.startsWith('classroom') ? 5 : row === '10k-7d' ? 1 : 0;
  const fast =
    table.find((f) => f.row === row && f.code === 'this') ??
    figures([sample(runners.this!, row, 'fast', Math.max(1, warmRuns))], 'this');
  const reference = figures([sample(runners.this!, row, 'reference', warmRuns)], 'this');
  const referenceMs = warmRuns > 0 ? reference.warmMs : reference.coldMs;
  const fastMs = warmRuns > 0 ? fast.warmMs : fast.coldMs;
  oracle.push({
    row,
    fastMs,
    referenceMs,
    ratio: referenceMs / fastMs,
    identical: reference.checksum === fast.checksum,
  });
  progress(
    `reference ${row}: ${referenceMs.toFixed(0)} ms, checksum ${reference.checksum === fast.checksum ? 'identical' : 'DIFFERENT'}`,
  );
}

if (json) console.log(JSON.stringify({ figures: table, oracle }, null, 2));
else {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const lines = [
    '| row | code | cold (ms) | warm (ms) | warm wall (ms) | ns/event | ns/step | events | steps | peak MB | floor model (ms) | ÷ floor | checksum |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const f of table)
    lines.push(
      `| ${BENCH_ROWS[f.row]!.name} | ${f.code} | ${ms(f.coldMs)} | ${ms(f.warmMs)} | ${ms(f.warmWallMs)} | ${Math.round(f.nsPerEvent).toLocaleString('en')} | ${Math.round(f.nsPerStep).toLocaleString('en')} | ${f.events.toLocaleString('en')} | ${f.steps.toLocaleString('en')} | ${f.peakMemoryMB.toFixed(0)} | ${f.floorMs.toFixed(2)} | ${(f.warmMs / f.floorMs).toFixed(1)}× | ${f.checksum} |`,
    );
  lines.push(
    '',
    '| row | fast (ms) | reference (ms) | reference ÷ fast | same checksum |',
    '|---|---:|---:|---:|---|',
  );
  for (const o of oracle)
    lines.push(
      `| ${BENCH_ROWS[o.row]!.name} | ${ms(o.fastMs)} | ${ms(o.referenceMs)} | ${o.ratio.toFixed(1)}× | ${o.identical ? 'yes' : 'NO'} |`,
    );
  console.log(lines.join('\n'));
}
if (oracle.some((o) => !o.identical)) process.exit(1);
