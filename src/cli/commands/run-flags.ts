/**
 * Flags shared by `run` and `compare`: scenario, seed, population, market maker and length. Every value is
 * checked here with the flag's name, the value given and what is allowed.
 */
import { choice, optionalNumber, type Flags } from '../args.ts';
import { DEFAULT_RUN, type RunConfig } from '../../engine/run/config.ts';
import { MAX_TRADERS, MIN_TRADERS } from '../../engine/population/settings.ts';
import { PRESET_IDS, type PresetId } from '../../engine/regimes/index.ts';
import { SCENARIO_IDS, scenarioInfo } from '../../engine/scenarios/catalogue.ts';
import type { ScenarioId } from '../../engine/scenarios/types.ts';
import { Refusal, between, check, oneOf, wholeNumber } from '../../engine/validation/index.ts';

export const RUN_FLAGS = [
  'scenario',
  'seed',
  'traders',
  'retail-share',
  'leakage',
  'affiliated-mm',
  'days',
  'engine',
  'check-every',
];

export const RUN_FLAGS_USAGE = `--scenario S [--seed N] [--traders N] [--retail-share X] [--leakage X]
         [--affiliated-mm on|off] [--days D] [--engine fast|reference]
         [--check-every N]`;

const SEED = wholeNumber(0, Number.MAX_SAFE_INTEGER);
const TRADERS = wholeNumber(MIN_TRADERS, MAX_TRADERS);
const SHARE = between(0, 1);
/** --check-every: invariants every N steps (0, the default: at the end of the run only). */
const CHECK_EVERY = wholeNumber(0, Number.MAX_SAFE_INTEGER);
const REGIME = oneOf(PRESET_IDS);

/** --days: synthetic scenarios only, within the scenario's range; undefined when absent. */
export function daysFromFlags(flags: Flags, scenario: ScenarioId): number | undefined {
  const info = scenarioInfo(scenario);
  if (info.kind === 'historical') {
    const raw = flags.get('days');
    if (raw !== undefined)
      throw new Refusal('--days', raw, {
        kind: 'words',
        text: `left out for ${scenario}, a historical scenario with a fixed length (${info.defaultDays} days)`,
      });
    return undefined;
  }
  return optionalNumber(flags, 'days', between(info.minDays, info.maxDays));
}

export function runConfigFromFlags(flags: Flags): Omit<RunConfig, 'regime'> {
  const scenario = choice(flags, 'scenario', SCENARIO_IDS);
  const seed = optionalNumber(flags, 'seed', SEED) ?? DEFAULT_RUN.seed;
  const traders = optionalNumber(flags, 'traders', TRADERS) ?? DEFAULT_RUN.population.traders;
  const retailShare = optionalNumber(flags, 'retail-share', SHARE) ?? DEFAULT_RUN.population.retailShare;
  const leakage = optionalNumber(flags, 'leakage', SHARE) ?? DEFAULT_RUN.population.leakage;
  const affiliated = choice(flags, 'affiliated-mm', ['on', 'off'], 'off') === 'on';
  const days = daysFromFlags(flags, scenario);
  const engine = choice(flags, 'engine', ['fast', 'reference'], 'fast');
  const checkEvery = optionalNumber(flags, 'check-every', CHECK_EVERY);
  return {
    scenario,
    seed,
    population: { ...DEFAULT_RUN.population, traders, retailShare, leakage },
    affiliatedMarketMaker: affiliated,
    engine,
    ...(days === undefined ? {} : { days }),
    ...(checkEvery === undefined ? {} : { invariantEvery: checkEvery }),
  };
}

export function regimeFromText(flag: string, text: string): PresetId {
  return check(flag, text, REGIME);
}
