import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  callAmount,
  equityRatio,
  forcedSalePrice,
  haircutLoanToValue,
  lendingValueCallPrice,
  loanToValue,
  marginCallPrice,
  maxLoan,
  priceAtLtv,
  securitiesCallPrice,
  sellToCover,
} from './loan-to-value.ts';
import { saleValueToTarget } from './forced-sale.ts';
import { collateralValue } from './collateral.ts';

const relClose = (actual: number, expected: number, rel = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    rel * Math.max(Math.abs(expected), Number.MIN_VALUE),
  );

describe('loanToValue', () => {
  it('vector 63 (B-LTV): loan 100 on 0.01938571 BTC @7,400 = 143.45 → LTV 69.71%', () => {
    // By hand: 0.01938571 × 7,400 = 143.454254 (the spec rounds to 143.45); 100 / 143.454254 = 0.69708633…
    const value = collateralValue([{ asset: 'BTC', qty: 0.01938571, price: 7_400 }]);
    relClose(value, 143.454254);
    expect(value).toBeCloseTo(143.45, 2);
    const ltv = loanToValue(100, value);
    relClose(ltv, 0.6970863338775579);
    expect(ltv).toBeCloseTo(0.6971, 4); // the spec's 69.71%
  });

  it('is 0 without debt and infinite on worthless collateral', () => {
    expect(loanToValue(0, 0)).toBe(0);
    expect(loanToValue(1, 0)).toBe(Infinity);
  });

  it('refuses negative debt or value', () => {
    expect(() => loanToValue(-1, 10)).toThrow('debt must be a number ≥ 0 (got -1)');
    expect(() => loanToValue(1, -10)).toThrow('collateral value must be a number ≥ 0 (got -10)');
  });
});

describe('haircutLoanToValue and maxLoan', () => {
  it('debt / lending value: above 1 when the loan exceeds what the broker lends (guardrails §1A, W21)', () => {
    const holdings = [{ asset: 'BTC' as const, qty: 1, price: 50_000 }];
    const rules = {
      BTC: { eligible: true, haircut: 0.6 },
      ETH: { eligible: true, haircut: 0.6 },
      'other-crypto': { eligible: false, haircut: 1 },
      securities: { eligible: true, haircut: 0.3 },
    };
    expect(maxLoan(holdings, rules)).toBeCloseTo(20_000, 9);
    expect(haircutLoanToValue(20_000, 20_000)).toBe(1);
    expect(haircutLoanToValue(21_000, 20_000)).toBeGreaterThan(1);
    expect(haircutLoanToValue(1, 0)).toBe(Infinity);
  });
});

describe('priceAtLtv and the call / forced-sale prices', () => {
  it('B-LTV: P* = Debt / (t × qty); the vector-63 loan hits an illustrative 75% call at 6,877.92 (hand-computed)', () => {
    // 100 / (0.75 × 0.01938571) = 100 / 0.0145392825
    expect(priceAtLtv({ debt: 100, qty: 0.01938571, threshold: 0.75 })).toBeCloseTo(6_877.92, 2);
    expect(marginCallPrice({ debt: 100, qty: 0.01938571, callLtv: 0.75 })).toBeCloseTo(6_877.92, 2);
  });

  it('guardrails §2 [DERIVED]: from the 40% maximum opening LTV the 60% forced sale comes after a 33.3% fall', () => {
    const open = 60_000;
    const debt = 0.4 * open; // 1 BTC borrowed against at the maximum LTV
    expect(forcedSalePrice({ debt, qty: 1, liquidationLtv: 0.6 }) / open - 1).toBeCloseTo(-1 / 3, 12);
  });

  it('under the HK defaults (haircut 0.6, call LTV 0.4) both call triggers fire at the same price', () => {
    expect(lendingValueCallPrice({ debt: 24_000, qty: 1, haircut: 0.6 })).toBeCloseTo(
      marginCallPrice({ debt: 24_000, qty: 1, callLtv: 0.4 }),
      9,
    );
    expect(lendingValueCallPrice({ debt: 1, qty: 1, haircut: 1 })).toBe(Infinity);
  });

  it('LTV at the margin-call price equals the call threshold (to 1e-9 relative)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-2, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (debt, qty, callLtv) => {
          const price = marginCallPrice({ debt, qty, callLtv });
          relClose(loanToValue(debt, qty * price), callLtv);
        },
      ),
    );
  });

  it('refuses a zero quantity or a threshold outside (0, 1]', () => {
    expect(() => priceAtLtv({ debt: 1, qty: 0, threshold: 0.5 })).toThrow(
      'collateral qty must be a number greater than 0 (got 0)',
    );
    expect(() => marginCallPrice({ debt: 1, qty: 1, callLtv: 1.5 })).toThrow(
      'call LTV must be greater than 0 and at most 1 (got 1.5)',
    );
    expect(() => forcedSalePrice({ debt: 1, qty: 1, liquidationLtv: 0 })).toThrow(/liquidation LTV .*got 0/);
  });
});

describe('securities margin (SEC)', () => {
  const account = { marketValue: 14_000, loan: 10_000, maintenance: 0.3 };

  it('vector 68 (SEC Firstrade): $20,000 bought with a $10,000 loan falls to $14,000; 30% requirement', () => {
    expect(equityRatio(14_000, 10_000)).toBeCloseTo(0.286, 3);
    expect(callAmount(account)).toBeCloseTo(200, 9);
    expect(sellToCover(account)).toBeCloseTo(666.67, 2);
    // After selling and repaying, equity / MV is back at the 30% requirement.
    const sold = sellToCover(account);
    expect(equityRatio(14_000 - sold, 10_000 - sold)).toBeCloseTo(0.3, 12);
    // At the start the account met the requirement: no call.
    expect(callAmount({ ...account, marketValue: 20_000 })).toBe(0);
  });

  it('call price P* = Loan / (Q × (1 − m)): 200 shares bought at $100 with the vector-68 loan', () => {
    const price = securitiesCallPrice({ loan: 10_000, qty: 200, maintenance: 0.3 });
    expect(price).toBeCloseTo(10_000 / 140, 9);
    expect(equityRatio(200 * price, 10_000)).toBeCloseTo(0.3, 12);
  });

  it('sell-to-cover is the forced sale back to LTV 1 − m', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        (marketValue, ltv, maintenance) => {
          const input = { marketValue, loan: ltv * marketValue, maintenance };
          const expected = saleValueToTarget(input.loan, marketValue, 1 - maintenance);
          expect(Math.abs(sellToCover(input) - expected)).toBeLessThanOrEqual(1e-9 * marketValue);
        },
      ),
    );
  });

  it('an underwater account sells everything; m = 1 is refused', () => {
    expect(sellToCover({ marketValue: 5_000, loan: 6_000, maintenance: 0.3 })).toBe(5_000);
    expect(() => callAmount({ ...account, maintenance: 1 })).toThrow(/maintenance must be between 0 and 1/);
  });
});
