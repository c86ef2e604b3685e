/**
 * The market model behind the perpetual venue's seam: every taker order, voluntary or forced, trades against
 * finite depth. It fills at the traded price plus half the spread plus half its own impact, and leaves the
 * traded price moved by its full impact (a gap to the index that decays back through arbitrage, see
 * `decayGap`). Cascades emerge: liquidations push the traded price, the mark follows (fully for a
 * last-traded mark, smoothed and clamped for an index-anchored one), and more positions cross.
 *
 * Without the SFC's safeguards an affiliated market maker sees forced orders coming and trades ahead of them:
 * the liquidated trader fills worse, and the difference is the market maker's gain (it is the counterparty,
 * so no money is created; the gain is reported).
 */
import type { ExchangeState } from '../perp/exchange.ts';
import type { MarketSeam } from '../perp/market-seam.ts';
import { MARKET_IDS, MARKET_INDEX, type MarketId } from '../perp/market.ts';
import { sideSign } from '../perp/side.ts';
import { marketIn } from '../perp/by-market.ts';
import { frontRunsForcedFlow, type LiquiditySettings, type MarketMakerSwitches } from './liquidity.ts';
import { above, check } from '../validation/index.ts';
import { gapHalfLife, MARKET_DEPTH } from './venue-depth.ts';
import * as fdlibm from '../math/fdlibm.ts';

export { stressedDepthShare, STRESS_WINDOW_MINUTES } from './venue-depth.ts';

const DEPTH = above(0);

/** Per-market figures are typed arrays indexed by MARKET_INDEX (the step writes them every minute). */
export interface ImpactState {
  /** (traded − index) / index per market. */
  gap: Float64Array;
  /** Notional that moves BTC's traded price by 1%, in calm markets (other markets: × MARKET_DEPTH). */
  depthPerPercent: number;
  /** Share of that depth still quoted now: liquidity providers pull back when the index moves fast. */
  depthShare: Float64Array;
  /** Σ extra paid by forced orders to a market maker trading ahead of them (USD). */
  frontRunGain: number;
  /**
   * Where the book's mid sits against the index apart from forced-flow gaps (fraction of index): crowding and
   * the trend (see `quotedBasis`). Rebuilt every step; the traded price is index × (1 + gap + basis).
   */
  basis: Float64Array;
}

export function createImpactState(depthPerPercent: number): ImpactState {
  check('market depth in USD per 1% of price', depthPerPercent, DEPTH);
  const perMarket = (value: number) => new Float64Array(MARKET_IDS.length).fill(value);
  return {
    gap: perMarket(0),
    depthPerPercent,
    depthShare: perMarket(1),
    frontRunGain: 0,
    basis: perMarket(0),
  };
}

/**
 * Arbitrage: the gap halves every `gapHalfLifeMinutes` in a calm book, more slowly in a thin one (arbitrageurs
 * need depth to trade against; venue-depth.ts, an assumption).
 */
export function decayGap(impact: ImpactState, liquidity: LiquiditySettings, minutes: number): void {
  for (let k = 0; k < MARKET_IDS.length; k++) {
    const halfLife = gapHalfLife(liquidity.gapHalfLifeMinutes, impact.depthShare[k]!);
    impact.gap[k] = impact.gap[k]! * fdlibm.halfToThe(minutes / halfLife);
  }
}

/** Largest move a single order may cause, so a huge order in a thin book cannot drive a price to zero. */
export const MAX_IMPACT = 0.5;

/**
 * Assumption: the book thickens away from the index (bargain hunters and arbitrageurs quote deeper discounts):
 * at a distance d from the index it holds (1 + d / BOOK_THICKENING) times its depth near the index. A 10% gap
 * then takes six times the notional a flat book would need, a 50% gap 26 times. In a calm book an order walks
 * within a fraction of a percent, where the book is flat.
 */
export const BOOK_THICKENING = 0.02;

// BOOK_THICKENING written out in the two below (and MAX_IMPACT in walkAt): funding walks each listed market's
// book every minute, and V8 11.3 reads a module's constant from the module at every use, with a type check.
/** Cumulative notional (in units of the near-index depth per 1% × 100) that walks the book out to distance d. */
const walked = (d: number) => d + (d * d) / (2 * 0.02);
const distanceFor = (units: number) => 0.02 * (Math.sqrt(1 + (2 * units) / 0.02) - 1);

/**
 * How far an order of `notional` on side `s` (+1 buy, −1 sell) moves the traded price: it walks the book from
 * the current gap outward. Against the gap (buying below the index) it starts at the index.
 */
export function bookWalk(impact: ImpactState, marketId: MarketId, s: number, notional: number): number {
  return walkAt(impact, MARKET_INDEX[marketId], MARKET_DEPTH[marketId], s, notional);
}

/** bookWalk for the market at `k` (MARKET_INDEX) whose depth factor (MARKET_DEPTH) is `depthFactor`. */
function walkAt(impact: ImpactState, k: number, depthFactor: number, s: number, notional: number): number {
  // The market's factor last, so BTC's and ETH's (1) leave the product exactly as it was.
  const depth = impact.depthPerPercent * impact.depthShare[k]! * 100 * depthFactor;
  const from = Math.max(0, s * impact.gap[k]!);
  return Math.min(0.5, distanceFor(walked(from) + notional / depth) - from); // MAX_IMPACT
}

/**
 * The impact bid's and ask's distance from the traded price, as a fraction of it, for `notional`: the wider of
 * the two walks (selling and buying) plus half the spread.
 */
function impactAdverse(
  impact: ImpactState,
  liquidity: LiquiditySettings,
  marketId: MarketId,
  notional: number,
): number {
  // By name (perp/by-market.ts): funding asks for each listed market every minute, and these two keyed loads
  // under a changing name were megamorphic.
  const k = marketIn(MARKET_INDEX, marketId);
  const depthFactor = marketIn(MARKET_DEPTH, marketId);
  const down = walkAt(impact, k, depthFactor, -1, notional);
  // With no gap both walks start at the index and are the same number: funding asks every minute, and a
  // book without forced flow has no gap.
  const move = impact.gap[k] === 0 ? down : Math.max(down, walkAt(impact, k, depthFactor, 1, notional));
  return liquidity.halfSpread + move / 2;
}

/**
 * Assumptions (model.md "Funding"): the book's mid leans away from the index in two ways the premium index, and
 * so funding, reads.
 * - Crowding: the liquidity provider holds the other side of the traders' net position and quotes away from
 *   it: a book all on one side trades CROWDING_PREMIUM above (longs) or below (shorts) the index.
 * - Trend: perpetuals trade at a premium in rallies and below the index after falls (guardrails §3: after each
 *   crash in the episodes table perpetuals traded below index and funding turned negative on 8-hour venues):
 *   TREND_PREMIUM × the index's move over the last TREND_WINDOW_MINUTES.
 * No published figure gives either size; they keep calm-market funding within a few basis points of the 0.01%
 * interest rate and let a 15% fall push the 8-hour rate to about −0.1%.
 */
export const CROWDING_PREMIUM = 0.002;
export const TREND_PREMIUM = 0.03;
export const TREND_WINDOW_MINUTES = 8 * 60;

/**
 * The basis for one market: `crowding` is the traders' net position as a share of open interest (−1 all
 * short … +1 all long); `trend` the index's relative move over the trend window.
 */
export function quotedBasis(crowding: number, trend: number): number {
  // CROWDING_PREMIUM and TREND_PREMIUM written out (a quote asks every minute and market; see walked).
  return 0.002 * crowding + 0.03 * trend;
}

/** The traders' net position as a share of open interest: what the liquidity provider holds, reversed. */
export function crowdingOf(state: ExchangeState, marketId: MarketId): number {
  const market = state.markets[marketId];
  const held = state.accounts[state.liquidityProvider]?.positions[marketId]?.size ?? 0;
  return crowdingFrom(held, market.longOpenInterest);
}

/** crowdingOf from the provider's position (`held`, signed coins) and the market's long open interest. */
export function crowdingFrom(held: number, longOpenInterest: number): number {
  return longOpenInterest > 1e-12 ? Math.max(-1, Math.min(1, -held / longOpenInterest)) : 0;
}

export function impactSeam(
  impact: ImpactState,
  liquidity: LiquiditySettings,
  maker: MarketMakerSwitches,
): MarketSeam {
  const frontRun = frontRunsForcedFlow(maker);
  return {
    fillPrice(state: ExchangeState, marketId: MarketId, side, qty, purpose) {
      // The market named (perp/by-market.ts): by a changing name these loads were megamorphic, two a fill.
      const market = marketIn(state.markets, marketId);
      const s = sideSign(side);
      const price = market.tradedPrice;
      // Forced flow hits the book at once; traders' own orders are worked patiently and pay the spread only.
      const move = purpose === 'order' ? 0 : bookWalk(impact, marketId, s, qty * price);
      let adverse = liquidity.halfSpread + move / 2;
      if (purpose === 'liquidation' && frontRun) {
        const extra = move * liquidity.frontRunShareOfImpact;
        adverse += extra;
        impact.frontRunGain += qty * price * extra;
      }
      const k = marketIn(MARKET_INDEX, marketId);
      impact.gap[k] = Math.max(-0.95, impact.gap[k]! + s * move);
      market.tradedPrice = market.indexPrice * (1 + impact.gap[k]! + impact.basis[k]!);
      return price * (1 + s * adverse);
    },
    impactPrices(state: ExchangeState, marketId: MarketId, notional: number) {
      const mid = state.markets[marketId].tradedPrice;
      const adverse = impactAdverse(impact, liquidity, marketId, notional);
      return { bid: mid * (1 - adverse), ask: mid * (1 + adverse) };
    },
    impactSpread(_state: ExchangeState, marketId: MarketId, notional: number) {
      return impactAdverse(impact, liquidity, marketId, notional);
    },
  };
}
