import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  accrueFundingIndex,
  fundingOwed,
  fundingPayment,
  fundingRate,
  interestFromBorrowRates,
} from './funding.ts';

describe('fundingRate (B-FUND, B-FUND25)', () => {
  it('vector 42: P̄ = 0.03%, I = 0.01% → F = 0.01% (clamp slack); long 1 BTC at 50,000 pays 5', () => {
    const rate = fundingRate({ premium: 0.0003, interest: 0.0001 });
    expect(rate).toBeCloseTo(0.0001, 15);
    expect(fundingPayment(1, 50_000, rate)).toBeCloseTo(5, 9);
    expect(fundingPayment(-1, 50_000, rate)).toBeCloseTo(-5, 9); // the short receives
  });

  it('vector 46 (HL-funding): premium 1% → 8-h rate 0.95%; 10 BTC at 10,000 pays 118.75 per hour', () => {
    const per8h = fundingRate({ premium: 0.01, interest: 0.0001 });
    expect(per8h).toBeCloseTo(0.0095, 15); // 1% + clamp(−0.99%, ±0.05%)
    const hourly = fundingRate({ premium: 0.01, interest: 0.0001, intervalHours: 1 });
    expect(hourly).toBeCloseTo(0.0095 / 8, 15);
    expect(fundingPayment(10, 10_000, hourly)).toBeCloseTo(118.75, 9);
  });

  it('HL-funding cap of 4% per hour binds on an extreme premium', () => {
    expect(fundingRate({ premium: 1, intervalHours: 1, cap: 0.04 })).toBe(0.04);
    expect(fundingRate({ premium: -1, intervalHours: 1, cap: 0.04 })).toBe(-0.04);
  });

  it('B-FUND25: a 4-h interval pays half the 8-h rate', () => {
    expect(fundingRate({ premium: 0.002, intervalHours: 4 })).toBeCloseTo((0.002 - 0.0005) / 2, 15);
  });

  it('clamp slack (B-FUND): |I − P̄| ≤ 0.05% → F = I', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.001, max: 0.001, noNaN: true }),
        fc.double({ min: -0.0005, max: 0.0005, noNaN: true }),
        (interest, gap) => {
          const rate = fundingRate({ premium: interest - gap, interest });
          expect(Math.abs(rate - interest)).toBeLessThanOrEqual(1e-15);
        },
      ),
    );
  });

  it('outside the band the rate is P̄ ± 0.05%', () => {
    expect(fundingRate({ premium: 0.003 })).toBeCloseTo(0.0025, 15);
    expect(fundingRate({ premium: -0.003 })).toBeCloseTo(-0.0025, 15);
  });

  it('refuses invalid arguments, naming the field', () => {
    expect(() => fundingRate({ premium: 0, clamp: -1 })).toThrow('clamp must be a number ≥ 0 (got -1)');
    expect(() => fundingRate({ premium: NaN })).toThrow('premium must be a finite number (got NaN)');
    expect(() => fundingRate({ premium: 0, cap: -0.01 })).toThrow('cap must be a number ≥ 0 (got -0.01)');
    expect(() => fundingRate({ premium: 0, intervalHours: 0 })).toThrow(/intervalHours .*got 0/);
    expect(() => fundingPayment(1, 0, 0.01)).toThrow('price must be a number greater than 0 (got 0)');
  });
});

describe('interestFromBorrowRates (BM-PERP)', () => {
  it('vector 45: quote 1.00%/day, base 0.25%/day → I = 0.25% per 8 h; 20 XBT of value pays 0.05 XBT', () => {
    const interest = interestFromBorrowRates(0.01, 0.0025);
    expect(interest).toBeCloseTo(0.0025, 15);
    // Inverse: 15,000 one-USD contracts at 750 are worth 20 XBT; one contract's coin value is 1/750
    expect(fundingPayment(15_000, 1 / 750, interest)).toBeCloseTo(0.05, 12);
  });
});

describe('funding index (DY perpetual.go)', () => {
  it('vector 70: longs A=2, C=1, short B=3 at F = 0.01%, mark 100 → A pays 0.02, C 0.01, B receives 0.03', () => {
    const index = accrueFundingIndex(0, 100, 0.0001);
    const owed = { A: fundingOwed(2, index, 0), B: fundingOwed(-3, index, 0), C: fundingOwed(1, index, 0) };
    expect(owed.A).toBeCloseTo(0.02, 12);
    expect(owed.C).toBeCloseTo(0.01, 12);
    expect(owed.B).toBeCloseTo(-0.03, 12);
    // §4 item 3: funding is zero-sum
    expect(owed.A + owed.B + owed.C).toBeCloseTo(0, 12);
    expect(
      fundingPayment(2, 100, 0.0001) + fundingPayment(-3, 100, 0.0001) + fundingPayment(1, 100, 0.0001),
    ).toBeCloseTo(0, 12);
  });

  const settlementsArb = fc.array(
    fc.tuple(
      fc.double({ min: 1, max: 100_000, noNaN: true }),
      fc.double({ min: -0.01, max: 0.01, noNaN: true }),
    ),
    { minLength: 1, maxLength: 50 },
  );

  it('settling through the index equals summing every interval’s payment', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1_000, max: 1_000, noNaN: true }),
        settlementsArb,
        (size, settlements) => {
          let index = 0;
          let summed = 0;
          let scale = 0;
          for (const [price, rate] of settlements) {
            index = accrueFundingIndex(index, price, rate);
            summed += fundingPayment(size, price, rate);
            scale += Math.abs(size * price * rate);
          }
          expect(Math.abs(fundingOwed(size, index, 0) - summed)).toBeLessThanOrEqual(
            1e-9 * Math.max(scale, 1e-12),
          );
        },
      ),
    );
  });

  it('positions that net to zero owe nothing in total (§4 item 3)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 10 }),
        settlementsArb,
        fc.nat({ max: 49 }),
        (longs, settlements, openedAt) => {
          const sizes = [...longs, -longs.reduce((a, b) => a + b, 0)];
          let index = 0;
          let indexAtOpen = 0;
          settlements.forEach(([price, rate], i) => {
            if (i === openedAt) indexAtOpen = index;
            index = accrueFundingIndex(index, price, rate);
          });
          const total = sizes.reduce((sum, size) => sum + fundingOwed(size, index, indexAtOpen), 0);
          const scale = sizes.reduce((sum, size) => sum + Math.abs(size * (index - indexAtOpen)), 0);
          expect(Math.abs(total)).toBeLessThanOrEqual(1e-9 * Math.max(scale, 1e-12));
        },
      ),
    );
  });
});
