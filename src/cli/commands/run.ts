/** `run`: one regime on one scenario; prints the run's summary. */
import { allowOnly, type Flags } from '../args.ts';
import { runScenario } from '../../engine/run/run.ts';
import type { RunSummary } from '../../engine/run/summary.ts';
import { regimeFromText, RUN_FLAGS, RUN_FLAGS_USAGE, runConfigFromFlags } from './run-flags.ts';
import { UsageError } from '../args.ts';
import { costed } from '../run-cost.ts';

export const usage = `run ${RUN_FLAGS_USAGE} --regime R
  Runs the scenario under one regime and prints its summary: liquidations, ADL, insurance fund, losses beyond
  deposits, broker shortfall, outcomes by investor class, price dislocation, conservation error, checksum.`;

export function run(flags: Flags): RunSummary {
  allowOnly(flags, [...RUN_FLAGS, 'regime']);
  const regimeText = flags.get('regime');
  if (regimeText === undefined) throw new UsageError('--regime is required (see `list` for the ids)');
  return runScenario(costed({ ...runConfigFromFlags(flags), regime: regimeFromText('--regime', regimeText) }))
    .summary;
}
