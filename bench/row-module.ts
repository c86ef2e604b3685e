/**
 * One timed run of a bench row, as a function: run-row.ts times it in fresh processes, and
 * `bench/interleave.ts` bundles it once with this checkout's engine and once with another's, both loaded into
 * one process. Each call draws its seed afresh and runs the row's configs one after the other.
 */
import { createRun } from '../src/engine/run/run-state.ts';
import { isFinished, stepRun } from '../src/engine/run/step-run.ts';
import { summarize } from '../src/engine/run/summary.ts';
// A namespace: an older checkout benched with --base has no seed-setup.ts (bundle.ts gives it an empty module).
import * as seedSetup from '../src/engine/run/seed-setup.ts';
import { scenarioInfo } from '../src/engine/scenarios/catalogue.ts';
import { runFloorModel } from './floor-model.ts';
import type { RunConfig } from '../src/engine/run/config.ts';
import { BENCH_ROWS } from './rows.ts';

export interface RowRun {
  events: number;
  steps: number;
  /** The configs' checksums joined by '+'. */
  checksum: string;
  conservationError: number;
}

/** Runs row `rowId` once under `engine`. */
export function runRowOnce(rowId: string, engine: 'fast' | 'reference'): RowRun {
  // Every timed run draws its seed afresh: repeating one seed must not time kept draws (seed-setup.ts). Within
  // a row, a second config on the same seed (the classroom summary row's B) shares A's, as in the app.
  (seedSetup as Partial<typeof seedSetup>).forgetSeedDraws?.();
  return overConfigs(rowId, (config) => {
    const run = createRun({ ...config, engine });
    while (!isFinished(run)) stepRun(run);
    const summary = summarize(run);
    return { ...summary, steps: run.path.minutes };
  });
}

/**
 * Row `rowId`'s size run once by the floor model (floor-model.ts): each config's traders over its minutes, on its
 * seed. The engine's figures read against it give what the hardware allows that day (`npm run bench`'s
 * "÷ floor").
 */
export function runFloorOnce(rowId: string): RowRun {
  return overConfigs(rowId, (config) =>
    runFloorModel(
      config.population.traders,
      Math.round((config.days ?? scenarioInfo(config.scenario).defaultDays) * 1440),
      config.seed,
    ),
  );
}

/** Row `rowId`'s configs run one after the other by `runOne`, their figures summed and checksums joined. */
function overConfigs(rowId: string, runOne: (config: RunConfig) => RowRun): RowRun {
  const row = BENCH_ROWS[rowId];
  if (!row) throw new Error(`unknown row ${rowId}`);
  const total: RowRun = { events: 0, steps: 0, checksum: '', conservationError: 0 };
  const checksums: string[] = [];
  for (const config of row.configs) {
    const one = runOne(config);
    total.events += one.events;
    total.steps += one.steps;
    total.conservationError = Math.max(total.conservationError, one.conservationError);
    checksums.push(one.checksum);
  }
  total.checksum = checksums.join('+');
  return total;
}
