/** `compare`: several regimes on the same scenario, the same price shocks and the same population. */
import { allowOnly, optionalNumber, UsageError, type Flags } from '../args.ts';
import { Refusal, wholeNumber } from '../../engine/validation/index.ts';
import { summaryOfRun } from '../../engine/run/run.ts';
import type { RunSummary } from '../../engine/run/summary.ts';
import { acrossSeeds, type Spread } from '../../engine/run/across-seeds.ts';
import { costed } from '../run-cost.ts';
import { regimeFromText, RUN_FLAGS, RUN_FLAGS_USAGE, runConfigFromFlags } from './run-flags.ts';
import { overridesFor, SET_FLAG, SET_FLAG_USAGE, settingsFromFlags } from './set-flags.ts';

export const usage = `compare ${RUN_FLAGS_USAGE} --regimes R1,R2[,…] ${SET_FLAG_USAGE} [--seeds N]
  Runs each regime on the same scenario with common random numbers; prints {"runs":[summary, …]}. --set
  overrides a guardrail in every regime listed. --seeds N runs seeds seed … seed+N−1 and adds "acrossSeeds":
  per regime, each figure's median and 10th and 90th percentiles.`;

/** At most this many seeds: a comparison over seeds runs N × regimes whole runs. */
export const MAX_SEEDS = 1000;
const SEEDS = wholeNumber(1, MAX_SEEDS);

export interface AcrossSeeds {
  regime: string;
  seeds: number[];
  figures: Record<string, Spread & { runs: number }>;
}

/** The flags this command accepts (the fuzzer reads them too). */
export const FLAGS = [...RUN_FLAGS, 'regimes', SET_FLAG, 'seeds'];

export function run(flags: Flags): { runs: RunSummary[]; acrossSeeds?: AcrossSeeds[] } {
  allowOnly(flags, FLAGS);
  const text = flags.get('regimes');
  if (text === undefined || text.trim() === '')
    throw new UsageError('--regimes is required (comma-separated ids)');
  const regimes = text.split(',').map((id) => regimeFromText('--regimes', id.trim()));
  if (new Set(regimes).size !== regimes.length)
    throw new Refusal('--regimes', text, { kind: 'words', text: 'a list of distinct rule-set ids' });
  const base = runConfigFromFlags(flags);
  const settings = settingsFromFlags(flags);
  const overrides = regimes.map((regime) => overridesFor(regime, settings));
  const seedCount = optionalNumber(flags, 'seeds', SEEDS);
  const seeds = Array.from({ length: seedCount ?? 1 }, (_, k) => base.seed + k);
  if (seeds.at(-1)! > Number.MAX_SAFE_INTEGER)
    throw new Refusal('--seeds', seedCount, {
      kind: 'words',
      text: 'a count that keeps the last seed a safe integer',
    });
  const config = costed(base, seeds.length * regimes.length);
  const runs: RunSummary[] = [];
  for (const seed of seeds)
    regimes.forEach((regime, r) => {
      const own = overrides[r];
      runs.push(summaryOfRun({ ...config, seed, regime, ...(own ? { overrides: own } : {}) }));
    });
  if (seedCount === undefined) return { runs };
  const acrossSeedsByRegime = regimes.map((regime, r) => ({
    regime,
    seeds,
    figures: acrossSeeds(runs.filter((_, k) => k % regimes.length === r)),
  }));
  return { runs, acrossSeeds: acrossSeedsByRegime };
}
