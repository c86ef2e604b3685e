/**
 * The sweep a user chose (issue 20): which rule set, which guardrail, its range, how many values and seeds, and
 * the outcome plotted. The rest of the sweep (scenario, population, first seed, the rule set's preset and other
 * changes) is the comparison's own state, so a link carries only this and `sweepRequest` builds the engine's
 * request from both: the same state gives the app and the command line the same points.
 */
import { defaultSweepRange, SWEEP_PATHS } from '../engine/guardrail-catalogue/sweep-ranges.ts';
import type { RegimeOverrides } from '../engine/regimes/guardrail-keys.ts';
import type { PresetId } from '../engine/regimes/types.ts';
import type { RunConfig } from '../engine/run/config.ts';
import {
  SWEEP_OUTCOMES,
  SWEEP_SEEDS,
  SWEEP_STEPS,
  validateSweep,
  type SweepOutcome,
  type SweepRequest,
} from '../engine/run/sweep.ts';
import {
  check,
  described,
  finiteNumber,
  isPlainRecord,
  oneOf,
  ownField as own,
  Refusal,
} from '../engine/validation/index.ts';

export interface SweepChoice {
  /** Rule set A (0) or B (1). */
  ruleSet: 0 | 1;
  guardrail: string;
  from: number;
  to: number;
  steps: number;
  seeds: number;
  outcome: SweepOutcome;
}

/** 30 seeds: enough for a 10th–90th percentile band that does not jump from one seed to the next. */
export const DEFAULT_SWEEP_SEEDS = 30;
export const DEFAULT_SWEEP_STEPS = 10;

/** What the comparison contributes to a sweep: everything of a run but the rule set. */
export interface SweepBase {
  run: Omit<RunConfig, 'regime' | 'overrides'>;
  ruleSets: readonly [
    { preset: PresetId; overrides: RegimeOverrides },
    { preset: PresetId; overrides: RegimeOverrides },
  ];
}

/** A first choice for a rule set: its first sweepable guardrail (a haircut) over its default range. */
export function defaultSweepChoice(
  ruleSet: 0 | 1,
  preset: PresetId,
  overrides: RegimeOverrides,
  guardrail: string = SWEEP_PATHS[0]!,
  outcome: SweepOutcome = 'broker.forcedSales',
): SweepChoice {
  const { from, to } = defaultSweepRange(guardrail, preset, overrides);
  return { ruleSet, guardrail, from, to, steps: DEFAULT_SWEEP_STEPS, seeds: DEFAULT_SWEEP_SEEDS, outcome };
}

/** The engine's request for a choice on a comparison's state (the rule set's other changes kept). */
export function sweepRequest(base: SweepBase, choice: SweepChoice): SweepRequest {
  const ruleSet = base.ruleSets[choice.ruleSet];
  const overrides: Record<string, unknown> = { ...ruleSet.overrides };
  return {
    run: { ...base.run, eventLog: 'notable' },
    regime: ruleSet.preset,
    overrides: overrides as RegimeOverrides,
    guardrail: choice.guardrail,
    from: choice.from,
    to: choice.to,
    steps: choice.steps,
    seeds: choice.seeds,
  };
}

/** The link's form of a choice (doc/url-state.md, field `sw`). */
export interface CompactSweep {
  r: 0 | 1;
  g: string;
  f: number;
  t: number;
  n: number;
  s: number;
  o: string;
}

export function toCompactSweep(choice: SweepChoice): CompactSweep {
  return {
    r: choice.ruleSet,
    g: choice.guardrail,
    f: choice.from,
    t: choice.to,
    n: choice.steps,
    s: choice.seeds,
    o: choice.outcome,
  };
}

const OBJECT = described('an object { r, g, f, t, n, s, o }', isPlainRecord);

/**
 * Reads a link's `sw` against the comparison it comes with: each field by the validation layer's rules, then
 * the sweep as a whole by the engine (every value must make a valid rule set). Throws the Refusal.
 */
export function readCompactSweep(raw: unknown, base: SweepBase): SweepChoice {
  const given = check('sweep', raw, OBJECT);
  const choice: SweepChoice = {
    ruleSet: check('sweep, rule set', own(given, 'r'), oneOf([0, 1] as const)),
    guardrail: check('sweep, guardrail', own(given, 'g'), oneOf(SWEEP_PATHS)),
    from: check('sweep, from', own(given, 'f'), finiteNumber),
    to: check('sweep, to', own(given, 't'), finiteNumber),
    steps: check('sweep, values', own(given, 'n'), SWEEP_STEPS),
    seeds: check('sweep, seeds', own(given, 's') ?? DEFAULT_SWEEP_SEEDS, SWEEP_SEEDS),
    outcome: check('sweep, outcome', own(given, 'o'), oneOf(SWEEP_OUTCOMES)),
  };
  try {
    validateSweep(sweepRequest(base, choice));
  } catch (error) {
    if (error instanceof Refusal) throw error.within('sweep');
    throw error;
  }
  return choice;
}
