/**
 * Flags shared by `run` and `compare`: scenario, seed, population, market maker and length. Every value is
 * checked here with the flag's name, the value given and what is allowed.
 */
import { choice, optionalNumber, UsageError, type Flags } from '../args.ts';
import { DEFAULT_RUN, type RunConfig } from '../../engine/run/config.ts';
import { MAX_TRADERS, MIN_TRADERS } from '../../engine/population/settings.ts';
import { isPresetId, PRESET_IDS, type PresetId } from '../../engine/regimes/index.ts';
import { SCENARIO_IDS } from '../../engine/scenarios/catalogue.ts';

export const RUN_FLAGS = [
  'scenario',
  'seed',
  'traders',
  'retail-share',
  'leakage',
  'affiliated-mm',
  'days',
  'engine',
];

export const RUN_FLAGS_USAGE = `--scenario S [--seed N] [--traders N] [--retail-share X] [--leakage X]
         [--affiliated-mm on|off] [--days D] [--engine fast|reference]`;

export function runConfigFromFlags(flags: Flags): Omit<RunConfig, 'regime'> {
  const scenario = choice(flags, 'scenario', SCENARIO_IDS);
  const seed = optionalNumber(flags, 'seed', { min: 0, max: Number.MAX_SAFE_INTEGER }) ?? DEFAULT_RUN.seed;
  if (!Number.isInteger(seed))
    throw new UsageError(`--seed must be a whole number ≥ 0 (got "${flags.get('seed')}")`);
  const traders =
    optionalNumber(flags, 'traders', { min: MIN_TRADERS, max: MAX_TRADERS }) ??
    DEFAULT_RUN.population.traders;
  if (!Number.isInteger(traders))
    throw new UsageError(
      `--traders must be a whole number from ${MIN_TRADERS} to ${MAX_TRADERS} (got "${flags.get('traders')}")`,
    );
  const retailShare =
    optionalNumber(flags, 'retail-share', { min: 0, max: 1 }) ?? DEFAULT_RUN.population.retailShare;
  const leakage = optionalNumber(flags, 'leakage', { min: 0, max: 1 }) ?? DEFAULT_RUN.population.leakage;
  const affiliated = choice(flags, 'affiliated-mm', ['on', 'off'] as const, 'off') === 'on';
  const days = optionalNumber(flags, 'days', { exclusiveMin: 0 });
  const engine = choice(flags, 'engine', ['fast', 'reference'] as const, 'fast');
  return {
    scenario,
    seed,
    population: { ...DEFAULT_RUN.population, traders, retailShare, leakage },
    affiliatedMarketMaker: affiliated,
    engine,
    ...(days === undefined ? {} : { days }),
  };
}

export function regimeFromText(flag: string, text: string): PresetId {
  if (!isPresetId(text))
    throw new UsageError(`${flag} must be one of ${PRESET_IDS.join(', ')} (got "${text}")`);
  return text;
}
