import { describe, expect, it } from 'vitest';
import { generateIndexPath } from '../catalogue.ts';
import { largestFall, largestRise } from '../path-stats.ts';

const paths = [1, 2, 3, 4].map((seed) => generateIndexPath('2021-05-crash', { seed }));
const DAY = 1440;

describe('2021-05-crash (guardrails.md §3)', () => {
  it('BTC falls 26%–31% intraday (§3 row: ~42,000 → ~30,000)', () => {
    for (const p of paths) {
      const fall = largestFall(p.btc, DAY).change;
      expect(fall).toBeGreaterThanOrEqual(-0.31);
      expect(fall).toBeLessThanOrEqual(-0.26);
    }
  });

  it('and climbs back 35%–45% within 14 h (§3 row: back to morning levels, a ~40% intraday swing)', () => {
    for (const p of paths) {
      const rise = largestRise(p.btc, 14 * 60);
      expect(rise.change).toBeGreaterThanOrEqual(0.35);
      expect(rise.change).toBeLessThanOrEqual(0.45);
      expect(p.btc[rise.fromMinute]).toBe(30_000);
    }
  });

  it('ETH falls 38%–46% to $1,888 and recovers to ~2,900 (§3 row: ~3,200 → 1,888 → ~2,900)', () => {
    for (const p of paths) {
      const fall = largestFall(p.eth, DAY);
      expect(fall.change).toBeGreaterThanOrEqual(-0.46);
      expect(fall.change).toBeLessThanOrEqual(-0.38);
      expect(p.eth[fall.toMinute]).toBe(1_888);
      expect(Math.max(...p.eth.subarray(fall.toMinute))).toBeGreaterThanOrEqual(2_900);
    }
  });
});
