import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  BINANCE_BTCUSDT_2021,
  bracketMaxLeverage,
  deriveTiers,
  leverageWithinBrackets,
  maintenanceMargin,
  tierIndexForNotional,
  type TierSpec,
} from './tiers.ts';

/** Random valid tables: floors start at 0 and increase, rates increase (as published tables do). */
const tierTableArb: fc.Arbitrary<TierSpec[]> = fc
  .array(
    fc.tuple(
      fc.double({ min: 1_000, max: 5_000_000, noNaN: true }),
      fc.double({ min: 0.0005, max: 0.05, noNaN: true }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((steps) => {
    let floor = 0;
    let mmr = 0;
    return steps.map(([floorStep, mmrStep], i) => {
      if (i > 0) floor += floorStep;
      mmr = Math.min(0.9, mmr + mmrStep);
      return { floor, mmr };
    });
  });

describe('deriveTiers', () => {
  it('vector 8 (B-LIQ): the maintenance amount of BTCUSDT level 3 is 1,300', () => {
    const tiers = deriveTiers(BINANCE_BTCUSDT_2021);
    expect(tiers[2]?.cum).toBeCloseTo(1_300, 9);
    // §1.6 cum check: 0, 50, 1,300, 16,300, 266,300
    const cums = tiers.map((t) => t.cum);
    [0, 50, 1_300, 16_300, 266_300].forEach((expected, i) => expect(cums[i]).toBeCloseTo(expected, 6));
  });

  it('vector 12 (HL-margin-tiers): BTC 40x then 20x from 150M gives MMR 1.25% / 2.5%, deduction 1,875,000', () => {
    // HL-margin-tiers: MMR = (IMR at the tier's max leverage) / 2
    const tiers = deriveTiers([
      { floor: 0, mmr: 1 / 40 / 2 },
      { floor: 150_000_000, mmr: 1 / 20 / 2 },
    ]);
    expect(tiers[0]?.mmr).toBeCloseTo(0.0125, 15);
    expect(tiers[1]?.mmr).toBeCloseTo(0.025, 15);
    expect(tiers[1]?.cum).toBeCloseTo(1_875_000, 6);
    expect(maintenanceMargin(tiers, 150_000_000)).toBeCloseTo(1_875_000, 6);
  });

  it('refuses malformed tables, naming the tier and the value', () => {
    expect(() => deriveTiers([])).toThrow(RangeError);
    expect(() => deriveTiers([{ floor: 10, mmr: 0.01 }])).toThrow(/first tier's floor must be 0 \(got 10\)/);
    expect(() => deriveTiers([{ floor: 0, mmr: 1.2 }])).toThrow(/tier 1 maintenance rate .*got 1.2/);
    expect(() =>
      deriveTiers([
        { floor: 0, mmr: 0.01 },
        { floor: 0, mmr: 0.02 },
      ]),
    ).toThrow('tier 2 floor must be a number greater than 0 (got 0)');
    expect(() => deriveTiers([{ floor: -1, mmr: 0.01 }])).toThrow(/tier 1 floor .*got -1/);
  });
});

describe('tierIndexForNotional', () => {
  it('applies a bracket from its floor upwards (B-LIQ "264,000 USDT → MMR 1%")', () => {
    const tiers = deriveTiers(BINANCE_BTCUSDT_2021);
    expect(tierIndexForNotional(tiers, 0)).toBe(0);
    expect(tierIndexForNotional(tiers, 49_999.99)).toBe(0);
    expect(tierIndexForNotional(tiers, 50_000)).toBe(1);
    expect(tierIndexForNotional(tiers, 264_000)).toBe(2);
    expect(tierIndexForNotional(tiers, 1e9)).toBe(4);
  });
});

describe('maintenanceMargin', () => {
  it('vector 11 (computed from the §1.6 table): 200 from both tiers at the 50,000 boundary', () => {
    const tiers = deriveTiers(BINANCE_BTCUSDT_2021);
    const [t1, t2] = tiers;
    expect(50_000 * (t1?.mmr ?? NaN) - (t1?.cum ?? NaN)).toBeCloseTo(200, 9);
    expect(50_000 * (t2?.mmr ?? NaN) - (t2?.cum ?? NaN)).toBeCloseTo(200, 9);
    expect(maintenanceMargin(tiers, 50_000)).toBeCloseTo(200, 9);
  });

  it('B-LIQ: 500,000 USDT uses maintenance amount 1,300 (MM 3,700)', () => {
    expect(maintenanceMargin(deriveTiers(BINANCE_BTCUSDT_2021), 500_000)).toBeCloseTo(3_700, 9);
  });

  it('§4 item 8: MM is continuous at every tier boundary of random tables', () => {
    fc.assert(
      fc.property(tierTableArb, (specs) => {
        const tiers = deriveTiers(specs);
        for (let i = 1; i < tiers.length; i++) {
          const below = tiers[i - 1];
          const at = tiers[i];
          if (!below || !at) throw new Error('unreachable');
          const fromBelow = at.floor * below.mmr - below.cum;
          const fromAbove = at.floor * at.mmr - at.cum;
          expect(Math.abs(fromBelow - fromAbove)).toBeLessThanOrEqual(1e-9 * Math.max(1, fromAbove));
          expect(maintenanceMargin(tiers, at.floor)).toBeCloseTo(fromBelow, 6);
        }
      }),
    );
  });

  it('MM never decreases with notional', () => {
    fc.assert(
      fc.property(tierTableArb, fc.double({ min: 0, max: 1e8, noNaN: true }), (specs, notional) => {
        const tiers = deriveTiers(specs);
        const step = Math.max(1, notional * 1e-6);
        expect(maintenanceMargin(tiers, notional + step)).toBeGreaterThanOrEqual(
          maintenanceMargin(tiers, notional) - 1e-9 * notional,
        );
      }),
    );
  });
});

describe('leverage per notional bracket (W30, issue 15 defect 3)', () => {
  const tiers = deriveTiers(BINANCE_BTCUSDT_2021);
  it('reads the max-leverage column as 1 / (2 · MMR): 125×, 100×, 50×, 20×, 10×', () => {
    expect([0, 50_000, 250_000, 1_000_000, 10_000_000].map((n) => bracketMaxLeverage(tiers, n))).toEqual([
      125, 100, 50, 20, 10,
    ]);
  });
  it('resizes a wish: US$80k of margin at 125× becomes 20× (US$1.6m, the 1m–10m bracket)', () => {
    expect(leverageWithinBrackets(tiers, 125, 80_000, 125)).toBe(20);
    // A small margin keeps its wish; a wish below every cap is kept; the flat cap still applies.
    expect(leverageWithinBrackets(tiers, 125, 300, 125)).toBe(125);
    expect(leverageWithinBrackets(tiers, 125, 80_000, 7)).toBe(7);
    expect(leverageWithinBrackets(tiers, 10, 300, 125)).toBe(10);
    // Just under a floor can beat the next bracket's cap: US$3,000 at 83.3× stays under 250k (100×), where 50×
    // would not even reach the 250k bracket.
    expect(leverageWithinBrackets(tiers, 125, 1_000, 125)).toBe(100);
    expect(leverageWithinBrackets(tiers, 125, 3_000, 125)).toBeCloseTo(250_000 / 3_000, 6);
  });
});
