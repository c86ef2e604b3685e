/** `compare`: several regimes on the same scenario, the same price shocks and the same population. */
import { allowOnly, UsageError, type Flags } from '../args.ts';
import { Refusal } from '../../engine/validation/index.ts';
import { compareRegimes } from '../../engine/run/run.ts';
import type { RunSummary } from '../../engine/run/summary.ts';
import { costed } from '../run-cost.ts';
import { regimeFromText, RUN_FLAGS, RUN_FLAGS_USAGE, runConfigFromFlags } from './run-flags.ts';

export const usage = `compare ${RUN_FLAGS_USAGE} --regimes R1,R2[,…]
  Runs each regime on the same scenario with common random numbers; prints {"runs":[summary, …]}.`;

export function run(flags: Flags): { runs: RunSummary[] } {
  allowOnly(flags, [...RUN_FLAGS, 'regimes']);
  const text = flags.get('regimes');
  if (text === undefined || text.trim() === '')
    throw new UsageError('--regimes is required (comma-separated ids)');
  const regimes = text.split(',').map((id) => regimeFromText('--regimes', id.trim()));
  if (new Set(regimes).size !== regimes.length)
    throw new Refusal('--regimes', text, { kind: 'words', text: 'a list of distinct rule-set ids' });
  return {
    runs: compareRegimes(costed(runConfigFromFlags(flags), regimes.length), regimes).map(
      (result) => result.summary,
    ),
  };
}
