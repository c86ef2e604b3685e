/**
 * One position under a preset rule set, each figure with the numbers behind it: margins and the tier table
 * (mechanics §1.5–§1.6), liquidation and bankruptcy prices (§1.8–§1.9), fees, and funding (§1.11) over a
 * holding time. What the position calculator shows; the worker answers it (`positionQuote`).
 *
 * The query's limits live here and nowhere else: `positionRefusals` names every field a query breaks (the
 * calculator shows each next to its control), `quotePosition` refuses with the first of them.
 */
import { presetRules } from '../regimes/rules-catalogue.ts';
import { effectiveMaxLeverage } from '../regimes/extras.ts';
import type { PresetId } from '../regimes/types.ts';
import {
  above,
  atLeast,
  between,
  check,
  described,
  isPlainRecord,
  oneOf,
  read,
  type Refusal,
  type Rule,
} from '../validation/index.ts';
import { fundingPayment, ratePerInterval } from './funding.ts';
import { liquidationPrice } from './liquidation-price.ts';
import type { MarketId } from './market.ts';
import { listedMarkets } from './rules.ts';
import type { MarginMode } from './position.ts';
import { sideSign, type Side } from './side.ts';
import { deriveTiers, maintenanceMargin, tierIndexForNotional, type MaintenanceTier } from './tiers.ts';

/** A position as the calculator describes it: one market, one rule set, held for a while at a funding rate. */
export interface PositionQuery {
  ruleSet: PresetId;
  asset: MarketId;
  side: Side;
  /** |size| in coins. */
  qty: number;
  entryPrice: number;
  leverage: number;
  marginMode: MarginMode;
  /** Cross only: the wallet balance behind the position (USD); isolated margin is notional ÷ leverage. */
  walletBalance?: number;
  /** How long the position is held, for the funding accrual. */
  holdingHours: number;
  /** The funding rate assumed for the whole holding time, per 8 hours as venues quote it (0.0001 = 0.01%). */
  fundingRatePer8h: number;
}

export interface PositionQuote {
  notional: number;
  /** The rule set's leverage cap on this market (its per-market cap where lower). */
  maxLeverage: number;
  /** IMR = 1 / leverage; IM = notional × IMR (mechanics §1.5). */
  initialMarginRate: number;
  initialMargin: number;
  /** The margin that backs the position: the isolated margin, or the cross wallet balance. */
  wallet: number;
  /** The rule set's tier table for the market, with each tier's maintenance amount (cum). */
  tiers: MaintenanceTier[];
  /** Tier whose bracket holds the notional at entry, and MM = N × MMR − cum there (mechanics §1.6). */
  tierAtEntry: number;
  maintenanceMarginRate: number;
  maintenanceAmount: number;
  maintenanceMargin: number;
  /** Mechanics §1.8–§1.9; tierAtLiquidation is the tier re-selected by the notional at the liquidation price. */
  liquidationPrice: number | null;
  bankruptcyPrice: number | null;
  tierAtLiquidation: number;
  fees: {
    takerRate: number;
    makerRate: number;
    /** Market orders (taker) to open, and to close at the entry price. */
    opening: number;
    closing: number;
    /** Clearance fee on the notional liquidated, at the liquidation price (B-LIQP); 0 without one. */
    liquidationRate: number;
    liquidation: number;
  };
  funding: {
    ratePer8h: number;
    intervalHours: number;
    /** The rate of one settlement: the 8-hour rate scaled to the interval, then held within the cap. */
    ratePerInterval: number;
    /** The rule set's cap per settlement, or null for none; `capped` when it bit. */
    capPerInterval: number | null;
    capped: boolean;
    /** Whole settlements within the holding time. */
    settlements: number;
    /** Paid per settlement at the entry price (negative: received). */
    perSettlement: number;
    /** Accrued over the holding time, pro rata (negative: received): size × price × rate × hours ÷ interval. */
    accrual: number;
    /** The liquidation price once the accrual has settled into the margin (mechanics §1.4). */
    liquidationPriceAfter: number | null;
  };
}

/** A year: longer holding times say nothing a year does not. */
export const MAX_HOLDING_HOURS = 8760;
/** ±10% per 8 hours: a hundred times Binance's usual 0.01%, beyond any rate the rule sets' caps allow. */
export const MAX_FUNDING_RATE_PER_8H = 0.1;

const QUERY = described('an object', isPlainRecord);
const SIDE = oneOf(['long', 'short'] as const);
const POSITIVE = above(0);
const HOURS = between(0, MAX_HOLDING_HOURS, { unit: 'hours' });
const FUNDING = between(-MAX_FUNDING_RATE_PER_8H, MAX_FUNDING_RATE_PER_8H, { scale: 'percent' });

/** The fields a query can be refused on, in the order `quotePosition` checks them. */
export type PositionField = Exclude<keyof PositionQuery, 'ruleSet'>;

/**
 * Every field of `query` that its rule set refuses, each with what it allows. The leverage and margin-mode
 * rules are the rule set's; the cross wallet must hold at least the initial margin, notional ÷ leverage.
 * Throws a Refusal when the query is not an object or names no preset rule set (there is no rule set to ask).
 */
export function positionRefusals(query: PositionQuery): Partial<Record<PositionField, Refusal>> {
  check('position query', query, QUERY);
  const rules = presetRules(query.ruleSet);
  const refusals: Partial<Record<PositionField, Refusal>> = {};
  const field = <T>(key: PositionField, words: string, rule: Rule<T>) => {
    const reading = read(words, query[key], rule);
    if (!reading.ok) refusals[key] = reading.refusal;
    return reading.ok;
  };
  // The markets the rule set lists (Hong Kong: BTC and ETH only, SFC framework P3).
  const market = field('asset', `market under ${rules.shortTitle}`, oneOf(listedMarkets(rules.perp)));
  field('side', 'side', SIDE);
  const qty = field('qty', 'size', POSITIVE);
  const entry = field('entryPrice', 'entry price', POSITIVE);
  const leverage = market
    ? field(
        'leverage',
        `leverage under ${rules.shortTitle}`,
        between(1, effectiveMaxLeverage(rules, query.asset)),
      )
    : field('leverage', 'leverage', atLeast(1));
  const cross = query.marginMode === 'cross';
  field('marginMode', `margin mode under ${rules.shortTitle}`, oneOf(rules.perp.marginModes));
  if (cross && field('walletBalance', 'wallet balance', POSITIVE) && qty && entry && leverage)
    // The wallet must at least hold the initial margin.
    field('walletBalance', 'wallet balance', atLeast(initialMarginOf(query), { unit: 'USD' }));
  field('holdingHours', 'holding time', HOURS);
  field('fundingRatePer8h', 'funding rate', FUNDING);
  return refusals;
}

/** IM = notional ÷ leverage (mechanics §1.5). */
function initialMarginOf(query: PositionQuery): number {
  return (query.qty * query.entryPrice) / query.leverage;
}

/** The quote for an allowed query; refuses one `positionRefusals` finds fault with, naming the first field. */
export function quotePosition(query: PositionQuery): PositionQuote {
  const refusal = Object.values(positionRefusals(query))[0];
  if (refusal) throw refusal;
  const rules = presetRules(query.ruleSet);
  const perp = rules.perp;
  const maxLeverage = effectiveMaxLeverage(rules, query.asset);
  const tiers = deriveTiers(perp.tiers[query.asset]);
  const notional = query.qty * query.entryPrice;
  const initialMarginRate = 1 / query.leverage;
  const initialMargin = notional * initialMarginRate;
  const wallet = query.marginMode === 'cross' ? query.walletBalance! : initialMargin;

  const tierAtEntry = tierIndexForNotional(tiers, notional);
  const entryTier = tiers[tierAtEntry]!;
  const position = { side: query.side, qty: query.qty, entryPrice: query.entryPrice, tiers };
  const prices = liquidationPrice({ ...position, wallet });

  const liquidationRate = perp.liquidationFeeRate;
  const fees = {
    takerRate: perp.takerFeeRate,
    makerRate: perp.makerFeeRate,
    opening: notional * perp.takerFeeRate,
    closing: notional * perp.takerFeeRate,
    liquidationRate,
    liquidation: prices.liquidationPrice === null ? 0 : query.qty * prices.liquidationPrice * liquidationRate,
  };

  // Funding (mechanics §1.11): the 8-h rate scaled to the settlement interval, then the rule set's cap.
  const { intervalHours, cap } = perp.funding;
  const rate = ratePerInterval(query.fundingRatePer8h, intervalHours, cap);
  const signedSize = sideSign(query.side) * query.qty;
  const perSettlement = fundingPayment(signedSize, query.entryPrice, rate);
  const accrual = (perSettlement * query.holdingHours) / intervalHours;
  // Funding settles into the margin behind the position, so it moves the liquidation price.
  const after = liquidationPrice({ ...position, wallet: wallet - accrual });

  return {
    notional,
    maxLeverage,
    initialMarginRate,
    initialMargin,
    wallet,
    tiers,
    tierAtEntry,
    maintenanceMarginRate: entryTier.mmr,
    maintenanceAmount: entryTier.cum,
    maintenanceMargin: maintenanceMargin(tiers, notional),
    liquidationPrice: prices.liquidationPrice,
    bankruptcyPrice: prices.bankruptcyPrice,
    tierAtLiquidation: prices.tierIndex,
    fees,
    funding: {
      ratePer8h: query.fundingRatePer8h,
      intervalHours,
      ratePerInterval: rate,
      capPerInterval: cap,
      capped: rate !== ratePerInterval(query.fundingRatePer8h, intervalHours),
      settlements: Math.floor(query.holdingHours / intervalHours + 1e-9),
      perSettlement,
      accrual,
      liquidationPriceAfter: after.liquidationPrice,
    },
  };
}
