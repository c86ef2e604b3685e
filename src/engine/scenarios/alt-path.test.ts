/**
 * ALT, the generic altcoin, in each historical episode against guardrails §3's ALT table, and in the synthetic
 * scenarios as BTC's moves scaled by ALT_BETA. Seeds 1–4 of each episode.
 */
import { describe, expect, it } from 'vitest';
import { generateIndexPath, scenarioInfo } from './catalogue.ts';
import { largestFall } from './path-stats.ts';
import { ALT_BETA, ALT_OPEN } from './alt-path.ts';
import type { ScenarioId } from './types.ts';

const SEEDS = [1, 2, 3, 4];
const minuteOf = (id: ScenarioId, utc: string) =>
  (Date.parse(utc) - Date.parse(scenarioInfo(id).startUtc!)) / 60_000;

describe('ALT in the historical episodes (guardrails §3 ALT table)', () => {
  it.each([
    // id, window in minutes for the fall, fall (min, max), BTC's fall is smaller
    ['2020-03-black-thursday', 24 * 60, -0.55, -0.48],
    ['2021-05-crash', 24 * 60, -0.47, -0.43],
    ['2022-05-luna', 4 * 1440, -0.42, -0.38],
    ['2022-11-ftx', 5 * 1440, -0.62, -0.58],
    ['2025-10-tariff-crash', 45, -0.33, -0.29],
  ] as const)('%s: ALT falls as the table says, further than BTC', (id, window, lo, hi) => {
    for (const seed of SEEDS) {
      const path = generateIndexPath(id, { seed });
      expect(path.alt.length).toBe(path.btc.length);
      expect(path.alt[0]).toBe(ALT_OPEN);
      const fall = largestFall(path.alt, window).change;
      expect(fall).toBeGreaterThanOrEqual(lo);
      expect(fall).toBeLessThanOrEqual(hi);
      expect(fall).toBeLessThan(largestFall(path.btc, window).change);
      expect(path.alt.every((p) => Number.isFinite(p) && p > 0)).toBe(true);
    }
  });

  it('2020-03: recovers about a third of its fall by 14 Mar; 2021-05: half by the evening', () => {
    for (const seed of SEEDS) {
      const bt = generateIndexPath('2020-03-black-thursday', { seed }).alt;
      expect(bt[bt.length - 1]).toBeCloseTo(47.5 + (95 - 47.5) / 3, 1); // 63.3
      const may = generateIndexPath('2021-05-crash', { seed }).alt;
      expect(may[minuteOf('2021-05-crash', '2021-05-19T16:00:00Z')]).toBe(78);
    }
  });

  it('carries BTC’s minute noise between anchors (not a straight line)', () => {
    const a = generateIndexPath('2021-05-crash', { seed: 1 }).alt;
    const b = generateIndexPath('2021-05-crash', { seed: 2 }).alt;
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
});

describe('ALT in the synthetic scenarios', () => {
  it('moves ALT_BETA times BTC in log terms', () => {
    const path = generateIndexPath('synthetic-flash-crash', { seed: 3, days: 0.5 });
    for (const t of [0, 100, 360, 720])
      expect(Math.log(path.alt[t]! / ALT_OPEN)).toBeCloseTo(
        ALT_BETA * Math.log(path.btc[t]! / path.btc[0]!),
        9,
      );
  });
});
