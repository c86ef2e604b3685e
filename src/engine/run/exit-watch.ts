/**
 * The fast engine's index of take-profit and stop-loss levels. A perpetual trader's exit is a threshold on the
 * mark (return on initial margin = side × (mark − entry) × leverage ÷ entry), fixed while the position is open:
 * liquidation slices and ADL change its size but not its entry or leverage. Per venue and market, levels that
 * fire on a rise sit in a min-heap and levels that fire on a fall in a max-heap; a step pops only those the
 * mark crossed, and the reference engine's exact test decides.
 */
import { KeyedHeap } from '../fast/heap.ts';
import { marketIn } from '../perp/by-market.ts';
import { MARKET_IDS, MARKET_INDEX, type MarketId } from '../perp/market.ts';
import type { VenueName } from './run-events.ts';

export interface ExitLevels {
  /** Exit when the mark is at or above this (a long's take-profit, a short's stop-loss); Infinity: none. */
  up: number;
  /** Exit when the mark is at or below this; −Infinity: none. */
  down: number;
}

/** The two levels for a position's take-profit and stop-loss (0 = none) on return on initial margin. */
export function exitLevels(
  long: boolean,
  entry: number,
  leverage: number,
  takeProfitRoe: number,
  stopLossRoe: number,
): ExitLevels {
  const level = (roe: number) => entry * (1 + (long ? 1 : -1) * (roe / leverage));
  const tp = takeProfitRoe > 0 ? level(takeProfitRoe) : null;
  const sl = stopLossRoe < 0 ? level(stopLossRoe) : null;
  return long ? { up: tp ?? Infinity, down: sl ?? -Infinity } : { up: sl ?? Infinity, down: tp ?? -Infinity };
}

/** Heaps per venue (0 onshore, 1 offshore) and market (MARKET_INDEX): slot = venue × MARKET_IDS.length + market. */
const SLOTS = 2 * MARKET_IDS.length;

/** A venue's place among the slots (VenueName → 0 or 1). */
export const venueSlot = (venue: VenueName): number => (venue === 'onshore' ? 0 : 1);

export class ExitWatch {
  /**
   * By slot, levels that fire on a rise (min-heaps) and on a fall (max-heaps), and each heap's top key
   * (Infinity / −Infinity when empty): a step compares each listed market's mark with two numbers read by
   * position, where it read a heap by venue name and then by market name (keyed loads, issue 16). A heap makes
   * its arrays at its first push (heap.ts), so the slots a run never uses cost little.
   */
  readonly #up: KeyedHeap[] = Array.from({ length: SLOTS }, () => new KeyedHeap(1));
  readonly #down: KeyedHeap[] = Array.from({ length: SLOTS }, () => new KeyedHeap(-1));
  readonly #upTop = new Float64Array(SLOTS).fill(Infinity);
  readonly #downTop = new Float64Array(SLOTS).fill(-Infinity);

  add(venue: VenueName, market: MarketId, trader: number, levels: ExitLevels): void {
    const slot = venueSlot(venue) * MARKET_IDS.length + marketIn(MARKET_INDEX, market);
    if (levels.up < Infinity) {
      const up = this.#up[slot]!;
      up.push(levels.up, trader, 0);
      this.#upTop[slot] = up.peekKey();
    }
    if (levels.down > -Infinity) {
      const down = this.#down[slot]!;
      down.push(levels.down, trader, 0);
      this.#downTop[slot] = down.peekKey();
    }
  }

  /**
   * Traders whose level the mark reached in heap slot `slot` (with a hair of slack for rounding); they leave
   * the index. The usual minute reaches none: two comparisons.
   */
  crossed(slot: number, mark: number, into: number[]): void {
    if (this.#upTop[slot]! <= mark * (1 + 1e-12)) this.#popUp(slot, mark, into);
    if (this.#downTop[slot]! >= mark * (1 - 1e-12)) this.#popDown(slot, mark, into);
  }

  #popUp(slot: number, mark: number, into: number[]): void {
    const up = this.#up[slot]!;
    while (up.size > 0 && up.peekKey() <= mark * (1 + 1e-12)) {
      into.push(up.peekId());
      up.pop();
    }
    this.#upTop[slot] = up.size > 0 ? up.peekKey() : Infinity;
  }

  #popDown(slot: number, mark: number, into: number[]): void {
    const down = this.#down[slot]!;
    while (down.size > 0 && down.peekKey() >= mark * (1 - 1e-12)) {
      into.push(down.peekId());
      down.pop();
    }
    this.#downTop[slot] = down.size > 0 ? down.peekKey() : -Infinity;
  }
}
