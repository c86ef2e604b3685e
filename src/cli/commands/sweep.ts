/** `sweep`: one guardrail of one rule set moved across a range, each value over several seeds (issue 20). */
import { allowOnly, optionalNumber, UsageError, type Flags } from '../args.ts';
import { Refusal } from '../../engine/validation/index.ts';
import { summaryOfRun } from '../../engine/run/run.ts';
import {
  SWEEP_SEEDS,
  SWEEP_STEPS,
  sweepPlan,
  sweepPoint,
  type SweepPoint,
  type SweepRequest,
} from '../../engine/run/sweep.ts';
import {
  defaultSweepRange,
  isSweepPath,
  SWEEP_PATHS,
} from '../../engine/guardrail-catalogue/sweep-ranges.ts';
import { costed } from '../run-cost.ts';
import { regimeFromText, RUN_FLAGS, RUN_FLAGS_USAGE, runConfigFromFlags } from './run-flags.ts';
import { overridesFor, SET_FLAG, SET_FLAG_USAGE, settingsFromFlags } from './set-flags.ts';

export const DEFAULT_SWEEP_STEPS = 10;
export const DEFAULT_SWEEP_SEEDS = 30;

export const usage = `sweep ${RUN_FLAGS_USAGE} --regime R --guardrail KEY [--from X] [--to Y]
         [--steps N] [--seeds M] ${SET_FLAG_USAGE}
  Moves one guardrail (a path with one number: ${SWEEP_PATHS.slice(0, 3).join(', ')}, …) from X to Y in N
  values (default ${DEFAULT_SWEEP_STEPS}; X and Y default to the guardrail's range) and runs each value on seeds
  seed … seed+M−1 (default ${DEFAULT_SWEEP_SEEDS}); prints {"points":[{"value", <figure path>: {"median", "p10",
  "p90", "runs"}, …}, …]}, every summary figure plus byClass.retail.loss and insuranceFund.drawdown. --set
  changes other guardrails of the rule set at every value. perp.maintenanceRate.BTC (or ETH) moves the first
  tier's rate of that market's maintenance tiers and the other tiers' rates in proportion (a --set table too).`;

/** The flags this command accepts (the fuzzer reads them too). */
export const FLAGS = [...RUN_FLAGS, 'regime', 'guardrail', 'from', 'to', 'steps', 'seeds', SET_FLAG];

export function run(flags: Flags): { points: SweepPoint[] } {
  allowOnly(flags, FLAGS);
  const regimeText = flags.get('regime');
  if (regimeText === undefined) throw new UsageError('--regime is required (see `list` for the ids)');
  const regime = regimeFromText('--regime', regimeText);
  const guardrail = flags.get('guardrail');
  if (guardrail === undefined)
    throw new UsageError(`--guardrail is required (one of ${SWEEP_PATHS.join(', ')})`);
  if (!isSweepPath(guardrail))
    throw new Refusal('--guardrail', guardrail, {
      kind: 'words',
      text: `a guardrail with one number (${SWEEP_PATHS.join(', ')})`,
    });
  const base = runConfigFromFlags(flags);
  const settings = settingsFromFlags(flags);
  if (Object.hasOwn(settings, guardrail))
    throw new UsageError(`--set ${guardrail} is the guardrail swept: leave it out of --set`);
  const overrides = overridesFor(regime, settings) ?? {};
  const range = defaultSweepRange(guardrail, regime, overrides);
  const from = optionalNumber(flags, 'from') ?? range.from;
  const to = optionalNumber(flags, 'to') ?? range.to;
  if (!(to > from)) throw new Refusal('--to', to, { kind: 'above', min: from });
  const request: SweepRequest = {
    run: { ...base, eventLog: 'notable' },
    regime,
    overrides,
    guardrail,
    from,
    to,
    steps: optionalNumber(flags, 'steps', SWEEP_STEPS) ?? DEFAULT_SWEEP_STEPS,
    seeds: optionalNumber(flags, 'seeds', SWEEP_SEEDS) ?? DEFAULT_SWEEP_SEEDS,
  };
  const plan = sweepPlan(request);
  costed(plan[0]!.configs[0]!, plan.length * request.seeds);
  const points = plan.map(({ value, configs }) =>
    sweepPoint(
      value,
      configs.map((config) => summaryOfRun(config)),
    ),
  );
  return { points };
}
