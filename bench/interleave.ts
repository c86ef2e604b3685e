/**
 * `npm run bench:interleave -- --base DIR [--rows a,b] [--rounds N]`: this checkout's engine against another's
 * (`git worktree add /tmp/base <commit>`), both bundled as the browser runs the engine and loaded into one
 * plain-node process, timed in turn round by round. On this shared machine the speed drifts by up to half over
 * minutes (2026-12-06: one bundle's classroom offshore run 6.5–6.8 ms, then 9.6–10.2 ms ten minutes later), so
 * fresh processes taken in turn (`npm run bench --base`) can miss a 5% change; rounds seconds apart see it.
 * Reports each side's median CPU ms over the rounds (of its fastest run in each round: interleave-runner.ts),
 * the median of the per-round ratios (this ÷ base) and in how many rounds this side was faster. Both engines
 * share one heap: GC differences show less than in `npm run bench`.
 *
 * Each row runs twice, in two processes: this bundle loaded first, then the base loaded first, `--rounds` rounds
 * each. The bundle loaded first came out slower by 2–11% in a process of its own (2026-12-07: an identical copy
 * of a commit against itself gave 1.02–1.07, and one pair of commits 0.936 one way and 1.079 the other). The
 * table gives the ratio over both processes' rounds and each process's apart, so that the bias shows and
 * cancels.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleBench, ROOT } from './bundle.ts';
import { BENCH_ROWS, type BenchRowId } from './rows.ts';
import { median } from './stats.ts';

const ROW_IDS = Object.keys(BENCH_ROWS);
/** Runs a round per side: enough that a round takes about a second on this machine. */
const REPEATS: Record<BenchRowId, number> = {
  'classroom-hk': 40,
  'classroom-offshore': 40,
  'classroom-summary': 40,
  '10k-7d': 3,
  '100k-7d': 1,
  '100k-30d': 1,
  '100k-30d-summary': 1,
};

function usage(message: string): never {
  console.error(`error: ${message}`);
  console.error('usage: npm run bench:interleave -- --base DIR [--rows a,b] [--rounds N]');
  console.error(`rows: ${ROW_IDS.join(', ')}; rounds: a whole number from 2 to 100 (default 10)`);
  process.exit(2);
}

const args = process.argv.slice(2);
let base: string | null = null;
let rows = ['classroom-hk', 'classroom-offshore', 'classroom-summary', '10k-7d', '100k-30d'];
let rounds = 10;
for (let k = 0; k < args.length; k++) {
  const arg = args[k]!;
  const value = () => args[++k] ?? usage(`${arg} needs a value`);
  if (arg === '--base') base = resolve(value());
  else if (arg === '--rows') {
    rows = value().split(',');
    const unknown = rows.find((r) => !ROW_IDS.includes(r));
    if (unknown !== undefined) usage(`unknown row ${unknown}`);
  } else if (arg === '--rounds') {
    rounds = Number(value());
    if (!Number.isInteger(rounds) || rounds < 2 || rounds > 100)
      usage('--rounds must be a whole number from 2 to 100');
  } else usage(`unknown argument ${arg}`);
}
if (base === null) usage('--base DIR is required (a checkout of the commit to compare with)');
if (!existsSync(join(base, 'src', 'engine', 'run', 'run-state.ts')))
  usage(`--base ${base} is not a checkout of this project (no src/engine/run/run-state.ts)`);

const cache = join(ROOT, 'node_modules', '.cache', 'leverage-lab');
const thisModule = await bundleBench('row-module.ts', ROOT, join(cache, 'bench-row-module.mjs'));
const baseModule = await bundleBench('row-module.ts', base, join(cache, 'bench-row-module-base.mjs'));
const runner = await bundleBench('interleave-runner.ts', ROOT, join(cache, 'bench-interleave-runner.mjs'));

console.log(
  `${rounds} rounds a row in each of two processes (this bundle loaded first, then the base), after two of ` +
    `warm-up, this and ${base} in turn, CPU ms`,
);
console.log(
  '| row | this (ms) | base (ms) | this ÷ base | this faster in | this loaded first | base loaded first | same checksum |',
);
console.log('|---|---:|---:|---:|---|---:|---:|---|');
for (const row of rows) {
  const thisFirst = timeInOneProcess(row, thisModule, baseModule);
  const baseFirst = timeInOneProcess(row, baseModule, thisModule);
  const thisTimes = [...thisFirst.first, ...baseFirst.second];
  const baseTimes = [...thisFirst.second, ...baseFirst.first];
  const ratiosThisFirst = thisFirst.first.map((t, k) => t / thisFirst.second[k]!);
  const ratiosBaseFirst = baseFirst.second.map((t, k) => t / baseFirst.first[k]!);
  const ratios = [...ratiosThisFirst, ...ratiosBaseFirst];
  const faster = ratios.filter((r) => r < 1).length;
  const same =
    thisFirst.checksum.first === thisFirst.checksum.second &&
    baseFirst.checksum.first === baseFirst.checksum.second;
  console.log(
    `| ${BENCH_ROWS[row]!.name} | ${median(thisTimes).toFixed(1)} | ${median(baseTimes).toFixed(1)} | ` +
      `${median(ratios).toFixed(3)} | ${faster} of ${ratios.length} | ` +
      `${median(ratiosThisFirst).toFixed(3)} | ${median(ratiosBaseFirst).toFixed(3)} | ` +
      `${same ? 'yes' : `no (${thisFirst.checksum.first} / ${thisFirst.checksum.second})`} |`,
  );
}

/** One process timing `first` (loaded first) and `second` in turn: each side's per-round times and checksum. */
function timeInOneProcess(row: string, first: string, second: string) {
  const out = execFileSync(
    process.execPath,
    [runner, first, second, row, String(rounds), String(REPEATS[row as BenchRowId])],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as {
    this: number[];
    base: number[];
    checksum: { this: string; base: string };
  };
  return {
    first: result.this,
    second: result.base,
    checksum: { first: result.checksum.this, second: result.checksum.base },
  };
}
