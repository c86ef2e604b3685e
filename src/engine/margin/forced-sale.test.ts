import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { forcedSale, forcedSaleOfHoldings, saleValueToTarget } from './forced-sale.ts';
import { collateralValue, type CollateralHolding } from './collateral.ts';
import { sellToCover } from './loan-to-value.ts';

const relClose = (actual: number, expected: number, rel = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

/** 0, or a target LTV from 0.1% to 90% (no subnormal targets, which no regime uses). */
const targetArb = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 0.9, noNaN: true }));

describe('forcedSale (one collateral asset)', () => {
  it('HK [DEFAULT] (guardrails §1A): at LTV 60% on 1 BTC @40,000, sell back to 40%', () => {
    // D = 24,000, V = 40,000: x = (24,000 − 0.4 × 40,000) / 0.6 = 13,333.33; q = x / 40,000
    const r = forcedSale({ qty: 1, price: 40_000, debt: 24_000, targetLtv: 0.4 });
    expect(r.proceeds).toBeCloseTo(13_333.333333, 5);
    expect(r.qtySold).toBeCloseTo(1 / 3, 12);
    expect(r.debtAfter).toBeCloseTo(10_666.666667, 5);
    expect(r.shortfall).toBe(0);
    expect(r.debtAfter / ((1 - r.qtySold) * 40_000)).toBeCloseTo(0.4, 12);
  });

  it('vector 68 (SEC Firstrade): the 30% requirement is a target LTV of 70%; sell $666.67', () => {
    const r = forcedSale({ qty: 140, price: 100, debt: 10_000, targetLtv: 0.7 });
    expect(r.proceeds).toBeCloseTo(666.67, 2);
    expect(r.proceeds).toBeCloseTo(sellToCover({ marketValue: 14_000, loan: 10_000, maintenance: 0.3 }), 9);
  });

  it('sells nothing when LTV is already at or below the target, or there is no debt', () => {
    expect(forcedSale({ qty: 1, price: 100, debt: 30, targetLtv: 0.4 })).toEqual({
      qtySold: 0,
      proceeds: 0,
      debtAfter: 30,
      shortfall: 0,
    });
    expect(forcedSale({ qty: 0, price: 0, debt: 0, targetLtv: 0.4 }).qtySold).toBe(0);
  });

  it('sells everything and reports the broker shortfall when the debt exceeds the collateral value', () => {
    expect(forcedSale({ qty: 2, price: 100, debt: 250, targetLtv: 0.4 })).toEqual({
      qtySold: 2,
      proceeds: 200,
      debtAfter: 50,
      shortfall: 50,
    });
  });

  it('after a forced sale to target, LTV equals the target (when not capped)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-2, max: 1e6, noNaN: true }),
        targetArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (qty, price, targetLtv, where) => {
          // a starting LTV between the target and 0.999 (capped sales are tested apart)
          const ltv0 = targetLtv + (0.999 - targetLtv) * where;
          const debt = ltv0 * qty * price;
          const r = forcedSale({ qty, price, debt, targetLtv });
          expect(r.shortfall).toBe(0);
          expect(r.qtySold).toBeLessThanOrEqual(qty);
          if (r.qtySold > 0 && targetLtv > 0) relClose(r.debtAfter / ((qty - r.qtySold) * price), targetLtv);
          if (r.qtySold > 0 && targetLtv === 0)
            expect(Math.abs(r.debtAfter)).toBeLessThanOrEqual(1e-12 * debt);
          expect(r.debtAfter).toBe(debt - r.proceeds);
        },
      ),
    );
  });

  it('refuses a target LTV of 1 or more', () => {
    expect(() => forcedSale({ qty: 1, price: 1, debt: 1, targetLtv: 1 })).toThrow(
      'target LTV must be between 0 and 1 (1 excluded) (got 1)',
    );
    expect(() => saleValueToTarget(-1, 1, 0.4)).toThrow(/debt .*got -1/);
  });
});

describe('forcedSaleOfHoldings (several assets)', () => {
  const holdings: CollateralHolding[] = [
    { asset: 'securities', qty: 100, price: 100 }, // 10,000
    { asset: 'BTC', qty: 0.1, price: 50_000 }, // 5,000
    { asset: 'other-crypto', qty: 100, price: 10 }, // 1,000
  ];

  it('sells crypto first (other crypto, then BTC, ETH), securities last; the sale value ignores the order', () => {
    // D = 12,000 on V = 16,000 (LTV 75%); back to 40%: x = (12,000 − 6,400) / 0.6 = 9,333.33
    const r = forcedSaleOfHoldings({ holdings, debt: 12_000, targetLtv: 0.4 });
    expect(r.sales.map((s) => s.asset)).toEqual(['other-crypto', 'BTC', 'securities']);
    expect(r.sales[0]?.qtySold).toBe(100);
    expect(r.sales[1]?.qtySold).toBe(0.1);
    expect(r.sales[2]?.proceeds).toBeCloseTo(3_333.333333, 5);
    expect(r.proceeds).toBeCloseTo(9_333.333333, 5);
    expect(r.debtAfter / collateralValue(r.holdingsAfter)).toBeCloseTo(0.4, 12);
    expect(holdings[2]?.qty).toBe(100); // the input is not mutated
  });

  it('follows a stated order', () => {
    const r = forcedSaleOfHoldings({
      holdings,
      debt: 12_000,
      targetLtv: 0.4,
      order: ['securities', 'BTC', 'ETH', 'other-crypto'],
    });
    expect(r.sales.map((s) => s.asset)).toEqual(['securities']);
    expect(r.holdingsAfter[0]?.qty).toBeCloseTo(100 - 93.333333, 5);
    expect(() => forcedSaleOfHoldings({ holdings, debt: 1, targetLtv: 0.4, order: ['BTC'] })).toThrow(
      'sale order must be a list of exactly 4 distinct entries, each one of BTC, ETH, other-crypto, securities (got ["BTC"])',
    );
  });

  it('sells everything and reports the shortfall when debt exceeds the collateral value', () => {
    const r = forcedSaleOfHoldings({ holdings, debt: 20_000, targetLtv: 0.4 });
    expect(r.holdingsAfter.every((h) => h.qty === 0)).toBe(true);
    expect(r.proceeds).toBeCloseTo(16_000, 9);
    expect(r.shortfall).toBeCloseTo(4_000, 9);
  });

  it('with one holding it agrees with the single-asset sale', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-2, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        targetArb,
        (qty, price, ltv0, targetLtv) => {
          const debt = ltv0 * qty * price;
          const one = forcedSale({ qty, price, debt, targetLtv });
          const many = forcedSaleOfHoldings({ holdings: [{ asset: 'ETH', qty, price }], debt, targetLtv });
          expect(many.proceeds).toBe(one.proceeds);
          expect(many.shortfall).toBe(one.shortfall);
          expect(many.sales[0]?.qtySold ?? 0).toBe(one.qtySold);
        },
      ),
    );
  });
});
