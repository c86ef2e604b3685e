/**
 * Measures of a price path, used to check each scenario against the sizes its sources report and to
 * summarise a path for a reader ("BTC fell 49% within 24 h").
 */
import { wholeNumber, check } from '../validation/index.ts';
import * as fdlibm from '../math/fdlibm.ts';

const AT_LEAST_1 = wholeNumber(1);
const AT_LEAST_2 = wholeNumber(2);
const AT_LEAST_3 = wholeNumber(3);

export interface Move {
  /** p[to] / p[from] − 1: negative for a fall, positive for a rise. */
  change: number;
  fromMinute: number;
  toMinute: number;
}

/** The deepest fall from a price to a later one at most `windowMinutes` after it (change 0 if none). */
export function largestFall(prices: ArrayLike<number>, windowMinutes: number): Move {
  return extremeMove(prices, windowMinutes, 'fall');
}

/** The largest rise from a price to a later one at most `windowMinutes` after it (change 0 if none). */
export function largestRise(prices: ArrayLike<number>, windowMinutes: number): Move {
  return extremeMove(prices, windowMinutes, 'rise');
}

/**
 * One pass with a monotonic queue of candidate start minutes (the span's running high for a fall, its
 * running low for a rise), so a week-long span costs the same as a 30-minute one.
 */
function extremeMove(prices: ArrayLike<number>, windowMinutes: number, kind: 'fall' | 'rise'): Move {
  check('windowMinutes', windowMinutes, AT_LEAST_1);
  check('number of prices', prices.length, AT_LEAST_2);
  const sign = kind === 'fall' ? 1 : -1;
  const queue = new Int32Array(prices.length);
  let head = 0;
  let tail = 0;
  let best: Move = { change: 0, fromMinute: 0, toMinute: 0 };
  let bestScore = 0;
  for (let j = 0; j < prices.length; j++) {
    const pj = prices[j] as number;
    while (head < tail && (queue[head] as number) < j - windowMinutes) head++;
    if (head < tail) {
      const i = queue[head] as number;
      const change = pj / (prices[i] as number) - 1;
      // Score: the size of the move in the direction asked for.
      const score = -sign * change;
      if (score > bestScore) {
        bestScore = score;
        best = { change, fromMinute: i, toMinute: j };
      }
    }
    while (head < tail && sign * ((prices[queue[tail - 1] as number] as number) - pj) <= 0) tail--;
    queue[tail++] = j;
  }
  return best;
}

/** Standard deviation of one-minute log returns, scaled to one day (× √1440). */
export function dailyVolatility(prices: ArrayLike<number>): number {
  const n = prices.length - 1;
  check('number of prices', prices.length, AT_LEAST_3);
  const returns = new Float64Array(n);
  for (let t = 1; t <= n; t++) returns[t - 1] = fdlibm.log((prices[t] as number) / (prices[t - 1] as number));
  // Two passes (mean, then squared deviations): no cancellation when every return is nearly the same.
  const mean = returns.reduce((a, r) => a + r, 0) / n;
  const squares = returns.reduce((a, r) => a + (r - mean) ** 2, 0);
  return Math.sqrt((squares / (n - 1)) * 1440);
}
