/**
 * A venue's prices for the minute (step-run.ts): each listed market's depth share, arbitrage on its gap, its
 * basis and its quote (index, traded price, the minute's low and high). Everything a step reads by market is
 * resolved once, when the run is made, into arrays in the order of `exchange.listed`: the step reads them by
 * position, where looking each market up by name (its series, its extremes, its quote, four times a market)
 * was most of the step's own time (issue 16). The arithmetic is that of `stressedDepthShare`, `decayGap`,
 * `quotedBasis`, `crowdingOf` and `extremesAt`, operation for operation, so every price keeps its bits.
 */
import type { Account, ExchangeState } from '../perp/exchange.ts';
import { MARKET_INDEX, type MarketId, type MarketState } from '../perp/market.ts';
import type { MarketQuote } from '../perp/step.ts';
import {
  crowdingFrom,
  quotedBasis,
  stressedDepthShare,
  STRESS_WINDOW_MINUTES,
  TREND_WINDOW_MINUTES,
  type ImpactState,
} from '../market/impact-seam.ts';
import type { IntraMinuteExtremes } from '../market/intra-minute.ts';
import { gapKeep, pathTables } from '../market/path-tables.ts';
import type { LiquiditySettings } from '../market/liquidity.ts';

export interface VenueFeed {
  /** The markets the venue lists (exchange.listed), in that order; every array below follows it. */
  ids: readonly MarketId[];
  /** Each one's MARKET_INDEX: its place in the impact state's per-market arrays. */
  slots: Int32Array;
  series: Float64Array[];
  lowDepth: Float32Array[];
  highDepth: Float32Array[];
  markets: MarketState[];
  /** The venue's quote objects (venue.quotes), which stepExchange reads by market. */
  quotes: MarketQuote[];
  /** The venue, whose liquidity provider's position is the traders' net position reversed (crowding). */
  exchange: ExchangeState;
  /**
   * Per market position, each minute's depth share (`stressedDepthShare` of the index now and
   * STRESS_WINDOW_MINUTES before) and arbitrage's factor on the gap at that share (NaN until first asked), for
   * the calm half-life `calm`: both follow from the index series alone, so runs on the same path share them
   * (path-tables.ts).
   */
  shares: (Float64Array | null)[];
  keeps: (Float64Array | null)[];
  calm: number;
  /**
   * Whether the feed reads the per-path tables; without them (a path too long to keep, or `usesTables` false)
   * each minute's share is worked out as it comes and the factor is taken again when the share changed.
   */
  usesTables: boolean;
  /** Per market position, the share and factor last taken without a table (NaN: none yet). */
  lastShare: Float64Array;
  lastKeep: Float64Array;
}

export function createVenueFeed(
  ids: readonly MarketId[],
  series: (id: MarketId) => Float64Array,
  extremes: Partial<Record<MarketId, IntraMinuteExtremes>>,
  markets: Record<MarketId, MarketState>,
  quotes: Record<MarketId, MarketQuote>,
  exchange: ExchangeState,
): VenueFeed {
  const extremesOf = (id: MarketId) => {
    const found = extremes[id];
    if (!found) throw new RangeError(`no intra-minute extremes drawn for ${id}, a market the venue lists`);
    return found;
  };
  return {
    ids,
    slots: Int32Array.from(ids, (id) => MARKET_INDEX[id]),
    series: ids.map(series),
    lowDepth: ids.map((id) => extremesOf(id).lowDepth),
    highDepth: ids.map((id) => extremesOf(id).highDepth),
    markets: ids.map((id) => markets[id]),
    quotes: ids.map((id) => quotes[id]),
    exchange,
    shares: [],
    keeps: [],
    calm: NaN, // tables bound at the first minute, with the venue's liquidity
    usesTables: true,
    lastShare: new Float64Array(ids.length),
    lastKeep: new Float64Array(ids.length),
  };
}

/** The feed's per-minute tables for the calm half-life `calm` (path-tables.ts), where it uses them. */
function bindTables(feed: VenueFeed, calm: number): void {
  const tables = feed.series.map((series) => (feed.usesTables ? pathTables(series, calm) : null));
  feed.shares = tables.map((t) => t?.shares ?? null);
  feed.keeps = tables.map((t) => t?.keeps ?? null);
  feed.lastShare.fill(NaN);
  feed.calm = calm;
}

/** Arbitrage's factor on the gap of the market at position `k` this minute (`share`: its depth share). */
function keepAt(feed: VenueFeed, k: number, minute: number, calm: number, share: number): number {
  const keeps = feed.keeps[k]!;
  if (keeps !== null) {
    let keep = keeps[minute]!;
    if (keep !== keep) keeps[minute] = keep = gapKeep(calm, share);
    return keep;
  }
  // The same share gives the same bits: taken again only when it changed (at its floor through a crash).
  if (share !== feed.lastShare[k]) {
    feed.lastShare[k] = share;
    feed.lastKeep[k] = gapKeep(calm, share);
  }
  return feed.lastKeep[k]!;
}

/**
 * The minute's quotes of every listed market at `minute` (≥ 1). A market the venue does not list has no book
 * and takes no orders, so its gap stays 0 and arbitrage has nothing to decay there.
 */
export function quoteMinute(
  feed: VenueFeed,
  impact: ImpactState,
  liquidity: LiquiditySettings,
  minute: number,
): void {
  const trendFrom = Math.max(0, minute - TREND_WINDOW_MINUTES);
  const { gap, basis, depthShare } = impact;
  const { exchange } = feed;
  const positions = exchange.accounts[exchange.liquidityProvider]?.positions;
  const calm = liquidity.gapHalfLifeMinutes;
  if (calm !== feed.calm) bindTables(feed, calm);
  // The feed's arrays read once a minute, not once a market.
  const { ids, slots, markets, quotes, lowDepth, highDepth } = feed;
  const allSeries = feed.series;
  const allShares = feed.shares;
  for (let k = 0; k < ids.length; k++) {
    const slot = slots[k]!;
    const series = allSeries[k]!;
    const index = series[minute]!;
    // stressedDepthShare(index, series[before]), from the path's table where there is one.
    const shares = allShares[k]!;
    const share =
      shares !== null
        ? shares[minute]!
        : stressedDepthShare(index, series[Math.max(0, minute - STRESS_WINDOW_MINUTES)]!);
    depthShare[slot] = share;
    // decayGap's step for this market; a gap of 0 stays 0, so its power is not taken.
    let g = gap[slot]!;
    if (g !== 0) gap[slot] = g *= keepAt(feed, k, minute, calm, share);
    const b = quotedBasis(
      crowdingFrom(providerSize(positions, ids[k]!), markets[k]!.longOpenInterest),
      index / series[trendFrom]! - 1,
    );
    basis[slot] = b;
    const quote = quotes[k]!;
    quote.index = index;
    quote.traded = index * (1 + g + b);
    // The minute's worst prints, where liquidations are checked before the close (market/intra-minute.ts).
    const open = series[minute - 1]!;
    quote.low = Math.min(open, index) * (1 - lowDepth[k]![minute]!);
    quote.high = Math.max(open, index) * (1 + highDepth[k]![minute]!);
  }
}

/**
 * The liquidity provider's signed size in a market (0 without a position), each market read by its own name:
 * the same read by a computed name went through the engine's slowest property lookup, most of a quiet minute's
 * quote.
 */
function providerSize(positions: Account['positions'] | undefined, id: MarketId): number {
  if (positions === undefined) return 0;
  const position = id === 'BTC' ? positions.BTC : id === 'ETH' ? positions.ETH : positions.ALT;
  // Not `position?.size ?? 0`: a size or undefined, then tested for undefined, was a new heap number a minute.
  return position === undefined ? 0 : position.size;
}
