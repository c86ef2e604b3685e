/**
 * `node interleave-runner.mjs THIS.mjs BASE.mjs ROW ROUNDS REPEATS`: loads both bundles of bench/row-module.ts
 * into this one process and times them in turn, round by round (this, base; then base, this; …), REPEATS runs
 * of ROW a round. Prints one JSON line: each side's per-round fastest run, CPU ms (the first two rounds, the JIT's
 * warm-up, left out), and its checksum.
 *
 * The fastest of a round's runs, not their median: on this shared machine what disturbs a run (the host's other
 * tenants, a collection the other side left) only adds time, in periods of about the length of a round. An
 * identical engine against itself (2026-12-07, nine row sets of 30 rounds of 40 classroom runs, both statistics
 * from the same runs): the per-round ratios' middle half lay within 0.89–1.07 by the minimum against 0.80–1.14
 * by the median, and the sets' ratios were 0.965–1.034 (mean 0.999) against 0.941–1.019 (mean 0.981).
 */
import type { RowRun } from './row-module.ts';
import { cpuMs } from './stats.ts';

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
    if (r >= 2) perRound[side].push(Math.min(...times));
  }
}
console.log(JSON.stringify({ row, this: perRound.this, base: perRound.base, checksum }));
