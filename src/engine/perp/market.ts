/**
 * One perpetual market's state: prices, the cumulative funding and socialised-loss indices, the premium being
 * averaged for the next funding, open interest and its insurance fund (BTCUSDT and ETHUSDT each have their
 * own fund at Binance, B-LIQP).
 */
import { emptyBasisEma, type BasisEma } from './mark-price.ts';
import { emptyPremiumAverager, type PremiumAverager } from './premium.ts';
import { deriveTiers, type MaintenanceTier, type TierSpec } from './tiers.ts';
import { above, check } from '../validation/index.ts';
import { DOUBLE } from '../fast/double-fields.ts';

const POSITIVE = above(0);

/**
 * BTC, ETH and ALT, a generic high-beta altcoin with a thin book (guardrails §3 ALT table; doc/model.md "ALT").
 * Every venue quotes all three; a venue trades only those its rules list (PerpRules.markets).
 */
export type MarketId = 'BTC' | 'ETH' | 'ALT';
export const MARKET_IDS: readonly MarketId[] = ['BTC', 'ETH', 'ALT'];
/**
 * Each market's position in MARKET_IDS, for state kept per market in typed arrays: a store of a number by
 * market name into an object (`gap[id] = …`) boxed the number, a new heap object each time (issue 16).
 */
export const MARKET_INDEX: Readonly<Record<MarketId, number>> = { BTC: 0, ETH: 1, ALT: 2 };
/** The markets every rule set lists: the population's own markets (guardrails P3, W9: BTC and ETH). */
export const CORE_MARKETS: readonly MarketId[] = ['BTC', 'ETH'];

export interface MarketState {
  id: MarketId;
  tiers: MaintenanceTier[];
  indexPrice: number;
  tradedPrice: number;
  markPrice: number;
  /** The mark before the latest repricing (Hyperliquid deleverages at it, mechanics §1.14). */
  previousMarkPrice: number;
  basisEma: BasisEma;
  /** Σ price × rate per coin long since the start (mechanics §1.11, dYdX-style funding index). */
  fundingIndex: number;
  /** Σ socialised loss per coin of |size| since the start (DR liquidation-and-bankruptcy). */
  lossIndex: number;
  premium: PremiumAverager;
  lastFundingRate: number;
  /** Coins held long (= coins held short, mechanics §4 item 1). */
  longOpenInterest: number;
  shortOpenInterest: number;
  insuranceFund: number;
}

export function createMarket(
  id: MarketId,
  price: number,
  tiers: readonly TierSpec[],
  insuranceFund: number,
): MarketState {
  check(`${id} opening price`, price, POSITIVE);
  // Every number field a double from the start (fast/double-fields.ts): the first funding turned
  // `fundingIndex` into one and threw away about 30 optimised functions of a fresh process.
  const market: MarketState = {
    id,
    tiers: deriveTiers(tiers),
    indexPrice: DOUBLE,
    tradedPrice: DOUBLE,
    markPrice: DOUBLE,
    previousMarkPrice: DOUBLE,
    basisEma: emptyBasisEma(),
    fundingIndex: DOUBLE,
    // Stays a whole 0 unless a loss is socialised, which most runs never see: a small integer reads faster.
    lossIndex: 0,
    premium: emptyPremiumAverager(),
    lastFundingRate: DOUBLE,
    longOpenInterest: DOUBLE,
    shortOpenInterest: DOUBLE,
    insuranceFund: DOUBLE,
  };
  market.indexPrice = price;
  market.tradedPrice = price;
  market.markPrice = price;
  market.previousMarkPrice = price;
  market.fundingIndex = 0;
  market.lastFundingRate = 0;
  market.longOpenInterest = 0;
  market.shortOpenInterest = 0;
  market.insuranceFund = insuranceFund;
  return market;
}

/** Keeps long and short open interest in step with a change of one position's signed size. */
export function updateOpenInterest(market: MarketState, sizeBefore: number, sizeAfter: number): void {
  market.longOpenInterest += Math.max(sizeAfter, 0) - Math.max(sizeBefore, 0);
  market.shortOpenInterest += Math.max(-sizeAfter, 0) - Math.max(-sizeBefore, 0);
}
