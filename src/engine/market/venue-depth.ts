/**
 * Each venue's order book: how deep it is in calm markets, how much of it is pulled when the index moves fast,
 * and how fast arbitrage refills it (model.md "Crashes").
 *
 * Sources: guardrails §3 — BTC depth within 2% of mid on the largest venue is "of the order of tens of millions
 * of USD in calm markets" (L), and on 10 Oct 2025 book depth fell by about 98% (L–M). Everything else here is
 * an assumption of this simulator, labelled so:
 * - depth is read relative to the simulated traders' deposits (liquidity.ts), so a class of 200 and an
 *   analyst's 100,000 see the same dynamics; the venues differ only by the multipliers below;
 * - a venue's book thins with the index's 15-minute move, quadratically, so calm minutes keep almost all of it
 *   and a 10% move in 15 minutes leaves 2% of it (the −98% of 10 Oct 2025);
 * - arbitrage is slower when the book is thin: the gap's half-life grows as 1 / √(depth share).
 */
import type { MarketId } from '../perp/market.ts';
import type { RegimeId } from '../regimes/types.ts';

/**
 * Assumption: calm depth relative to the largest venue (the offshore exchange, Binance-style, the "largest
 * venue" of guardrails §3). The on-chain venue's book is taken as a quarter as deep (Hyperliquid's BTC book is
 * smaller than Binance's; no figure in the sources; at half, on-chain ADL on 10 Oct 2025 came up in 7 of seeds
 * 1–20 at 200 traders instead of 12, at an eighth in 18), a Hong Kong licensed platform's as a quarter (a new, onshore-only venue;
 * no figure), the regulated retail venues as a quarter too.
 */
const VENUE_DEPTH: Partial<Record<RegimeId, number>> = {
  'offshore-cex': 1,
  'onchain-perp-dex': 0.25,
  'hk-sfc-2026': 0.25,
  'hk-sfc-2026-securities-only': 0.25,
  'eu-esma-retail': 0.25,
  'jp-fsa-retail': 0.25,
  'us-cftc': 0.25,
};

/** The venue's calm depth as a multiple of the base liquidity's; a custom rule set reads its base preset's. */
export function venueDepthMultiplier(regimeId: RegimeId, basePreset?: RegimeId): number {
  return VENUE_DEPTH[regimeId] ?? (basePreset ? VENUE_DEPTH[basePreset] : undefined) ?? 1;
}

/**
 * Assumption: each market's calm depth relative to BTC's on the same venue. guardrails §3 gives BTC's depth only
 * ("tens of millions of USD within 2% on the largest venue", L) and calls ALT "a high-beta, thin perp"; no
 * source gives an altcoin's depth, so ALT's book is taken as a tenth of BTC's. ETH's is taken as BTC's (no
 * figure either; it keeps the two majors alike, as before ALT was added).
 */
export const MARKET_DEPTH: Readonly<Record<MarketId, number>> = { BTC: 1, ETH: 1, ALT: 0.1 };

/** Assumption: a 10% move of the index in 15 minutes leaves 2% of the book (guardrails §3: −98%). */
export const STRESS_WINDOW_MINUTES = 15;
const STRESS_REFERENCE_MOVE = 0.1;
const STRESS_REFERENCE_SHARE = 0.02;
/** depth share = 1 / (1 + k × (move / 1%)²), k fixed by the reference point above (k = 0.49). */
export const DEPTH_STRESS_PER_PERCENT_SQUARED =
  (1 / STRESS_REFERENCE_SHARE - 1) / (STRESS_REFERENCE_MOVE / 0.01) ** 2;

/**
 * Share of the calm book still quoted after the index moved from `indexBefore` (15 minutes ago) to `indexNow`.
 * A 1% move leaves 67%, 3% leaves 18%, 10% or more leaves 2%.
 */
export function stressedDepthShare(indexNow: number, indexBefore: number): number {
  const movePercent = Math.abs(indexNow / indexBefore - 1) / 0.01;
  const share = 1 / (1 + DEPTH_STRESS_PER_PERCENT_SQUARED * movePercent * movePercent);
  // Faster moves leave no less: −98% is the deepest fall the sources record, and some quotes always remain.
  return Math.max(STRESS_REFERENCE_SHARE, share);
}

/** Assumption: the longest the gap's half-life gets however thin the book (minutes). */
/**
 * shares[t] ← stressedDepthShare(series[t], series[max(0, t − STRESS_WINDOW_MINUTES)]) for t ≥ 1 (path-tables.ts),
 * the module's constants read once into locals rather than at every minute (V8 11.3 reads a module's constant
 * from the module at every use, with a type check): the same arithmetic, the same bits.
 */
export function stressedDepthShares(series: Float64Array, shares: Float64Array): void {
  const stressWindow = STRESS_WINDOW_MINUTES;
  const stress = DEPTH_STRESS_PER_PERCENT_SQUARED;
  const floor = STRESS_REFERENCE_SHARE;
  for (let t = 1; t < series.length; t++) {
    const movePercent = Math.abs(series[t]! / series[Math.max(0, t - stressWindow)]! - 1) / 0.01;
    shares[t] = Math.max(floor, 1 / (1 + stress * movePercent * movePercent));
  }
}

export const MAX_GAP_HALF_LIFE_MINUTES = 60;

/** The gap's half-life for a book at `depthShare` of its calm depth: calm half-life / √share, capped. */
export function gapHalfLife(calmHalfLifeMinutes: number, depthShare: number): number {
  return Math.min(MAX_GAP_HALF_LIFE_MINUTES, calmHalfLifeMinutes / Math.sqrt(Math.max(depthShare, 1e-6)));
}
