import { describe, expect, it } from 'vitest';
import {
  MAX_FUNDING_RATE_PER_8H,
  MAX_HOLDING_HOURS,
  positionRefusals,
  quotePosition,
  type PositionQuery,
} from './position-quote.ts';
import { fundingRate } from './funding.ts';
import { REGIMES } from '../regimes/catalogue.ts';

// Mechanics vector 13: isolated long 1 BTC @ 50,000 at 10× on the 2021 Binance tiers.
const VECTOR_13: PositionQuery = {
  ruleSet: 'offshore-cex',
  asset: 'BTC',
  side: 'long',
  qty: 1,
  entryPrice: 50_000,
  leverage: 10,
  marginMode: 'isolated',
  holdingHours: 24,
  fundingRatePer8h: 0.0001,
};

describe('position quote', () => {
  it('reproduces mechanics vector 13 (liquidation 45,180.72, bankruptcy 45,000, IM 5,000, MM 200)', () => {
    const quote = quotePosition(VECTOR_13);
    expect(quote.liquidationPrice).toBeCloseTo(45_180.72, 2);
    expect(quote.bankruptcyPrice).toBeCloseTo(45_000, 6);
    expect(quote.initialMargin).toBe(5_000);
    expect(quote.maintenanceMargin).toBeCloseTo(200, 9);
  });

  it('scales and caps funding as the engine does at settlement (funding.ts)', () => {
    // Hyperliquid-style hourly settlement: 8% per 8 h is 1% an hour, under its 4%/h cap.
    const hourly = quotePosition({
      ...VECTOR_13,
      ruleSet: 'onchain-perp-dex',
      leverage: 5,
      fundingRatePer8h: 0.08,
    });
    const settled = fundingRate({ premium: 0.08, interest: 0.08, intervalHours: 1, cap: 0.04 });
    expect(hourly.funding.ratePerInterval).toBe(settled);
    expect(hourly.funding.capped).toBe(false);
    expect(hourly.funding.accrual).toBeCloseTo(50_000 * settled * 24, 6);
    // Hong Kong's default: 1% per 8 h is held at the rule set's cap per settlement.
    const { cap, intervalHours } = REGIMES['hk-sfc-2026'].perp.funding;
    const capped = quotePosition({ ...VECTOR_13, ruleSet: 'hk-sfc-2026', fundingRatePer8h: 0.01 });
    expect(capped.funding.ratePerInterval).toBe(
      fundingRate({ premium: 0.01, interest: 0.01, intervalHours, cap: cap! }),
    );
    expect(capped.funding.ratePerInterval).toBeLessThan(0.01);
    expect(capped.funding.capped).toBe(true);
  });

  it('names every refused field at once, with the limits the calculator shows', () => {
    const refused = positionRefusals({
      ...VECTOR_13,
      qty: -1,
      entryPrice: NaN,
      holdingHours: MAX_HOLDING_HOURS + 1,
      fundingRatePer8h: -MAX_FUNDING_RATE_PER_8H * 1.01,
    });
    expect(Object.keys(refused)).toEqual(['qty', 'entryPrice', 'holdingHours', 'fundingRatePer8h']);
    expect(refused.holdingHours?.allowed).toMatchObject({ kind: 'between', max: 8760 });
    expect(() => quotePosition({ ...VECTOR_13, holdingHours: 8761 })).toThrow(/holding time/);
    expect(positionRefusals({ ...VECTOR_13, holdingHours: 8760, fundingRatePer8h: 0.1 })).toEqual({});
  });

  it('refuses a cross wallet below the initial margin, naming that margin', () => {
    const refused = positionRefusals({ ...VECTOR_13, marginMode: 'cross', walletBalance: 4_000 });
    expect(refused.walletBalance?.allowed).toEqual({ kind: 'at-least', min: 5_000, unit: 'USD' });
  });
});
