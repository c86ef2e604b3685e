import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  accumulatePremium,
  addPremiumSample,
  averagePremium,
  emptyPremiumAverager,
  impactMarginNotional,
  premiumIndex,
  resetPremiumAverager,
} from './premium.ts';

describe('premiumIndex (B-FUND, HL-funding)', () => {
  it('vector 49: index 50,000, impact bid 50,030, impact ask 50,040 → 0.06%', () => {
    expect(premiumIndex({ impactBid: 50_030, impactAsk: 50_040, index: 50_000 })).toBeCloseTo(0.0006, 15);
  });

  it('vector 46: impact bid 10,100 over oracle 10,000 → premium 1%', () => {
    expect(premiumIndex({ impactBid: 10_100, impactAsk: 10_110, index: 10_000 })).toBeCloseTo(0.01, 15);
  });

  it('is negative when the impact ask is below the index, and 0 when the index is inside the spread', () => {
    expect(premiumIndex({ impactBid: 49_900, impactAsk: 49_950, index: 50_000 })).toBeCloseTo(-0.001, 15);
    expect(premiumIndex({ impactBid: 49_990, impactAsk: 50_010, index: 50_000 })).toBe(0);
  });

  it('refuses a non-positive index', () => {
    expect(() => premiumIndex({ impactBid: 1, impactAsk: 1, index: 0 })).toThrow(
      'index must be a number greater than 0 (got 0)',
    );
  });
});

describe('impactMarginNotional (B-IMN)', () => {
  it('vector 48: BNBUSDT max 20x (IMR 5%) → 4,000 USDT', () => {
    expect(impactMarginNotional(0.05)).toBeCloseTo(4_000, 9);
  });

  it('refuses an IMR outside (0, 1]', () => {
    expect(() => impactMarginNotional(0)).toThrow(
      'imrAtMaxLeverage must be greater than 0 and at most 1 (got 0)',
    );
  });
});

describe('PremiumAverager', () => {
  it('weights each sample by how long it held', () => {
    let averager = emptyPremiumAverager();
    averager = addPremiumSample(averager, 0.001, 10);
    averager = addPremiumSample(averager, 0.004, 30);
    expect(averagePremium(averager)).toBeCloseTo((0.001 * 10 + 0.004 * 30) / 40, 15);
  });

  it('equal-duration samples give the arithmetic mean (Binance: 5,760 samples of 5 s per 8 h)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.01, max: 0.01, noNaN: true }), { minLength: 1, maxLength: 100 }),
        (ps) => {
          const averager = ps.reduce((a, p) => addPremiumSample(a, p, 5), emptyPremiumAverager());
          const mean = ps.reduce((a, b) => a + b, 0) / ps.length;
          expect(averagePremium(averager)).toBeCloseTo(mean, 12);
        },
      ),
    );
  });

  it('is 0 with no samples and after a reset; does not mutate its input', () => {
    expect(averagePremium(emptyPremiumAverager())).toBe(0);
    const before = emptyPremiumAverager();
    const after = addPremiumSample(before, 0.002, 5);
    expect(before).toEqual({ weightedSum: 0, totalSeconds: 0 });
    expect(averagePremium(after)).toBeCloseTo(0.002, 15);
    expect(averagePremium(resetPremiumAverager())).toBe(0);
  });

  it('refuses a negative duration', () => {
    expect(() => addPremiumSample(emptyPremiumAverager(), 0, -5)).toThrow(
      'durationSeconds must be a number ≥ 0 (got -5)',
    );
  });
});

describe('accumulatePremium (the step’s in-place average)', () => {
  it('adds a sample exactly as addPremiumSample does, and refuses what it refuses', () => {
    const finite = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(finite, fc.double({ min: 0, max: 1e6, noNaN: true }), finite, (sum, seconds, premium) => {
        const averager = { weightedSum: sum, totalSeconds: seconds };
        const expected = addPremiumSample(averager, premium, 60);
        accumulatePremium(averager, premium, 60);
        expect(averager).toEqual(expected);
      }),
    );
    expect(() => accumulatePremium(emptyPremiumAverager(), NaN, 60)).toThrow(/premium/);
    expect(() => accumulatePremium(emptyPremiumAverager(), 0, -5)).toThrow(/durationSeconds/);
    expect(() => premiumIndex({ impactBid: 0, impactAsk: 1, index: 1 })).toThrow(/impactBid/);
  });
});
