/** `run`: one regime on one scenario; prints the run's summary. */
import { allowOnly, type Flags } from '../args.ts';
import { summaryOfRun } from '../../engine/run/run.ts';
import type { RunSummary } from '../../engine/run/summary.ts';
import { regimeFromText, RUN_FLAGS, RUN_FLAGS_USAGE, runConfigFromFlags } from './run-flags.ts';
import { overridesFor, SET_FLAG, SET_FLAG_USAGE, settingsFromFlags } from './set-flags.ts';
import { UsageError } from '../args.ts';
import { costed } from '../run-cost.ts';

export const usage = `run ${RUN_FLAGS_USAGE} --regime R ${SET_FLAG_USAGE}
  Runs the scenario under one regime and prints its summary: liquidations (count = events, traders = distinct
  traders), ADL, insurance fund, funding, broker calls and forced sales, losses by product and beyond deposits,
  price dislocation, per market (BTC, ETH, and ALT where the rule set lists it) and per venue, refusals
  (refusedProducts.altPerp: traders refused the ALT perpetual), conservation error (invariants checked at the end
  of the run, or every N steps with --check-every N), checksum. --set overrides a guardrail (see \`guardrails\`).`;

/** The flags this command accepts (the fuzzer reads them too). */
export const FLAGS = [...RUN_FLAGS, 'regime', SET_FLAG];

export function run(flags: Flags): RunSummary {
  allowOnly(flags, FLAGS);
  const regimeText = flags.get('regime');
  if (regimeText === undefined) throw new UsageError('--regime is required (see `list` for the ids)');
  const regime = regimeFromText('--regime', regimeText);
  const config = costed(runConfigFromFlags(flags));
  const overrides = overridesFor(regime, settingsFromFlags(flags));
  return summaryOfRun({ ...config, regime, ...(overrides ? { overrides } : {}) });
}
