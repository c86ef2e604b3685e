/**
 * A position in one linear perpetual market and the rule for applying a fill to it (mechanics §1.2, §1.3,
 * §4 item 10): opening trades average the entry price by size; reducing trades keep the entry and realise
 * side·q·(fill − entry); a flip is a full close plus an opening of the remainder at the fill price.
 */
export type MarginMode = 'isolated' | 'cross';

export interface Position {
  /** Signed size in coins: > 0 long, < 0 short. A closed position is removed, never kept at 0. */
  size: number;
  entryPrice: number;
  mode: MarginMode;
  /** Margin assigned to this position alone (isolated); 0 under cross margin. */
  isolatedMargin: number;
  leverage: number;
  /** Cumulative funding index (quote per coin long) when funding was last settled into this position. */
  fundingSnapshot: number;
  /** Cumulative socialised-loss index (quote per coin of |size|) at the last settlement. */
  lossSnapshot: number;
}

export interface FillResult {
  /** Signed size after the fill (0: closed). */
  size: number;
  entryPrice: number;
  /** Realised PnL of the closing part, before fees. */
  realisedPnl: number;
  /** Coins closed (reduce part) and opened (increase part, including a flip's new side). */
  closedQty: number;
  openedQty: number;
}

/** Applies a signed fill (`delta` > 0 buys) at `price` to a position of signed `size` and `entryPrice`. */
export function applyFill(size: number, entryPrice: number, delta: number, price: number): FillResult {
  return applyFillInto(
    { size: 0, entryPrice: 0, realisedPnl: 0, closedQty: 0, openedQty: 0 },
    size,
    entryPrice,
    delta,
    price,
  );
}

/** applyFill written into `out` (every field) and returned: the legs of every trade use one kept result. */
export function applyFillInto(
  out: FillResult,
  size: number,
  entryPrice: number,
  delta: number,
  price: number,
): FillResult {
  if (delta === 0) return setFill(out, size, entryPrice, 0, 0, 0);
  // Opening or adding (same direction, or from flat): size-weighted average entry (BY-AVG, vector 4).
  if (size === 0 || Math.sign(size) === Math.sign(delta)) {
    const newSize = size + delta;
    const entry = (Math.abs(size) * entryPrice + Math.abs(delta) * price) / Math.abs(newSize);
    return setFill(out, newSize, entry, 0, 0, Math.abs(delta));
  }
  // Reducing: entry unchanged, PnL realised on the closed part (HL-entry-price-and-pnl).
  const side = Math.sign(size);
  const closedQty = Math.min(Math.abs(size), Math.abs(delta));
  const realisedPnl = side * closedQty * (price - entryPrice);
  const newSize = size + delta;
  if (Math.abs(delta) <= Math.abs(size)) {
    // Snap to exactly 0 when a float remainder is below one part in 1e12 of the original size.
    const remaining = Math.abs(newSize) <= Math.abs(size) * 1e-12 ? 0 : newSize;
    return setFill(out, remaining, remaining === 0 ? 0 : entryPrice, realisedPnl, closedQty, 0);
  }
  // Flip: close everything at the fill price, open the remainder at the fill price (mechanics §1.3).
  return setFill(out, newSize, price, realisedPnl, closedQty, Math.abs(newSize));
}

function setFill(
  out: FillResult,
  size: number,
  entryPrice: number,
  realisedPnl: number,
  closedQty: number,
  openedQty: number,
): FillResult {
  out.size = size;
  out.entryPrice = entryPrice;
  out.realisedPnl = realisedPnl;
  out.closedQty = closedQty;
  out.openedQty = openedQty;
  return out;
}

export function unrealisedPnl(position: Pick<Position, 'size' | 'entryPrice'>, markPrice: number): number {
  return position.size * (markPrice - position.entryPrice);
}
