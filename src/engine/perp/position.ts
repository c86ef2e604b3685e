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

/** A position record's numbers, in its row: size, entry price, isolated margin, leverage, the two snapshots. */
const FIELDS = 6;
/** Rows per block of records: a block is filled in order and never reused (so no record shares a row). */
const BLOCK_ROWS = 4096;
let block = new Float64Array(BLOCK_ROWS * FIELDS);
let blockUsed = 0;

/**
 * A position whose numbers live in a row of a Float64Array rather than in the object (issue 16). A plain object
 * held each number as a heap number of its own: 7 heap objects and about 112 bytes per position, copied by the
 * collector as each position outlived its first collections, in a run that opens 60,000 of them. A record is
 * one small object; its row is off the collected heap. The fields read and write as a plain Position's (the
 * same bits: a Float64Array keeps every double as it is, −0 included). Rows are never reused, so a record read
 * after its position closed still reads its last numbers, as a plain object did.
 */
export class PositionRecord implements Position {
  mode: MarginMode;
  readonly #rows: Float64Array;
  readonly #at: number;

  constructor(
    size: number,
    entryPrice: number,
    mode: MarginMode,
    isolatedMargin: number,
    leverage: number,
    fundingSnapshot: number,
    lossSnapshot: number,
  ) {
    if (blockUsed === BLOCK_ROWS) {
      block = new Float64Array(BLOCK_ROWS * FIELDS);
      blockUsed = 0;
    }
    const rows = block;
    const at = blockUsed++ * FIELDS;
    this.mode = mode;
    this.#rows = rows;
    this.#at = at;
    rows[at] = size;
    rows[at + 1] = entryPrice;
    rows[at + 2] = isolatedMargin;
    rows[at + 3] = leverage;
    rows[at + 4] = fundingSnapshot;
    rows[at + 5] = lossSnapshot;
  }

  get size(): number {
    return this.#rows[this.#at]!;
  }
  set size(value: number) {
    this.#rows[this.#at] = value;
  }
  get entryPrice(): number {
    return this.#rows[this.#at + 1]!;
  }
  set entryPrice(value: number) {
    this.#rows[this.#at + 1] = value;
  }
  get isolatedMargin(): number {
    return this.#rows[this.#at + 2]!;
  }
  set isolatedMargin(value: number) {
    this.#rows[this.#at + 2] = value;
  }
  get leverage(): number {
    return this.#rows[this.#at + 3]!;
  }
  set leverage(value: number) {
    this.#rows[this.#at + 3] = value;
  }
  get fundingSnapshot(): number {
    return this.#rows[this.#at + 4]!;
  }
  set fundingSnapshot(value: number) {
    this.#rows[this.#at + 4] = value;
  }
  get lossSnapshot(): number {
    return this.#rows[this.#at + 5]!;
  }
  set lossSnapshot(value: number) {
    this.#rows[this.#at + 5] = value;
  }

  /** The plain Position (a spread or a test's deep comparison sees only `mode`: the numbers are accessors). */
  toJSON(): Position {
    return {
      size: this.size,
      entryPrice: this.entryPrice,
      mode: this.mode,
      isolatedMargin: this.isolatedMargin,
      leverage: this.leverage,
      fundingSnapshot: this.fundingSnapshot,
      lossSnapshot: this.lossSnapshot,
    };
  }
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
