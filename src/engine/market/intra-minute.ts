/**
 * The minute's extreme prints (model.md "Crashes"). The index path has one price a minute; within the minute
 * the index wanders, and venues liquidate on the worst print, not on the close. Each minute's low and high
 * are drawn once, in createRun, from the run's seeded stream: the extremes of a Brownian bridge from the
 * minute's open to its close, with the volatility the path itself shows over the last VOL_WINDOW_MINUTES (the
 * realised volatility of its one-minute log returns). An assumption of this simulator: the
 * sources give daily and hourly lows, not a model of the minute.
 *
 * For a bridge from a to b (log prices) with variance σ² over the minute, P(min < m) = exp(−2(a−m)(b−m)/σ²)
 * for m ≤ min(a, b), so m = (a + b − √((b−a)² − 2σ² ln U)) / 2 for U uniform in (0, 1]; the maximum mirrors it.
 */
import { nextFloat, type PrngState } from '../prng.ts';

/** Assumption: the window over which the path's own one-minute volatility is measured. */
export const VOL_WINDOW_MINUTES = 15;

/**
 * Per minute t ≥ 1, how far the minute's low lies below min(open, close) and its high above max(open, close),
 * as fractions of that price (element 0 is 0). Float32: the fractions are small and a long run keeps four.
 */
export interface IntraMinuteExtremes {
  lowDepth: Float32Array;
  highDepth: Float32Array;
}

export function intraMinuteExtremes(series: ArrayLike<number>, prng: PrngState): IntraMinuteExtremes {
  const n = series.length;
  const lowDepth = new Float32Array(n);
  const highDepth = new Float32Array(n);
  const squares = new Float64Array(n);
  let sum = 0;
  // Each minute's log close is the next minute's log open: taken once (Math.log gives the same bits either way).
  let b = n > 0 ? Math.log(series[0]!) : 0;
  for (let t = 1; t < n; t++) {
    const a = b;
    b = Math.log(series[t]!);
    squares[t] = (b - a) * (b - a);
    sum += squares[t]!;
    if (t > VOL_WINDOW_MINUTES) sum -= squares[t - VOL_WINDOW_MINUTES]!;
    const variance = Math.max(0, sum) / Math.min(t, VOL_WINDOW_MINUTES);
    const spread = (b - a) * (b - a);
    const u1 = 1 - nextFloat(prng); // (0, 1]
    const u2 = 1 - nextFloat(prng);
    const low = (a + b - Math.sqrt(spread - 2 * variance * Math.log(u1))) / 2;
    const high = (a + b + Math.sqrt(spread - 2 * variance * Math.log(u2))) / 2;
    lowDepth[t] = 1 - Math.exp(low - Math.min(a, b));
    highDepth[t] = Math.exp(high - Math.max(a, b)) - 1;
  }
  return { lowDepth, highDepth };
}

/** The minute's low and high index prints from its open, close and drawn depths. */
export function extremesAt(
  extremes: IntraMinuteExtremes,
  minute: number,
  open: number,
  close: number,
): { low: number; high: number } {
  return {
    low: Math.min(open, close) * (1 - extremes.lowDepth[minute]!),
    high: Math.max(open, close) * (1 + extremes.highDepth[minute]!),
  };
}
