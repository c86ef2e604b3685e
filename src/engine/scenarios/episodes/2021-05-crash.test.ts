import { describe, expect, it } from 'vitest';
import { generateIndexPath } from '../catalogue.ts';
import { largestFall, largestRise } from '../path-stats.ts';

const paths = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => generateIndexPath('2021-05-crash', { seed }));
const DAY = 1440;
/** Minutes after 00:00 UTC on 19 May 2021. */
const utc = (hours: number, minutes = 0) => hours * 60 + minutes;

describe('2021-05-crash (guardrails.md §3 and the dated reports cited in the episode file)', () => {
  it('BTC falls 26%–31% intraday to its ~30,000 low at 13:30 UTC (§3 row: ~42,000 → ~30,000)', () => {
    for (const p of paths) {
      const fall = largestFall(p.btc, DAY);
      expect(fall.change).toBeGreaterThanOrEqual(-0.31);
      expect(fall.change).toBeLessThanOrEqual(-0.26);
      expect(p.btc[fall.toMinute]).toBe(30_000);
      expect(fall.toMinute).toBe(utc(13, 30));
    }
  });

  it('BTC is back near the morning level (~39,700) by 16:00 UTC, within 3 h of the low', () => {
    for (const p of paths) {
      const rise = largestRise(p.btc.subarray(utc(13, 30), utc(16) + 1), 3 * 60);
      expect(rise.change).toBeGreaterThanOrEqual(0.3);
      expect(p.btc[utc(16)]).toBeCloseTo(39_700, 0);
    }
  });

  it('BTC never regains 42,000 after the low (it did only on 20 May) and trades ~38,400 at 21:00 UTC', () => {
    for (const p of paths) {
      expect(Math.max(...p.btc.subarray(utc(13, 30)))).toBeLessThan(42_000);
      expect(p.btc[utc(21)]).toBeCloseTo(38_400, 0);
    }
  });

  it('BTC closes the day near 37,000 (daily close ≈ 37.0k), about 12% below its open', () => {
    for (const p of paths) {
      const close = p.btc[DAY] as number;
      expect(close).toBeGreaterThanOrEqual(36_500);
      expect(close).toBeLessThanOrEqual(37_500);
      expect(close / (p.btc[0] as number) - 1).toBeLessThan(-0.1);
    }
  });

  it('ETH falls 38%–46% to $1,888 at 13:30 UTC and recovers to ~2,900 (§3 row: ~3,200 → 1,888 → ~2,900)', () => {
    for (const p of paths) {
      const fall = largestFall(p.eth, DAY);
      expect(fall.change).toBeGreaterThanOrEqual(-0.46);
      expect(fall.change).toBeLessThanOrEqual(-0.38);
      expect(p.eth[fall.toMinute]).toBe(1_888);
      expect(fall.toMinute).toBe(utc(13, 30));
      expect(Math.max(...p.eth.subarray(fall.toMinute))).toBeGreaterThanOrEqual(2_900);
    }
  });

  it('ETH closes between 2,430 and 2,500 (daily close), well under its ~2,900 rebound', () => {
    for (const p of paths) {
      const close = p.eth[DAY] as number;
      expect(close).toBeGreaterThanOrEqual(2_430);
      expect(close).toBeLessThanOrEqual(2_500);
    }
  });
});
