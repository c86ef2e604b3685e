import { describe, expect, it } from 'vitest';
import { generateIndexPath } from '../catalogue.ts';
import { largestFall } from '../path-stats.ts';

const paths = [1, 2, 3, 4].map((seed) => generateIndexPath('2022-05-luna', { seed }));
const DAY = 1440;

describe('2022-05-luna (guardrails.md §3)', () => {
  it('BTC falls 22%–28% over three days to 26,700 (forklog: ≈ $26,700 on 12 May, about −25%)', () => {
    for (const p of paths) {
      const fall = largestFall(p.btc, 3 * DAY).change;
      expect(fall).toBeGreaterThanOrEqual(-0.28);
      expect(fall).toBeLessThanOrEqual(-0.22);
      const low = Math.min(...p.btc);
      expect(low).toBe(26_700);
      // 12 May, counted from 7 May 00:00 UTC.
      expect(Math.floor(p.btc.indexOf(low) / DAY)).toBe(5);
    }
  });

  it('the week closes near 30,100 (forklog)', () => {
    for (const p of paths) expect(p.btc[p.minutes]).toBe(30_100);
  });

  it('ETH falls further than BTC over the week (as in every §3 episode with ETH levels; ETH here is labelled)', () => {
    for (const p of paths)
      expect(largestFall(p.eth, 7 * DAY).change).toBeLessThan(largestFall(p.btc, 7 * DAY).change);
  });
});
