import { describe, expect, it } from 'vitest';
import { generateIndexPath } from '../catalogue.ts';
import { largestFall } from '../path-stats.ts';

const SEEDS = [1, 2, 3, 4];
const paths = SEEDS.map((seed) => generateIndexPath('2020-03-black-thursday', { seed }));
const HOUR = 60;
const DAY = 1440;

describe('2020-03-black-thursday (guardrails.md §3)', () => {
  it('BTC falls 45%–50% peak to trough within 24 h (Huobi −50.4% in 24 h, §3 row)', () => {
    for (const p of paths) {
      const fall = largestFall(p.btc, DAY).change;
      expect(fall).toBeGreaterThanOrEqual(-0.5);
      expect(fall).toBeLessThanOrEqual(-0.45);
    }
  });

  it('first leg: BTC −21% to −28% within an hour (Coin Metrics via modernconsensus: 7,300 → 5,690 in ~1 h)', () => {
    for (const p of paths) {
      const fall = largestFall(p.btc.subarray(0, 18 * HOUR), HOUR).change;
      expect(fall).toBeGreaterThanOrEqual(-0.28);
      expect(fall).toBeLessThanOrEqual(-0.21);
    }
  });

  it('evening leg: BTC −32% to −38% within 3 h (Coin Metrics via modernconsensus: 5,800 → 3,900 in ~3 h)', () => {
    for (const p of paths) {
      const fall = largestFall(p.btc.subarray(18 * HOUR), 3 * HOUR).change;
      expect(fall).toBeGreaterThanOrEqual(-0.38);
      expect(fall).toBeLessThanOrEqual(-0.32);
    }
  });

  it('the spot index low is 3,900, not BitMEX perp’s 3,596 (§3 row: the perp traded ~$400 below spot)', () => {
    for (const p of paths) expect(Math.min(...p.btc)).toBe(3_900);
  });

  it('ETH reaches its ~$90 low (blankvar, low confidence) and falls further than BTC', () => {
    for (const p of paths) {
      expect(Math.min(...p.eth)).toBe(90);
      expect(largestFall(p.eth, DAY).change).toBeLessThan(largestFall(p.btc, DAY).change);
    }
  });
});
