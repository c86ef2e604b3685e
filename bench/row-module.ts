/**
 * One bench row as a function, for `bench/interleave.ts`: bundled once with this checkout's engine and once with
 * another's, both loaded into one process. Each call is one timed run as run-row.ts times it (the seed's draws
 * forgotten first, the row's configs one after the other).
 */
import { createRun } from '../src/engine/run/run-state.ts';
import { isFinished, stepRun } from '../src/engine/run/step-run.ts';
import { summarize } from '../src/engine/run/summary.ts';
// A namespace: an older checkout has no seed-setup.ts (bundle.ts gives it an empty module).
import * as seedSetup from '../src/engine/run/seed-setup.ts';
import { BENCH_ROWS } from './rows.ts';

/** Runs row `rowId` once; returns its checksum (several configs joined by '+'). */
export function runRow(rowId: string): string {
  const row = BENCH_ROWS[rowId];
  if (!row) throw new Error(`unknown row ${rowId}`);
  (seedSetup as Partial<typeof seedSetup>).forgetSeedDraws?.();
  const checksums: string[] = [];
  for (const config of row.configs) {
    const run = createRun({ ...config, engine: 'fast' });
    while (!isFinished(run)) stepRun(run);
    checksums.push(summarize(run).checksum);
  }
  return checksums.join('+');
}
