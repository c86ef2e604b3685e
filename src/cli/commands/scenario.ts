/**
 * `scenario`: a scenario's BTC, ETH and ALT index price paths, one value a minute (model.md, "Prices").
 */
import { allowOnly, choice, optionalNumber, type Flags } from '../args.ts';
import { wholeNumber } from '../../engine/validation/index.ts';
import { generateIndexPath, SCENARIO_IDS, SCENARIOS } from '../../engine/scenarios/catalogue.ts';
import type { ScenarioId } from '../../engine/scenarios/types.ts';
import { daysFromFlags } from './run-flags.ts';

const idsOfKind = (kind: 'historical' | 'synthetic') =>
  SCENARIOS.filter((s) => s.kind === kind)
    .map((s) => s.id)
    .join(', ');

export const usage = `scenario --id S [--seed 1] [--days D]
  The BTC, ETH and ALT (a generic high-beta altcoin, $100 at the start) index prices (USD) of scenario S, one a minute from its start. S is one of
    historical: ${idsOfKind('historical')}
    synthetic: ${idsOfKind('synthetic')}
  --seed: any whole number (the same seed gives the same path). --days: synthetic scenarios only, 0.25 to 730
  (default per scenario); historical ones have a fixed length. Prints {"id", "t", "btc", "eth", "alt"}: t in minutes
  from the start, prices rounded to cents.`;

/** The flags this command accepts (the fuzzer reads them too). */
export const FLAGS = ['id', 'seed', 'days'];
const DEFAULT_SEED = 1;
/** Any whole number: the path's generator takes negative seeds too. */
const SEED = wholeNumber(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);

export interface ScenarioOutput {
  id: ScenarioId;
  t: number[];
  btc: number[];
  eth: number[];
  alt: number[];
}

/** Cents: enough for a chart or a check by hand, and shorter JSON (60 days = 86,401 prices per asset). */
const toCents = (price: number) => Math.round(price * 100) / 100;

export function run(flags: Flags): ScenarioOutput {
  allowOnly(flags, FLAGS);
  const id = choice(flags, 'id', SCENARIO_IDS);
  const seed = optionalNumber(flags, 'seed', SEED) ?? DEFAULT_SEED;
  const days = daysFromFlags(flags, id);
  const path = generateIndexPath(id, days === undefined ? { seed } : { seed, days });
  return {
    id,
    t: Array.from({ length: path.minutes + 1 }, (_, minute) => minute * path.stepMinutes),
    btc: Array.from(path.btc, toCents),
    eth: Array.from(path.eth, toCents),
    alt: Array.from(path.alt, toCents),
  };
}
