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
import { fillFloats, type PrngState } from '../prng.ts';
import * as fdlibm from '../math/fdlibm.ts';

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

/**
 * Minutes worked out at a time (issue 16). Each chunk draws its uniforms in bulk (prng.ts fillFloats), takes
 * the logarithms in passes of their own (the uniforms', then the index's), then the roots, then the
 * exponentials in a last pass: the same calls on the same values as minute by minute, and the stream left where
 * minute-by-minute draws leave it (intra-minute.test.ts checks both). A pass of one kind of call keeps few
 * numbers live across each call. The classroom path's three markets, one process, medians of 21 blocks
 * (2026-12-07): 263–265 µs minute by minute, 224–225 with the bulk draws and log passes, 206–208 with the
 * exponentials' pass as well.
 */
const CHUNK_MINUTES = 1024;
/**
 * The chunk's two uniforms a minute (u1 then u2), drawn in bulk; then their logarithms in place; then the
 * exponents of the low and the high.
 */
const logUniforms = new Float64Array(2 * CHUNK_MINUTES);
/** The chunk's log index prices. */
const logPrices = new Float64Array(CHUNK_MINUTES);
/** The last VOL_WINDOW_MINUTES squared log returns, at minute & RING_MASK (a power of two above the window). */
const RING_MASK = 15;
const squares = new Float64Array(RING_MASK + 1);

/**
 * `logSeries`, when given, holds ln of each price of `series` (a historical path's BTC: bridge-path.ts took them
 * already), read instead of taken again.
 */
export function intraMinuteExtremes(
  series: ArrayLike<number>,
  prng: PrngState,
  logSeries?: Float64Array,
): IntraMinuteExtremes {
  const n = series.length;
  // The module's arrays and constants in locals: V8 11.3 reads a module's binding from the module, with a type
  // check, at every use in the minute's loop (issue 16).
  const uniforms = logUniforms;
  const logs = logPrices;
  const ring = squares;
  const volWindow = VOL_WINDOW_MINUTES;
  const mask = RING_MASK;
  const lowDepth = new Float32Array(n);
  const highDepth = new Float32Array(n);
  ring.fill(0);
  let sum = 0;
  // Each minute's log close is the next minute's log open: taken once (log gives the same bits either way).
  let b = n === 0 ? 0 : logSeries ? logSeries[0]! : fdlibm.log(series[0]!);
  for (let from = 1; from < n; from += CHUNK_MINUTES) {
    const minutes = Math.min(CHUNK_MINUTES, n - from);
    fillFloats(prng, uniforms, 0, 2 * minutes);
    for (let j = 0; j < 2 * minutes; j++) uniforms[j] = 1 - uniforms[j]!; // (0, 1]
    fdlibm.logsInPlace(uniforms, 0, 2 * minutes);
    if (logSeries) logs.set(logSeries.subarray(from, from + minutes));
    else {
      for (let j = 0; j < minutes; j++) logs[j] = series[from + j]!;
      fdlibm.logsInPlace(logs, 0, minutes);
    }
    for (let j = 0; j < minutes; j++) {
      const t = from + j;
      const a = b;
      b = logs[j]!;
      const square = (b - a) * (b - a);
      ring[t & mask] = square;
      sum += square;
      if (t > volWindow) sum -= ring[(t - volWindow) & mask]!;
      const variance = Math.max(0, sum) / Math.min(t, volWindow);
      const spread = (b - a) * (b - a);
      const low = (a + b - Math.sqrt(spread - 2 * variance * uniforms[2 * j]!)) / 2;
      const high = (a + b + Math.sqrt(spread - 2 * variance * uniforms[2 * j + 1]!)) / 2;
      // The exponents, taken in a pass of their own below (in the uniforms' slots, read by now).
      uniforms[2 * j] = low - Math.min(a, b);
      uniforms[2 * j + 1] = high - Math.max(a, b);
    }
    fdlibm.expsInPlace(uniforms, 0, 2 * minutes);
    for (let j = 0; j < minutes; j++) {
      lowDepth[from + j] = 1 - uniforms[2 * j]!;
      highDepth[from + j] = uniforms[2 * j + 1]! - 1;
    }
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
