/**
 * A historical episode's minute path: through every anchor exactly, in log price, with seeded noise between
 * anchors (a Brownian bridge on each segment, so both ends are hit whatever the draws).
 */
import type { PrngState } from '../prng.ts';
import { altFromAnchors, altFromBtc, logsOf } from './alt-path.ts';
import { checkAnchors, type Anchor } from './anchors.ts';
import { BTC_ETH_CORRELATION, checkCorrelation, fillCorrelatedNormals } from './correlated-normals.ts';
import type { IndexPath } from './types.ts';
import * as fdlibm from '../math/fdlibm.ts';

export interface BridgeNoise {
  /** Noise per √minute (log price) on a segment that barely moves. */
  floorPerSqrtMinute: { btc: number; eth: number };
  /** Added noise per √minute for each unit of the segment's absolute log return per hour. */
  perHourlyMove: number;
  /** Correlation of the BTC and ETH minute shocks. */
  rho: number;
  /**
   * Reflect the noise back inside [lowest anchor, highest anchor] of each asset, so the sourced low (and the
   * opening high) stays the episode's extreme instead of being overshot by a random minute.
   */
  boundToAnchorRange: boolean;
}

/**
 * [DEFAULT] Floors ≈ 4.6%/day (BTC) and 5.7%/day (ETH) of background noise in a crisis week: a choice, not a
 * measurement. `perHourlyMove` 0.025 makes the noise grow with the speed of the move: on Black Thursday's
 * first leg (−25% in an hour) BTC noise is ≈ 0.74% per √minute against a drift of ≈ −0.41% per minute, so
 * minutes chop up and down but every ten minutes read as a fall (−4.1% drift against ≈ 2.3% noise).
 */
export const DEFAULT_BRIDGE_NOISE: BridgeNoise = {
  floorPerSqrtMinute: { btc: 0.0012, eth: 0.0015 },
  perHourlyMove: 0.025,
  rho: BTC_ETH_CORRELATION,
  boundToAnchorRange: true,
};

/** Noise per √minute of one asset on one segment: floor plus a share of the segment's speed. */
export function segmentVolatility(
  logFrom: number,
  logTo: number,
  minutes: number,
  floor: number,
  perHourlyMove: number,
): number {
  return floor + (perHourlyMove * Math.abs(logTo - logFrom)) / (minutes / 60);
}

/** Advances `prng`; the same anchors and PRNG state give the same path. */
export function bridgePath(
  anchors: readonly Anchor[],
  prng: PrngState,
  noise: BridgeNoise = DEFAULT_BRIDGE_NOISE,
): IndexPath {
  const minutes = anchors[anchors.length - 1]?.minute ?? 0;
  checkAnchors(anchors, minutes);
  checkCorrelation(noise.rho);
  const btc = new Float64Array(minutes + 1);
  const eth = new Float64Array(minutes + 1);
  for (let k = 1; k < anchors.length; k++) {
    const from = anchors[k - 1] as Anchor;
    const to = anchors[k] as Anchor;
    const n = to.minute - from.minute;
    const [la, lb] = [fdlibm.log(from.btc), fdlibm.log(to.btc)];
    const [ea, eb] = [fdlibm.log(from.eth), fdlibm.log(to.eth)];
    const sb = segmentVolatility(la, lb, n, noise.floorPerSqrtMinute.btc, noise.perHourlyMove);
    const se = segmentVolatility(ea, eb, n, noise.floorPerSqrtMinute.eth, noise.perHourlyMove);
    // First pass: the free random walk, parked in the output arrays (its shocks drawn there first, in bulk:
    // issue 16, the classroom episode's path 163–173 → 143–146 µs).
    fillCorrelatedNormals(prng, noise.rho, btc, eth, from.minute + 1, to.minute + 1);
    let wb = 0;
    let we = 0;
    for (let t = from.minute + 1; t <= to.minute; t++) {
      wb += sb * btc[t]!;
      we += se * eth[t]!;
      btc[t] = wb;
      eth[t] = we;
    }
    // Second pass: pin the walk to 0 at both ends (W_i − (i/n)·W_n) and add the straight line in log price.
    const endB = btc[to.minute] as number;
    const endE = eth[to.minute] as number;
    for (let i = 1; i < n; i++) {
      const f = i / n;
      const t = from.minute + i;
      // The exponents, taken in a pass below (issue 16: fdlibm.ts's passes inline its exp).
      btc[t] = la + (lb - la) * f + (btc[t] as number) - f * endB;
      eth[t] = ea + (eb - ea) * f + (eth[t] as number) - f * endE;
    }
    fdlibm.expsInPlace(btc, from.minute + 1, to.minute);
    fdlibm.expsInPlace(eth, from.minute + 1, to.minute);
  }
  for (const a of anchors) {
    btc[a.minute] = a.btc;
    eth[a.minute] = a.eth;
  }
  if (noise.boundToAnchorRange) {
    boundTo(
      btc,
      anchors.map((a) => a.btc),
    );
    boundTo(
      eth,
      anchors.map((a) => a.eth),
    );
  }
  // BTC's logarithms, taken once for ALT's line and BTC's intra-minute extremes (issue 16).
  const logBtc = logsOf(btc);
  const alt = anchors.every((a) => a.alt !== undefined) ? altFromAnchors(anchors, logBtc) : altFromBtc(btc);
  return { stepMinutes: 1, minutes, btc, eth, alt, logBtc };
}

/** Reflects in log price at the lowest and highest anchor (lo²/p, hi²/p), then clamps as a last guard. */
function boundTo(prices: Float64Array, anchorPrices: readonly number[]): void {
  const lo = Math.min(...anchorPrices);
  const hi = Math.max(...anchorPrices);
  for (let t = 0; t < prices.length; t++) {
    let p = prices[t] as number;
    if (p < lo) p = (lo * lo) / p;
    else if (p > hi) p = (hi * hi) / p;
    prices[t] = Math.min(hi, Math.max(lo, p));
  }
}
