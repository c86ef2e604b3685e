import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { liquidationPrice, type LiquidationInput } from './liquidation-price.ts';
import { sideSign, type Side } from './side.ts';
import { BINANCE_BTCUSDT_2021, deriveTiers, maintenanceMargin, type TierSpec } from './tiers.ts';

const btcusdt = deriveTiers(BINANCE_BTCUSDT_2021);

/** Equity of the position's margin (cross: net of the other positions' MM) at price p (§1.8 derivation). */
function equityNetOfOthersAt(input: LiquidationInput, p: number): number {
  const s = sideSign(input.side);
  return (
    input.wallet -
    (input.otherMaintenance ?? 0) +
    (input.otherUnrealisedPnl ?? 0) +
    s * input.qty * (p - input.entryPrice)
  );
}

describe('liquidationPrice (B-LIQ one-way mode, isolated)', () => {
  it('vector 13: long 1 BTC @50,000 with 5,000 margin → LP 45,180.7229 in tier 1', () => {
    const r = liquidationPrice({ side: 'long', qty: 1, entryPrice: 50_000, wallet: 5_000, tiers: btcusdt });
    expect(r.liquidationPrice).toBeCloseTo(45_180.7229, 4); // (5,000 − 50,000)/(0.004 − 1)
    expect(r.tierIndex).toBe(0);
    expect(r.bankruptcyPrice).toBeCloseTo(45_000, 9); // §1.9: EP − WB/Q
  });

  it('vector 15: long 10 BTC @50,000 with 25,000 margin → LP 47,848.4848 in tier 3', () => {
    const r = liquidationPrice({ side: 'long', qty: 10, entryPrice: 50_000, wallet: 25_000, tiers: btcusdt });
    expect(r.liquidationPrice).toBeCloseTo(47_848.4848, 4); // (25,000 + 1,300 − 500,000)/(0.1 − 10)
    expect(r.tierIndex).toBe(2);
    expect(r.bankruptcyPrice).toBeCloseTo(47_500, 9);
  });

  it('vector 17: long 1 BTC @50,000 at 125x (400 margin) → LP 49,799.1968, BP 49,600', () => {
    const r = liquidationPrice({ side: 'long', qty: 1, entryPrice: 50_000, wallet: 400, tiers: btcusdt });
    expect(r.liquidationPrice).toBeCloseTo(49_799.1968, 4);
    expect(r.tierIndex).toBe(0);
    expect(r.bankruptcyPrice).toBeCloseTo(49_600, 9);
  });

  it('short 1 BTC @50,000 with 5,000 margin: tier 1 guess lands in tier 2, so LP is recomputed there (B-LIQ)', () => {
    const r = liquidationPrice({ side: 'short', qty: 1, entryPrice: 50_000, wallet: 5_000, tiers: btcusdt });
    // tier 1: 55,000/1.004 = 54,780.88 → notional ≥ 50,000, rejected; tier 2: (55,000 + 50)/1.005
    expect(r.liquidationPrice).toBeCloseTo(55_050 / 1.005, 6);
    expect(r.tierIndex).toBe(1);
    expect(r.bankruptcyPrice).toBeCloseTo(55_000, 9); // EP + WB/Q
  });

  it('a long backed by more than its notional has no positive LP or BP', () => {
    const r = liquidationPrice({ side: 'long', qty: 1, entryPrice: 50_000, wallet: 60_000, tiers: btcusdt });
    expect(r.liquidationPrice).toBeNull();
    expect(r.bankruptcyPrice).toBeNull();
    expect(r.tierIndex).toBe(1); // the tier at entry (notional 50,000)
  });

  it('finds LP when LP·Q lands exactly on a tier floor (rounding must not lose it)', () => {
    // LP·Q = 250,000 exactly: both tier 2 and tier 3 give LP = 83,333.33 in exact arithmetic
    const r = liquidationPrice({
      side: 'long',
      qty: 3,
      entryPrice: 123_456.7,
      wallet: 121_570.1,
      tiers: btcusdt,
    });
    expect(r.liquidationPrice).toBeCloseTo(250_000 / 3, 6);
  });

  it('refuses invalid arguments, naming the field', () => {
    const base = { side: 'long' as const, qty: 1, entryPrice: 50_000, wallet: 5_000, tiers: btcusdt };
    expect(() => liquidationPrice({ ...base, qty: 0 })).toThrow(
      'qty must be a number greater than 0 (got 0)',
    );
    expect(() => liquidationPrice({ ...base, entryPrice: -1 })).toThrow(/entry price .*got -1/);
    expect(() => liquidationPrice({ ...base, wallet: NaN })).toThrow(/wallet .*got NaN/);
  });
});

describe('liquidationPrice (B-LIQ cross)', () => {
  it('long 1 BTC @50,000, wallet 10,000, other positions MM 1,000 and UPnL −2,000', () => {
    const input: LiquidationInput = {
      side: 'long',
      qty: 1,
      entryPrice: 50_000,
      wallet: 10_000,
      otherMaintenance: 1_000,
      otherUnrealisedPnl: -2_000,
      tiers: btcusdt,
    };
    const r = liquidationPrice(input);
    // (WB − TMM1 + UPNL1 − Q·EP)/(Q·MMR − Q) = (7,000 − 50,000)/(0.004 − 1)
    expect(r.liquidationPrice).toBeCloseTo(43_000 / 0.996, 6);
    expect(r.tierIndex).toBe(0);
    // §1.9: account equity 0 ⇒ BP = EP − (WB + UPNL1)/Q
    expect(r.bankruptcyPrice).toBeCloseTo(42_000, 9);
    const lp = r.liquidationPrice ?? NaN;
    // account equity at LP = this position's MM + the others' MM
    expect(equityNetOfOthersAt(input, lp)).toBeCloseTo(maintenanceMargin(btcusdt, lp), 6);
  });
});

const tierTableArb: fc.Arbitrary<TierSpec[]> = fc
  .array(
    fc.tuple(
      fc.double({ min: 1_000, max: 2_000_000, noNaN: true }),
      fc.double({ min: 0.001, max: 0.05, noNaN: true }),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((steps) => {
    let floor = 0;
    let mmr = 0;
    return steps.map(([floorStep, mmrStep], i) => {
      if (i > 0) floor += floorStep;
      mmr = Math.min(0.5, mmr + mmrStep);
      return { floor, mmr };
    });
  });

/** A position whose margin is above its MM at entry and below its notional: it has an LP and a BP. */
const positionArb = fc
  .record({
    specs: tierTableArb,
    side: fc.constantFrom<Side>('long', 'short'),
    qty: fc.double({ min: 0.001, max: 100, noNaN: true }),
    entryPrice: fc.double({ min: 1, max: 100_000, noNaN: true }),
    walletFraction: fc.double({ min: 0.001, max: 0.95, noNaN: true }),
    otherMaintenanceFraction: fc.double({ min: 0, max: 0.9, noNaN: true }),
    otherUnrealisedPnl: fc.double({ min: -1_000, max: 1_000, noNaN: true }),
    cross: fc.boolean(),
  })
  .map((r) => {
    const tiers = deriveTiers(r.specs);
    const notional = r.qty * r.entryPrice;
    const mmAtEntry = maintenanceMargin(tiers, notional);
    // margin available to this position, between its MM at entry and its notional
    const buffer = mmAtEntry + r.walletFraction * (notional - mmAtEntry);
    // cross: keep WB + UPNL1 = buffer + TMM1 below the notional too, or a long has no positive BP
    const otherMaintenance = r.otherMaintenanceFraction * (notional - buffer);
    const others = r.cross ? otherMaintenance - r.otherUnrealisedPnl : 0;
    const input: LiquidationInput = {
      side: r.side,
      qty: r.qty,
      entryPrice: r.entryPrice,
      wallet: buffer + others,
      tiers,
      ...(r.cross ? { otherMaintenance, otherUnrealisedPnl: r.otherUnrealisedPnl } : {}),
    };
    return input;
  });

describe('liquidationPrice properties (§4 item 9)', () => {
  it('equity at LP equals MM evaluated at LP, with the tier chosen by LP·Q', () => {
    fc.assert(
      fc.property(positionArb, (input) => {
        const r = liquidationPrice(input);
        expect(r.liquidationPrice).not.toBeNull();
        const lp = r.liquidationPrice ?? NaN;
        const mm = maintenanceMargin(input.tiers, lp * input.qty);
        expect(Math.abs(equityNetOfOthersAt(input, lp) - mm)).toBeLessThanOrEqual(1e-9 * mm);
      }),
    );
  });

  it('longs: BP < LP < EP; shorts: EP < LP < BP', () => {
    fc.assert(
      fc.property(positionArb, (input) => {
        const r = liquidationPrice(input);
        const lp = r.liquidationPrice ?? NaN;
        const bp = r.bankruptcyPrice ?? NaN;
        if (input.side === 'long') {
          expect(bp).toBeLessThan(lp);
          expect(lp).toBeLessThan(input.entryPrice);
        } else {
          expect(input.entryPrice).toBeLessThan(lp);
          expect(lp).toBeLessThan(bp);
        }
      }),
    );
  });

  it('equity at BP is zero (§1.9)', () => {
    fc.assert(
      fc.property(positionArb, (input) => {
        const bp = liquidationPrice(input).bankruptcyPrice ?? NaN;
        const equity = equityNetOfOthersAt(input, bp) + (input.otherMaintenance ?? 0);
        expect(Math.abs(equity)).toBeLessThanOrEqual(1e-9 * input.qty * input.entryPrice);
      }),
    );
  });
});
