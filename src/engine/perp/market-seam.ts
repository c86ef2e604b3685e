/**
 * The seam between the venue and its order book: where a market order or a liquidation order fills. The venue
 * engine asks; the market model answers (and may record the order's price impact in the run state). This file
 * holds the interface and the simplest answer, a fixed spread around the traded price; the depth-based impact
 * model of the run loop plugs in here.
 */
import type { ExchangeState } from './exchange.ts';
import type { MarketId } from './market.ts';
import { sideSign, type Side } from './side.ts';
import { between, check } from '../validation/index.ts';

const HALF_SPREAD = between(0, 0.5, { maxExcluded: true });

export type FillPurpose = 'order' | 'liquidation';

export interface MarketSeam {
  /** Average fill price for a taker order of `qty` coins on `side` (long = buy). */
  fillPrice(state: ExchangeState, market: MarketId, side: Side, qty: number, purpose: FillPurpose): number;
  /**
   * The book's impact bid and ask for `notional` (quote currency), without trading: the average prices of
   * selling and buying that notional now (B-FUND, B-IMN), from which the premium index is built.
   */
  impactPrices(state: ExchangeState, market: MarketId, notional: number): { bid: number; ask: number };
  /**
   * impactPrices as one number: the impact bid is traded price × (1 − it), the ask traded price × (1 + it).
   * Funding asks every minute and market, and needs no object for the answer.
   */
  impactSpread(state: ExchangeState, market: MarketId, notional: number): number;
}

/** Fills every order at the traded price ± half the spread (buyers pay the ask, sellers get the bid). */
export function fixedSpreadSeam(halfSpreadFraction = 0): MarketSeam {
  check('half spread', halfSpreadFraction, HALF_SPREAD);
  return {
    fillPrice: (state, market, side) =>
      state.markets[market].tradedPrice * (1 + sideSign(side) * halfSpreadFraction),
    impactPrices: (state, market) => {
      const mid = state.markets[market].tradedPrice;
      return { bid: mid * (1 - halfSpreadFraction), ask: mid * (1 + halfSpreadFraction) };
    },
    impactSpread: () => halfSpreadFraction,
  };
}
