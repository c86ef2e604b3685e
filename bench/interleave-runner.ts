/**
 * `node interleave-runner.mjs THIS.mjs BASE.mjs ROW ROUNDS REPEATS`: loads both bundles of bench/row-module.ts
 * into this one process and times them in turn, round by round (this, base; then base, this; …), REPEATS runs
 * of ROW a round. Prints one JSON line: each side's per-round median CPU ms (the first two rounds, the JIT's
 * warm-up, left out) and its checksum.
 */
import type { RowRun } from './row-module.ts';
import { cpuMs, median } from './stats.ts';

type RowModule = { runRowOnce: (row: string, engine: 'fast') => RowRun };

const [thisPath, basePath, row, roundsText, repeatsText] = process.argv.slice(2);
const rounds = Number(roundsText);
const repeats = Number(repeatsText);
const sides: Record<'this' | 'base', RowModule> = {
  this: (await import(thisPath!)) as RowModule,
  base: (await import(basePath!)) as RowModule,
};
const perRound: Record<'this' | 'base', number[]> = { this: [], base: [] };
const checksum: Record<'this' | 'base', string> = { this: '', base: '' };
for (let r = 0; r < rounds + 2; r++) {
  for (const side of r % 2 === 0 ? (['this', 'base'] as const) : (['base', 'this'] as const)) {
    const times: number[] = [];
    for (let k = 0; k < repeats; k++) {
      const started = cpuMs();
      checksum[side] = sides[side].runRowOnce(row!, 'fast').checksum;
      times.push(cpuMs() - started);
    }
    if (r >= 2) perRound[side].push(median(times));
  }
}
console.log(JSON.stringify({ row, this: perRound.this, base: perRound.base, checksum }));
