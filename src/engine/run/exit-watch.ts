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

/** One venue's heaps, by market: levels that fire on a rise (min-heap) and on a fall (max-heap). */
interface VenueHeaps {
  up: Record<MarketId, KeyedHeap>;
  down: Record<MarketId, KeyedHeap>;
}

export class ExitWatch {
  /** By venue name; looked up by property, so a step builds no key text (issue 16: no per-step allocation). */
  readonly #venues: Record<string, VenueHeaps> = {};

  #heaps(venue: string): VenueHeaps {
    return (this.#venues[venue] ??= {
      up: { BTC: new KeyedHeap(1), ETH: new KeyedHeap(1), ALT: new KeyedHeap(1) },
      down: { BTC: new KeyedHeap(-1), ETH: new KeyedHeap(-1), ALT: new KeyedHeap(-1) },
    });
  }

  add(venue: string, market: MarketId, trader: number, levels: ExitLevels): void {
    const heaps = this.#heaps(venue);
    if (levels.up < Infinity) heaps.up[market].push(levels.up, trader, 0);
    if (levels.down > -Infinity) heaps.down[market].push(levels.down, trader, 0);
  }

  /** Traders whose level the mark reached (with a hair of slack for rounding); they leave the index. */
  crossed(venue: string, market: MarketId, mark: number, into: number[]): void {
    const heaps = this.#venues[venue];
    if (!heaps) return;
    const up = heaps.up[market];
    while (up.size > 0 && up.peekKey() <= mark * (1 + 1e-12)) {
      into.push(up.peekId());
      up.pop();
    }
    const down = heaps.down[market];
    while (down.size > 0 && down.peekKey() >= mark * (1 - 1e-12)) {
      into.push(down.peekId());
      down.pop();
    }
  }
}
