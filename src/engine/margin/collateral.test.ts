import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  COLLATERAL_ASSETS,
  collateralValue,
  cryptoShareOfLendingValue,
  lendingValue,
  type CollateralAsset,
  type CollateralHolding,
  type CollateralRules,
} from './collateral.ts';

/** HK circular preset as guardrails §1A reads it: BTC/ETH at the 60% minimum haircut (A6), other VAs count 0
 * (A5); the securities haircut is a broker's choice (W21: 30%–90%), 30% here. */
const HK_CIRCULAR: CollateralRules = {
  BTC: { eligible: true, haircut: 0.6 },
  ETH: { eligible: true, haircut: 0.6 },
  'other-crypto': { eligible: false, haircut: 1 },
  securities: { eligible: true, haircut: 0.3 },
};

const PORTFOLIO: CollateralHolding[] = [
  { asset: 'BTC', qty: 1, price: 60_000 },
  { asset: 'other-crypto', qty: 1_000, price: 10 },
  { asset: 'securities', qty: 1_000, price: 100 },
];

const assetArb = fc.constantFrom<CollateralAsset>(...COLLATERAL_ASSETS);
const holdingArb: fc.Arbitrary<CollateralHolding> = fc.record({
  asset: assetArb,
  qty: fc.double({ min: 0, max: 1e6, noNaN: true }),
  price: fc.double({ min: 0, max: 1e5, noNaN: true }),
});
const holdingsArb = fc.array(holdingArb, { maxLength: 8 });
const ruleArb = fc.record({ eligible: fc.boolean(), haircut: fc.double({ min: 0, max: 1, noNaN: true }) });
const rulesArb: fc.Arbitrary<CollateralRules> = fc.record({
  BTC: ruleArb,
  ETH: ruleArb,
  'other-crypto': ruleArb,
  securities: ruleArb,
});

describe('collateralValue', () => {
  it('sums market value over every pledged holding, eligible or not (B-LTV)', () => {
    expect(collateralValue(PORTFOLIO)).toBeCloseTo(60_000 + 10_000 + 100_000, 9);
    expect(collateralValue([])).toBe(0);
  });
});

describe('lendingValue', () => {
  it('guardrails §1A: BTC at a 60% haircut, other crypto 0, securities at their own haircut', () => {
    // 60,000 × 0.4 + 0 + 100,000 × 0.7
    expect(lendingValue(PORTFOLIO, HK_CIRCULAR)).toBeCloseTo(94_000, 9);
  });

  it('guardrails A12 "Futu-style": VA collateral counts 0, only securities support the loan', () => {
    const futu: CollateralRules = {
      ...HK_CIRCULAR,
      BTC: { eligible: false, haircut: 0.6 },
      ETH: { eligible: false, haircut: 0.6 },
    };
    expect(lendingValue(PORTFOLIO, futu)).toBeCloseTo(70_000, 9);
  });

  it('is monotone non-increasing in every haircut', () => {
    fc.assert(
      fc.property(
        holdingsArb,
        rulesArb,
        assetArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (h, rules, asset, up) => {
          const rule = rules[asset];
          const raised: CollateralRules = {
            ...rules,
            [asset]: { ...rule, haircut: rule.haircut + (1 - rule.haircut) * up },
          };
          const before = lendingValue(h, rules);
          expect(lendingValue(h, raised)).toBeLessThanOrEqual(before + 1e-12 * Math.max(1, before));
        },
      ),
    );
  });

  it('a 100% haircut on every asset gives lending value 0', () => {
    fc.assert(
      fc.property(holdingsArb, rulesArb, (h, rules) => {
        const full = Object.fromEntries(
          COLLATERAL_ASSETS.map((a) => [a, { ...rules[a], haircut: 1 }]),
        ) as unknown as CollateralRules;
        expect(lendingValue(h, full)).toBe(0);
      }),
    );
  });

  it('an ineligible asset contributes 0, whatever its value and haircut', () => {
    fc.assert(
      fc.property(holdingsArb, rulesArb, assetArb, (h, rules, asset) => {
        const ineligible: CollateralRules = { ...rules, [asset]: { ...rules[asset], eligible: false } };
        const without = h.filter((x) => x.asset !== asset);
        // Same terms in the same order, only zeros removed: exactly equal.
        expect(lendingValue(h, ineligible)).toBe(lendingValue(without, ineligible));
      }),
    );
  });

  it('refuses bad holdings and haircuts, naming the field and the value', () => {
    expect(() => lendingValue(PORTFOLIO, { ...HK_CIRCULAR, BTC: { eligible: true, haircut: 1.2 } })).toThrow(
      'BTC haircut must be between 0 and 1 (got 1.2)',
    );
    expect(() => lendingValue([{ asset: 'ETH', qty: -1, price: 1 }], HK_CIRCULAR)).toThrow(
      /holding 1 qty must be a number ≥ 0 \(got -1\)/,
    );
    expect(() =>
      collateralValue([PORTFOLIO[0] as CollateralHolding, { asset: 'BTC', qty: 1, price: NaN }]),
    ).toThrow(/holding 2 price .*got NaN/);
    const bogus = { asset: 'DOGE', qty: 1, price: 1 } as unknown as CollateralHolding;
    expect(() => collateralValue([bogus])).toThrow(/asset must be one of BTC, ETH, other-crypto, securities/);
  });
});

describe('cryptoShareOfLendingValue', () => {
  it('is the crypto part of lending value over the total (concentration cap, guardrails §1A [DEFAULT])', () => {
    expect(cryptoShareOfLendingValue(PORTFOLIO, HK_CIRCULAR)).toBeCloseTo(24_000 / 94_000, 12);
  });

  it('is 0 with no lending value, and stays within [0, 1]', () => {
    expect(cryptoShareOfLendingValue([], HK_CIRCULAR)).toBe(0);
    fc.assert(
      fc.property(holdingsArb, rulesArb, (h, rules) => {
        const share = cryptoShareOfLendingValue(h, rules);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});
