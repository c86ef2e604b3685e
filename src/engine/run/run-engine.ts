/**
 * The fast and the reference engine (doc/implementation-notes.md "Fast engine and reference engine") as one
 * strategy, chosen once by `createRun`. Both run the same mechanics; they differ in how a step finds the traders
 * and accounts it must look at. The reference engine scans everyone each step (the oracle); the fast engine keeps
 * indices (threshold heaps, exit schedules) and tests only what they name, with the reference's exact test and
 * in the reference's order, so both produce the same event stream.
 *
 * The venues' and the broker's scans live on their states (`ExchangeState.watch`, `BrokerState.watch`): the
 * reference scans every account and client (their default); the fast engine fits its indices here.
 */
import type { BrokerState } from '../broker/index.ts';
import { MarginWatch } from '../broker/margin-watch.ts';
import type { ExchangeState } from '../perp/exchange.ts';
import { LiquidationWatch } from '../perp/liquidation-watch.ts';
import { positionIn } from '../perp/by-market.ts';
import { MARKET_IDS, type MarketId } from '../perp/market.ts';
import type { Position } from '../perp/position.ts';
import type { RunConfig } from './config.ts';
import { ExitWatch, exitLevels, venueSlot } from './exit-watch.ts';
import { HorizonBuckets } from './horizon-buckets.ts';
import type { RunState, Venue } from './run-state.ts';
import { VENUE } from './trader-codes.ts';

export interface RunEngine {
  readonly name: NonNullable<RunConfig['engine']>;
  /**
   * Trader i's perpetual position opened on `venue`, with its take-profit and stop-loss ROE (its draws): its
   * horizon and its take-profit and stop-loss levels.
   */
  perpOpened(
    run: RunState,
    i: number,
    venue: Venue,
    market: MarketId,
    position: Position,
    takeProfitRoe: number,
    stopLossRoe: number,
  ): void;
  /** A liquidation or ADL left trader i's position empty (the reference scan notices it next step anyway). */
  positionVanished(i: number): void;
  /**
   * Perpetual traders due to leave on a take-profit, a stop-loss or a vanished position, each confirmed by
   * `isDue` (the exact test), in the order they opened.
   */
  triggeredExits(run: RunState, isDue: (run: RunState, i: number) => boolean): readonly number[];
  /**
   * Calls `exit` for each trader whose horizon is this minute: perpetual traders first, in entry order. The
   * callbacks take the run, so a step passes a plain function, not a closure made each minute.
   */
  horizonExits(run: RunState, exit: (run: RunState, i: number) => void): void;
}

/** The engine a config names ('fast' by default), fitting the venues and the broker with its indices. */
export function createRunEngine(
  config: RunConfig,
  exchanges: readonly ExchangeState[],
  broker: BrokerState,
): RunEngine {
  return (config.engine ?? 'fast') === 'fast' ? new FastEngine(exchanges, broker) : new ReferenceEngine();
}

/** The oracle: every open trader tested every step. */
class ReferenceEngine implements RunEngine {
  readonly name = 'reference';
  /** Perpetual traders in the order they opened; those no longer open are dropped as the scans meet them. */
  readonly #opened = new Set<number>();

  perpOpened(_run: RunState, i: number): void {
    this.#opened.add(i);
  }
  positionVanished(): void {}

  triggeredExits(run: RunState, isDue: (run: RunState, i: number) => boolean): readonly number[] {
    const due: number[] = [];
    for (const i of this.#opened) {
      if (!run.openPerps[i]) this.#opened.delete(i);
      else if (isDue(run, i)) due.push(i);
    }
    return due;
  }

  horizonExits(run: RunState, exit: (run: RunState, i: number) => void): void {
    const p = run.population;
    for (const i of [...this.#opened]) if (run.openPerps[i] && p.exitMinute[i]! <= run.minute) exit(run, i);
    for (let c = 0; c < run.brokerTraderOf.length; c++) {
      const i = run.brokerTraderOf[c]!;
      if (p.exitMinute[i]! === run.minute) exit(run, i);
    }
  }
}

/** A position's take-profit and stop-loss levels on the mark, from its trader's draws. */
function levelsOf(position: Position, takeProfitRoe: number, stopLossRoe: number) {
  return exitLevels(position.size > 0, position.entryPrice, position.leverage, takeProfitRoe, stopLossRoe);
}

const NONE: readonly number[] = Object.freeze([]);

/** Places in the order traders opened, for sorting a long list (grown as needed, kept for the run). */
let places = new Float64Array(256);

/**
 * Sorts traders by the order they opened. A step finds a few at most, so an insertion sort, with no comparator
 * closure made each step; a long list (a crash, when a move crosses many levels) is sorted as the numbers of
 * its places by the typed array's own sort and mapped back to traders (a comparator called from the built-in
 * sort cost a cold 100,000-trader run 1%). Each trader has its own place, so any correct sort gives the same
 * list, a trader found twice twice in a row.
 */
export function byOpenSeq(traders: number[], openSeq: Float64Array, traderBySeq: Int32Array): void {
  const n = traders.length;
  if (n > 32) {
    if (places.length < n) places = new Float64Array(2 * n);
    for (let k = 0; k < n; k++) {
      const place = openSeq[traders[k]!]!;
      // A trader with no place of its own (never opened) is not expected here; the comparator keeps it exact.
      if (traderBySeq[place] !== traders[k]) {
        traders.sort((a, b) => openSeq[a]! - openSeq[b]!);
        return;
      }
      places[k] = place;
    }
    const sorted = places.subarray(0, n).sort();
    for (let k = 0; k < n; k++) traders[k] = traderBySeq[sorted[k]!]!;
    return;
  }
  for (let k = 1; k < traders.length; k++) {
    const trader = traders[k]!;
    const seq = openSeq[trader]!;
    let j = k - 1;
    while (j >= 0 && openSeq[traders[j]!]! > seq) {
      traders[j + 1] = traders[j]!;
      j--;
    }
    traders[j + 1] = trader;
  }
}

class FastEngine implements RunEngine {
  readonly name = 'fast';
  readonly #exitWatch = new ExitWatch();
  /** Traders by the minute their horizon ends (made at the first minute's exits, from the run's population). */
  #horizons: HorizonBuckets | null = null;
  /** Traders whose position disappeared in the last step (liquidated or deleveraged in full). */
  readonly #vanished = new Set<number>();

  constructor(exchanges: readonly ExchangeState[], broker: BrokerState) {
    for (const exchange of exchanges) exchange.watch = new LiquidationWatch(exchange);
    broker.watch = new MarginWatch();
  }

  perpOpened(
    _run: RunState,
    i: number,
    venue: Venue,
    market: MarketId,
    position: Position,
    takeProfitRoe: number,
    stopLossRoe: number,
  ): void {
    // Its horizon is in its bucket already (HorizonBuckets).
    this.#exitWatch.add(venue.name, market, i, levelsOf(position, takeProfitRoe, stopLossRoe));
  }

  positionVanished(i: number): void {
    this.#vanished.add(i);
  }

  /** The step's crossed levels and vanished positions, in a list kept from step to step. */
  readonly #found: number[] = [];

  #cross(venue: Venue | null): void {
    if (!venue) return;
    // The markets the venue lists (an unlisted one takes no orders, so no exit level sits there), by position
    // in the feed's arrays: no market or heap read by name each minute (issue 16).
    const { markets, slots } = venue.feed;
    const first = venueSlot(venue.name) * MARKET_IDS.length;
    for (let k = 0; k < markets.length; k++)
      this.#exitWatch.crossed(first + slots[k]!, markets[k]!.markPrice, this.#found);
  }

  triggeredExits(run: RunState, isDue: (run: RunState, i: number) => boolean): readonly number[] {
    const found = this.#found;
    if (found.length !== 0) found.length = 0; // setting a length costs ~30 ns even at 0
    if (this.#vanished.size !== 0) {
      for (const i of this.#vanished) found.push(i);
      this.#vanished.clear(); // clearing allocates a new table, even when empty
    }
    this.#cross(run.onshore);
    this.#cross(run.offshore);
    if (found.length === 0) return NONE; // the usual step: no level reached, nothing allocated
    const due: number[] = [];
    // In the order they opened (the reference scan's), each trader once.
    byOpenSeq(found, run.openSeq, run.traderBySeq);
    for (let k = 0; k < found.length; k++) {
      const i = found[k]!;
      if (k > 0 && found[k - 1] === i) continue;
      if (!run.openPerps[i]) continue;
      if (isDue(run, i)) due.push(i);
      else {
        // Reached the level only within rounding: back in the index, exactly as it was.
        const venue = run.venueOf[i] === VENUE.onshore ? run.onshore : run.offshore!;
        const market = MARKET_IDS[run.perpMarket[i]!]!;
        const position = positionIn(venue.exchange.accounts[run.accountOf[i]!]!.positions, market)!;
        const p = run.population;
        this.#exitWatch.add(
          venue.name,
          market,
          i,
          levelsOf(position, p.takeProfitRoe[i]!, p.stopLossRoe[i]!),
        );
      }
    }
    return due;
  }

  horizonExits(run: RunState, exit: (run: RunState, i: number) => void): void {
    // The minute's bucket, in the order traders entered (the reference scan's): perpetual traders still open
    // first, then broker clients (exitTrader passes over one already gone, as it did over a scheduled one).
    // Every trader in it entered before this minute (population.ts: an exit minute is past the entry minute).
    const buckets = (this.#horizons ??= new HorizonBuckets(
      run.population.exitMinute,
      run.entryOrder,
      run.path.minutes,
    ));
    const from = buckets.first(run.minute);
    const to = buckets.end(run.minute);
    if (from === to) return;
    for (let k = from; k < to; k++) {
      const i = buckets.trader(k);
      if (run.openPerps[i]) exit(run, i);
    }
    for (let k = from; k < to; k++) {
      const i = buckets.trader(k);
      if (run.venueOf[i] === VENUE.broker) exit(run, i);
    }
  }
}
