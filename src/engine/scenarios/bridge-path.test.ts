import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedPrng } from '../prng.ts';
import type { Anchor } from './anchors.ts';
import { bridgePath, DEFAULT_BRIDGE_NOISE, segmentVolatility } from './bridge-path.ts';

const ANCHORS: Anchor[] = [
  { minute: 0, btc: 100, eth: 10 },
  { minute: 120, btc: 98, eth: 9.7 },
  // A fast fall: −30% in 30 minutes.
  { minute: 150, btc: 68.6, eth: 6.5 },
  { minute: 600, btc: 80, eth: 7.5 },
];

describe('bridgePath', () => {
  it('goes through every anchor exactly, for any seed and any anchors', () => {
    const anchorList = fc
      .array(
        fc.record({
          gap: fc.integer({ min: 1, max: 90 }),
          btc: fc.double({ min: 1, max: 1e6, noNaN: true }),
          eth: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        }),
        { minLength: 2, maxLength: 8 },
      )
      .map((points) => {
        let minute = 0;
        return points.map((p, i) => ({ minute: i === 0 ? 0 : (minute += p.gap), btc: p.btc, eth: p.eth }));
      });
    fc.assert(
      fc.property(anchorList, fc.integer(), (anchors, seed) => {
        const path = bridgePath(anchors, seedPrng(seed));
        for (const a of anchors) {
          expect(path.btc[a.minute]).toBe(a.btc);
          expect(path.eth[a.minute]).toBe(a.eth);
        }
        expect([...path.btc, ...path.eth].every((p) => Number.isFinite(p) && p > 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic for a PRNG state and varies between minutes of a segment', () => {
    const a = bridgePath(ANCHORS, seedPrng(9));
    const b = bridgePath(ANCHORS, seedPrng(9));
    expect(Array.from(b.btc)).toEqual(Array.from(a.btc));
    expect(Array.from(bridgePath(ANCHORS, seedPrng(10)).btc)).not.toEqual(Array.from(a.btc));
    expect(a.minutes).toBe(600);
    expect(a.btc.length).toBe(601);
  });

  it('stays within the lowest and highest anchor, so the sourced low stays the low', () => {
    for (let seed = 0; seed < 20; seed++) {
      const path = bridgePath(ANCHORS, seedPrng(seed));
      expect(Math.min(...path.btc)).toBe(68.6);
      expect(Math.max(...path.btc)).toBeLessThanOrEqual(100);
      expect(Math.min(...path.eth)).toBe(6.5);
    }
  });

  it('may overshoot the anchors when bounding is off', () => {
    const loose = { ...DEFAULT_BRIDGE_NOISE, boundToAnchorRange: false };
    const overshoots = Array.from({ length: 20 }, (_, seed) =>
      bridgePath(ANCHORS, seedPrng(seed), loose),
    ).filter((p) => Math.min(...p.btc) < 68.6 || Math.max(...p.btc) > 100);
    expect(overshoots.length).toBeGreaterThan(0);
  });

  it('makes a fast fall read as a fall: most 10-minute steps of the −30% segment go down', () => {
    let down = 0;
    let total = 0;
    for (let seed = 0; seed < 10; seed++) {
      const { btc } = bridgePath(ANCHORS, seedPrng(seed));
      for (let t = 120; t < 150; t += 10) {
        total++;
        if ((btc[t + 10] as number) < (btc[t] as number)) down++;
      }
    }
    expect(down / total).toBeGreaterThan(0.85);
  });

  it('moves BTC and ETH together (correlation of minute returns ≈ 0.8 on a flat segment)', () => {
    const flat: Anchor[] = [
      { minute: 0, btc: 100, eth: 10 },
      { minute: 20_000, btc: 100, eth: 10 },
    ];
    const { btc, eth } = bridgePath(flat, seedPrng(4), {
      ...DEFAULT_BRIDGE_NOISE,
      boundToAnchorRange: false,
    });
    const rb = Array.from({ length: 20_000 }, (_, t) =>
      Math.log((btc[t + 1] as number) / (btc[t] as number)),
    );
    const re = Array.from({ length: 20_000 }, (_, t) =>
      Math.log((eth[t + 1] as number) / (eth[t] as number)),
    );
    const mean = (x: number[]) => x.reduce((a, v) => a + v, 0) / x.length;
    const [mb, me] = [mean(rb), mean(re)];
    const cov = mean(rb.map((v, i) => (v - mb) * ((re[i] as number) - me)));
    const sd = (x: number[], m: number) => Math.sqrt(mean(x.map((v) => (v - m) ** 2)));
    const corr = cov / (sd(rb, mb) * sd(re, me));
    expect(corr).toBeGreaterThan(0.75);
    expect(corr).toBeLessThan(0.85);
  });

  it('refuses anchors that do not start at minute 0', () => {
    expect(() =>
      bridgePath(
        [
          { minute: 3, btc: 1, eth: 1 },
          { minute: 9, btc: 1, eth: 1 },
        ],
        seedPrng(1),
      ),
    ).toThrow('anchors[0].minute must be 0 (got 3)');
  });
});

describe('segmentVolatility', () => {
  it('is the floor on a flat segment and grows with the absolute move per hour', () => {
    expect(segmentVolatility(0, 0, 600, 0.001, 0.025)).toBe(0.001);
    // −25% (log) in 60 minutes: 0.001 + 0.025 × 0.25.
    expect(segmentVolatility(0, -0.25, 60, 0.001, 0.025)).toBeCloseTo(0.00725, 12);
    expect(segmentVolatility(0, 0.25, 60, 0.001, 0.025)).toBeCloseTo(0.00725, 12);
    expect(segmentVolatility(0, -0.25, 120, 0.001, 0.025)).toBeCloseTo(0.001 + 0.025 * 0.125, 12);
  });
});
