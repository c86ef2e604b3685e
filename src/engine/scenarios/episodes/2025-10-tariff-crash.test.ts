import { describe, expect, it } from 'vitest';
import { generateIndexPath } from '../catalogue.ts';
import { largestFall } from '../path-stats.ts';

const paths = [1, 2, 3, 4].map((seed) => generateIndexPath('2025-10-tariff-crash', { seed }));
/** 21:15 UTC on 10 Oct, counted from 12:00 UTC. */
const PEAK_LIQUIDATIONS = 9 * 60 + 15;

describe('2025-10-tariff-crash (guardrails.md §3)', () => {
  it('BTC falls 12%–16% from ~122k to below 105k (§3 row: ≈ −14%)', () => {
    for (const p of paths) {
      const fall = largestFall(p.btc, p.minutes);
      expect(fall.change).toBeGreaterThanOrEqual(-0.16);
      expect(fall.change).toBeLessThanOrEqual(-0.12);
      expect(p.btc[fall.toMinute]).toBeLessThan(105_000);
    }
  });

  it('BTC −10% to −14% and ETH −14% to −18% within 45 min, ending at 21:15 UTC (CoinGlass: −12%, −16%)', () => {
    for (const p of paths) {
      const btc = largestFall(p.btc, 45);
      const eth = largestFall(p.eth, 45);
      expect(btc.change).toBeGreaterThanOrEqual(-0.14);
      expect(btc.change).toBeLessThanOrEqual(-0.1);
      expect(eth.change).toBeGreaterThanOrEqual(-0.18);
      expect(eth.change).toBeLessThanOrEqual(-0.14);
      expect(btc.toMinute).toBe(PEAK_LIQUIDATIONS);
      expect(eth.toMinute).toBe(PEAK_LIQUIDATIONS);
    }
  });

  it('ETH’s low sits inside the reported venue lows, $3,374–3,900 (§3 row)', () => {
    for (const p of paths) {
      const low = Math.min(...p.eth);
      expect(low).toBeGreaterThanOrEqual(3_374);
      expect(low).toBeLessThanOrEqual(3_900);
    }
  });
});
