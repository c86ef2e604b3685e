/**
 * A market's maintenance rate as one number a sweep can move (issue 20). The maintenance guardrail is a table
 * of tiers (`perp.tiers.BTC`: floors and rates), and a table cannot be swept, so the sweep moves its first-tier
 * rate, `perp.maintenanceRate.BTC`, and every other tier's rate in the same proportion, floors unchanged: the
 * table keeps its shape (a rising table keeps rising), and a one-tier table (the SFC [DEFAULT]'s 5%) is exactly
 * "the maintenance rate". It is not a path into the rule set: it becomes a `perp.tiers.<market>` override, so
 * the rule set at every value is built and validated like any other change.
 */
import { MARKET_IDS, type MarketId } from '../perp/market.ts';
import { deriveTiers, type TierSpec } from '../perp/tiers.ts';
import {
  effectiveMaxLeverage,
  guardrailValue,
  type GuardrailKey,
  type GuardrailValue,
  type RegimeOverrides,
  type RegimeParameters,
} from '../regimes/index.ts';
import { Refusal, atLeast, check, isRefusal } from '../validation/index.ts';

const PREFIX = 'perp.maintenanceRate.';

/** Why the first-tier rate has a ceiling (surfaces translate these by their text, as BELOW_MAINTENANCE). */
export const BELOW_LEVERAGE_CAP =
  '1 ÷ the leverage cap: opening at the cap must leave equity above maintenance';
export const BELOW_TOP_TIER = 'where the top tier, scaled in proportion, reaches 100%';

/** The market of a maintenance-rate path (`perp.maintenanceRate.ETH` → ETH), or null for any other path. */
export function maintenanceRateMarket(path: string): MarketId | null {
  if (!path.startsWith(PREFIX)) return null;
  const market = path.slice(PREFIX.length);
  return (MARKET_IDS as readonly string[]).includes(market) ? (market as MarketId) : null;
}

/** The path a maintenance-rate path moves (`perp.tiers.BTC`); any other path is its own guardrail's. */
export function tiersKey(market: MarketId): `perp.tiers.${MarketId}` & GuardrailKey {
  return `perp.tiers.${market}`;
}

/** The table with its first-tier rate at `rate` and every other rate in proportion (floors unchanged). */
export function tiersAtFirstRate(tiers: readonly TierSpec[], rate: number): TierSpec[] {
  const factor = rate / (tiers[0] as TierSpec).mmr;
  // At the table's own first rate the table is unchanged (Hyperliquid's 1/30 stays 1/30); elsewhere each rate
  // is written to 12 digits, so 0.025 × 1.5 is 3.75%, not 0.037500000000000006, in a link and on the panel.
  if (factor === 1) return tiers.map((tier) => ({ floor: tier.floor, mmr: tier.mmr }));
  return tiers.map((tier, i) => ({
    floor: tier.floor,
    mmr: i === 0 ? rate : Number((tier.mmr * factor).toPrecision(12)),
  }));
}

/** The rule set's first-tier maintenance rate of a market. */
export function firstTierRate(regime: RegimeParameters, market: MarketId): number {
  return (regime.perp.tiers[market][0] as TierSpec).mmr;
}

/** A guardrail as the overrides so far have it, or else as `base` has it. */
function current<K extends GuardrailKey>(
  base: RegimeParameters,
  overrides: RegimeOverrides,
  key: K,
): GuardrailValue<K> {
  return Object.hasOwn(overrides, key) ? (overrides[key] as GuardrailValue<K>) : guardrailValue(base, key);
}

/**
 * The lowest first-tier rate the table cannot take under these caps, and why: opening at the market's leverage
 * cap must leave equity above maintenance (validate-regime: 1 ÷ cap > first rate), and every tier's rate, scaled
 * with the first, must stay below 100% (tiers.ts).
 */
export function firstRateCeiling(
  regime: RegimeParameters,
  market: MarketId,
  tiers: readonly TierSpec[] = regime.perp.tiers[market],
): { max: number; reason: string } {
  const first = (tiers[0] as TierSpec).mmr;
  const highest = Math.max(...tiers.map((tier) => tier.mmr));
  const byCap = 1 / effectiveMaxLeverage(regime, market);
  const byTopTier = first / highest;
  return byCap <= byTopTier
    ? { max: byCap, reason: BELOW_LEVERAGE_CAP }
    : { max: byTopTier, reason: BELOW_TOP_TIER };
}

/**
 * Adds the market's table at first-tier rate `value` to `overrides` (a new object), from the table and caps the
 * overrides so far or else `base` have. Refuses, naming the maintenance rate, a value below 0 or at or above its
 * ceiling ("BTC maintenance rate must be below 10% (1 ÷ the leverage cap: …) (got 12%)"), and a table whose first
 * rate is 0 (nothing to scale in proportion).
 */
export function withMaintenanceRate(
  base: RegimeParameters,
  overrides: RegimeOverrides,
  market: MarketId,
  value: number,
): RegimeOverrides {
  const field = `${market} maintenance rate`;
  const key = tiersKey(market);
  const tiers = current(base, overrides, key);
  try {
    deriveTiers(tiers);
  } catch (error) {
    throw isRefusal(error) ? error.within(`${market} maintenance tiers`) : error;
  }
  if (!(tiers[0]!.mmr > 0))
    throw new Refusal(`${market} maintenance tiers`, tiers[0]!.mmr, {
      kind: 'words',
      text: 'a table whose first rate is above 0, to scale the others in proportion',
    });
  check(field, value, atLeast(0, { scale: 'percent' }));
  const caps = {
    perp: { ...base.perp, maxLeverage: current(base, overrides, 'perp.maxLeverage') },
    extras: {
      ...base.extras,
      maxLeverageByMarket: current(base, overrides, 'extras.maxLeverageByMarket'),
    },
  };
  const { max, reason } = firstRateCeiling({ ...base, ...caps }, market, tiers);
  if (!(value < max)) throw new Refusal(field, value, { kind: 'below', max, reason, scale: 'percent' });
  return { ...overrides, [key]: tiersAtFirstRate(tiers, value) };
}
