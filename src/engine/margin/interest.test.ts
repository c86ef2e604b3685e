import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  applyRepayment,
  chargedHours,
  hourBoundariesCrossed,
  hourlyInterest,
  interestForPeriod,
} from './interest.ts';

const at = (hours: number, minutes: number) => hours * 60 + minutes;

describe('chargedHours', () => {
  it('vector 62 (B-MGN): borrowed 13:20, repaid 14:15 → 2 hours, though only 55 minutes passed', () => {
    expect(chargedHours(at(13, 20), at(14, 15))).toBe(2);
  });

  it('the first partial hour counts in full; the top-of-hour accrual comes before a repayment that minute', () => {
    expect(chargedHours(at(13, 20), at(13, 20))).toBe(1);
    expect(chargedHours(at(13, 20), at(13, 59))).toBe(1);
    expect(chargedHours(at(13, 20), at(14, 0))).toBe(2);
    expect(chargedHours(at(13, 0), at(15, 0))).toBe(3);
  });

  it('accruals over consecutive steps add up to those over the whole period (stepping = one shot)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 3, maxLength: 3 }), (xs) => {
        const [a, b, c] = [...xs].sort((x, y) => x - y) as [number, number, number];
        expect(hourBoundariesCrossed(a, b) + hourBoundariesCrossed(b, c)).toBe(hourBoundariesCrossed(a, c));
      }),
    );
  });

  it('refuses time running backwards', () => {
    expect(() => hourBoundariesCrossed(120, 60)).toThrow('to minute must be a number ≥ 120 (got 60)');
    expect(() => chargedHours(NaN, 60)).toThrow(/from minute must be a finite number of minutes \(got NaN\)/);
  });
});

describe('interestForPeriod', () => {
  it('vector 62 (B-MGN): 1,000 USDC at 0.001%/h from 13:20 to 14:15 → 0.02 USDC', () => {
    const interest = interestForPeriod({
      principal: 1_000,
      hourlyRate: 0.00001,
      borrowedAtMinute: at(13, 20),
      repaidAtMinute: at(14, 15),
    });
    expect(interest).toBeCloseTo(0.02, 12);
  });

  it('refuses a negative rate', () => {
    expect(() => hourlyInterest(1_000, -0.0001)).toThrow('hourly rate must be a number ≥ 0 (got -0.0001)');
  });
});

describe('applyRepayment', () => {
  it('B-MGN: pays interest first, then principal', () => {
    expect(applyRepayment({ principal: 1_000, interest: 0.02 }, 0.01)).toEqual({
      principal: 1_000,
      interest: 0.01,
      interestPaid: 0.01,
      principalPaid: 0,
      excess: 0,
    });
    const partial = applyRepayment({ principal: 1_000, interest: 0.02 }, 500.02);
    expect(partial.interest).toBe(0);
    expect(partial.principal).toBeCloseTo(500, 9);
  });

  it('returns the excess over the whole debt', () => {
    const r = applyRepayment({ principal: 1_000, interest: 0.02 }, 1_100);
    expect(r.principal).toBe(0);
    expect(r.interest).toBe(0);
    expect(r.excess).toBeCloseTo(99.98, 9);
  });

  it('conserves the payment and never pays principal while interest is owed', () => {
    const money = fc.double({ min: 0, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(money, money, money, (principal, interest, amount) => {
        const r = applyRepayment({ principal, interest }, amount);
        const paid = r.interestPaid + r.principalPaid + r.excess;
        expect(Math.abs(paid - amount)).toBeLessThanOrEqual(1e-12 * Math.max(1, amount));
        if (r.principalPaid > 0) expect(r.interest).toBe(0);
        expect(r.principal).toBeGreaterThanOrEqual(0);
        expect(r.excess).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('refuses a negative repayment', () => {
    expect(() => applyRepayment({ principal: 1, interest: 0 }, -1)).toThrow(
      'repayment amount must be a number ≥ 0 (got -1)',
    );
  });
});
