/**
 * The fast engine's index of take-profit and stop-loss levels. A perpetual trader's exit is a threshold on the
 * mark (return on initial margin = side × (mark − entry) × leverage ÷ entry), fixed while the position is open:
 * liquidation slices and ADL change its size but not its entry or leverage. Per venue and market, levels that
 * fire on a rise sit in a min-heap and levels that fire on a fall in a max-heap; a step pops only those the
 * mark crossed, and the reference engine's exact test decides.
 */
import { KeyedHeap } from '../fast/heap.ts';
import type { MarketId } from '../perp/market.ts';

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

export class ExitWatch {
  readonly #up = new Map<string, KeyedHeap>();
  readonly #down = new Map<string, KeyedHeap>();

  #heap(map: Map<string, KeyedHeap>, key: string, order: 1 | -1): KeyedHeap {
    let heap = map.get(key);
    if (!heap) map.set(key, (heap = new KeyedHeap(order)));
    return heap;
  }

  add(venue: string, market: MarketId, trader: number, levels: ExitLevels): void {
    const key = `${venue}:${market}`;
    if (levels.up < Infinity) this.#heap(this.#up, key, 1).push(levels.up, trader, 0);
    if (levels.down > -Infinity) this.#heap(this.#down, key, -1).push(levels.down, trader, 0);
  }

  /** Traders whose level the mark reached (with a hair of slack for rounding); they leave the index. */
  crossed(venue: string, market: MarketId, mark: number, into: number[]): void {
    const key = `${venue}:${market}`;
    const up = this.#up.get(key);
    while (up && up.size > 0 && up.peekKey() <= mark * (1 + 1e-12)) {
      into.push(up.peekId());
      up.pop();
    }
    const down = this.#down.get(key);
    while (down && down.size > 0 && down.peekKey() >= mark * (1 - 1e-12)) {
      into.push(down.peekId());
      down.pop();
    }
  }
}
