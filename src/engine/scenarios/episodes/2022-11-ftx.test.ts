import { describe, expect, it } from 'vitest';
import { generateIndexPath } from '../catalogue.ts';

const paths = [1, 2, 3, 4].map((seed) => generateIndexPath('2022-11-ftx', { seed }));
const DAY = 1440;
/** Midnight UTC of 8, 9 and 10 November 2022, counted from 6 November. */
const [NOV_8, NOV_9, NOV_10] = [2 * DAY, 3 * DAY, 4 * DAY];

describe('2022-11-ftx (guardrails.md §3)', () => {
  it('BTC falls at least 25% (≤ 30%) from the prior-week level to the low (§3 row: > $21k → $15,682.69)', () => {
    for (const p of paths) {
      const low = Math.min(...p.btc);
      expect(low).toBe(15_682.69);
      const fall = low / (p.btc[0] as number) - 1;
      expect(fall).toBeLessThanOrEqual(-0.25);
      expect(fall).toBeGreaterThanOrEqual(-0.3);
      expect(p.btc[0]).toBeGreaterThan(21_000);
    }
  });

  it('BTC loses 11% on 8 Nov and 13% on 9 Nov, midnight to midnight (§3 row)', () => {
    for (const p of paths) {
      expect((p.btc[NOV_9] as number) / (p.btc[NOV_8] as number) - 1).toBeCloseTo(-0.11, 9);
      expect((p.btc[NOV_10] as number) / (p.btc[NOV_9] as number) - 1).toBeCloseTo(-0.13, 4);
    }
  });

  it('ETH’s low is $1,083.29 on 9 Nov (§3 row)', () => {
    for (const p of paths) {
      const low = Math.min(...p.eth);
      expect(low).toBe(1_083.29);
      const minute = p.eth.indexOf(low);
      expect(minute).toBeGreaterThanOrEqual(NOV_9);
      expect(minute).toBeLessThan(NOV_10);
    }
  });
});
