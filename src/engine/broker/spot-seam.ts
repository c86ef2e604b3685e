/**
 * The seam between the broker and the spot market: where a client order or a forced sale of collateral fills.
 * The broker asks; the market model answers (and may record the order's price impact in the run state). This
 * file holds the interface and the simplest answer, a fixed spread around the price path; the depth-based
 * impact model of a later issue plugs in here, which is how forced sales come to move prices (model.md).
 */
import type { BrokerAsset, BrokerState } from './broker-state.ts';
import { between, check } from '../validation/index.ts';

const HALF_SPREAD = between(0, 0.5, { maxExcluded: true });

export type SpotSide = 'buy' | 'sell';
export type SpotPurpose = 'order' | 'forced-sale';

export interface SpotSeam {
  /** Average fill price for a taker order of `qty` units on `side`. */
  fillPrice(
    state: BrokerState,
    asset: BrokerAsset,
    side: SpotSide,
    qty: number,
    purpose: SpotPurpose,
  ): number;
}

/** Fills every order at the price path ± half the spread (buyers pay the ask, sellers get the bid). */
export function fixedSpreadSpotSeam(halfSpread = 0): SpotSeam {
  check('half spread', halfSpread, HALF_SPREAD);
  return {
    fillPrice: (state, asset, side) => state.prices[asset] * (1 + (side === 'buy' ? 1 : -1) * halfSpread),
  };
}
