import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dailyVolatility, largestFall, largestRise } from './path-stats.ts';

/** The O(n·w) definition the one-pass version must match. */
function bruteForce(prices: number[], w: number, kind: 'fall' | 'rise'): number {
  let best = 0;
  for (let i = 0; i < prices.length; i++) {
    for (let j = i + 1; j <= Math.min(prices.length - 1, i + w); j++) {
      const change = (prices[j] as number) / (prices[i] as number) - 1;
      best = kind === 'fall' ? Math.min(best, change) : Math.max(best, change);
    }
  }
  return best;
}

describe('largestFall / largestRise', () => {
  it('finds the fall and the rise within the window, and their minutes', () => {
    const prices = [100, 110, 90, 95, 50, 80];
    expect(largestFall(prices, 10)).toEqual({ change: 50 / 110 - 1, fromMinute: 1, toMinute: 4 });
    expect(largestFall(prices, 1)).toEqual({ change: 50 / 95 - 1, fromMinute: 3, toMinute: 4 });
    expect(largestRise(prices, 10)).toEqual({ change: 80 / 50 - 1, fromMinute: 4, toMinute: 5 });
  });

  it('matches the brute-force definition on random paths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (prices, w) => {
          expect(largestFall(prices, w).change).toBeCloseTo(bruteForce(prices, w, 'fall'), 12);
          expect(largestRise(prices, w).change).toBeCloseTo(bruteForce(prices, w, 'rise'), 12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports no move (change 0) when prices only go the other way', () => {
    expect(largestFall([1, 2, 3], 5)).toEqual({ change: 0, fromMinute: 0, toMinute: 0 });
    expect(largestRise([3, 2, 1], 5)).toEqual({ change: 0, fromMinute: 0, toMinute: 0 });
  });

  it('refuses a window that is not a whole number ≥ 1', () => {
    expect(() => largestFall([1, 2], 0)).toThrow('windowMinutes must be a whole number ≥ 1 (got 0)');
  });
});

describe('dailyVolatility', () => {
  it('is 0 for a constant-growth path and scales per-minute swings by √1440', () => {
    expect(dailyVolatility([1, 2, 4, 8])).toBeCloseTo(0, 12);
    const zigzag = Array.from({ length: 1001 }, (_, t) => (t % 2 === 0 ? 100 : 101));
    const r = Math.log(1.01);
    expect(dailyVolatility(zigzag)).toBeCloseTo(r * Math.sqrt(1440) * Math.sqrt(1000 / 999), 9);
  });
});
