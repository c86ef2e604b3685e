/**
 * `scenario`: a scenario's BTC and ETH index price paths, one value a minute (model.md, "Prices").
 */
import { allowOnly, choice, optionalNumber, parseNumber, UsageError, type Flags } from '../args.ts';
import {
  generateIndexPath,
  SCENARIO_IDS,
  SCENARIOS,
  scenarioInfo,
} from '../../engine/scenarios/catalogue.ts';
import type { ScenarioId } from '../../engine/scenarios/types.ts';

const idsOfKind = (kind: 'historical' | 'synthetic') =>
  SCENARIOS.filter((s) => s.kind === kind)
    .map((s) => s.id)
    .join(', ');

export const usage = `scenario --id S [--seed 1] [--days D]
  The BTC and ETH index prices (USD) of scenario S, one a minute from its start. S is one of
    historical: ${idsOfKind('historical')}
    synthetic: ${idsOfKind('synthetic')}
  --seed: any whole number (the same seed gives the same path). --days: synthetic scenarios only, 0.25 to 60
  (default per scenario); historical ones have a fixed length. Prints {"id", "t", "btc", "eth"}: t in minutes
  from the start, prices rounded to cents.`;

const FLAGS = ['id', 'seed', 'days'];
const DEFAULT_SEED = 1;

export interface ScenarioOutput {
  id: ScenarioId;
  t: number[];
  btc: number[];
  eth: number[];
}

function parseSeed(flags: Flags): number {
  const raw = flags.get('seed');
  if (raw === undefined) return DEFAULT_SEED;
  const seed = parseNumber('--seed', raw);
  if (!Number.isSafeInteger(seed))
    throw new UsageError(
      `--seed must be a whole number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER} (got "${raw}")`,
    );
  return seed;
}

function parseDays(flags: Flags, id: ScenarioId): number | undefined {
  const info = scenarioInfo(id);
  if (info.kind === 'historical') {
    const raw = flags.get('days');
    if (raw !== undefined)
      throw new UsageError(
        `--days cannot be set for ${id}: historical scenarios have a fixed length (${info.defaultDays} days) (got "${raw}")`,
      );
    return undefined;
  }
  return optionalNumber(flags, 'days', { min: info.minDays, max: info.maxDays });
}

/** Cents: enough for a chart or a check by hand, and shorter JSON (60 days = 86,401 prices per asset). */
const toCents = (price: number) => Math.round(price * 100) / 100;

export function run(flags: Flags): ScenarioOutput {
  allowOnly(flags, FLAGS);
  const id = choice(flags, 'id', SCENARIO_IDS);
  const seed = parseSeed(flags);
  const days = parseDays(flags, id);
  const path = generateIndexPath(id, days === undefined ? { seed } : { seed, days });
  return {
    id,
    t: Array.from({ length: path.minutes + 1 }, (_, minute) => minute * path.stepMinutes),
    btc: Array.from(path.btc, toCents),
    eth: Array.from(path.eth, toCents),
  };
}
