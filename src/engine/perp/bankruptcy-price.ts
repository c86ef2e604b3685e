/**
 * The bankruptcy price (mechanics §1.9, §1.12): the price at which closing the position leaves nothing behind
 * it. The margin behind it is its isolated margin, or the cross equity without its own unrealised PnL.
 * Pending charges must be settled first.
 */
import type { MarketState } from './market.ts';
import { unrealisedPnl, type Position } from './position.ts';

/** `crossEquity`: the cross account's equity as it stood before the liquidation; null for an isolated position. */
export function bankruptcyPriceAt(
  position: Position,
  market: MarketState,
  crossEquity: number | null,
): number {
  const s = Math.sign(position.size);
  const marginBehind =
    crossEquity === null ? position.isolatedMargin : crossEquity - unrealisedPnl(position, market.markPrice);
  return Math.max(position.entryPrice - (s * marginBehind) / Math.abs(position.size), 0);
}
