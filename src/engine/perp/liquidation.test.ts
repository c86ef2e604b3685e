import { describe, expect, it } from 'vitest';
import type { LiquidationEvent, PerpEvent } from './events.ts';
import { openAccount, type ExchangeState } from './exchange.ts';
import { checkInvariants } from './invariants.ts';
import { liquidationPrice } from './liquidation-price.ts';
import { fixedSpreadSeam } from './market-seam.ts';
import { placeMarketOrder, type MarketOrder } from './orders.ts';
import type { PerpRules } from './rules.ts';
import { stepExchange } from './step.ts';
import { testRules, testVenue } from './test-support.ts';

const seam = fixedSpreadSeam(0);

function venue(overrides: Partial<PerpRules> = {}) {
  return testVenue(testRules(overrides));
}
function order(state: ExchangeState, o: MarketOrder, events: PerpEvent[] = []) {
  expect(placeMarketOrder(state, seam, o, events)).toBe(true);
}
function stepTo(state: ExchangeState, btc: number, events: PerpEvent[]) {
  stepExchange(
    state,
    { BTC: { index: btc, traded: btc }, ETH: { index: 2_500, traded: 2_500 } },
    seam,
    events,
  );
  const report = checkInvariants(state);
  expect(report.conservationError).toBeLessThan(1e-9);
  expect(report.openInterestError).toBeLessThan(1e-9);
  expect(report.minInsuranceFund).toBeGreaterThanOrEqual(0);
}
const liquidations = (events: PerpEvent[]) =>
  events.filter((e): e is LiquidationEvent => e.type === 'liquidation');
/** Isolated long 1 BTC @ 50,000 at 10×: margin 5,000 — mechanics vector 13 (LP 45,180.7229, BP 45,000). */
function vector13(state: ExchangeState) {
  const trader = openAccount(state, 'trader', 'professional', 5_000);
  order(state, { account: trader, market: 'BTC', side: 'long', qty: 1, leverage: 10, mode: 'isolated' });
  return trader;
}

describe('liquidation on mark price, settled against the bankruptcy price', () => {
  it('triggers exactly where the calculator puts the liquidation price (vector 13)', () => {
    const state = venue();
    const trader = vector13(state);
    const { liquidationPrice: lp } = liquidationPrice({
      side: 'long',
      qty: 1,
      entryPrice: 50_000,
      wallet: 5_000,
      tiers: state.markets.BTC.tiers,
    });
    expect(lp).toBeCloseTo(45_180.7229, 3);
    const events: PerpEvent[] = [];
    stepTo(state, lp! * (1 + 1e-9), events);
    expect(liquidations(events)).toHaveLength(0);
    stepTo(state, lp! * (1 - 1e-9), events);
    expect(liquidations(events)).toHaveLength(1);
    expect(state.accounts[trader]!.positions.BTC).toBeUndefined();
  });

  it('a fill better than bankruptcy: the fee goes to the fund, the trader keeps the rest (B-LIQP, B-IF)', () => {
    const state = venue({ liquidationFeeRate: 0.001 });
    const trader = vector13(state);
    const events: PerpEvent[] = [];
    stepTo(state, 45_100, events);
    const [liq] = liquidations(events);
    // Surplus over bankruptcy 45,100 − 45,000 = 100; fee min(0.1% × 45,100, 100) = 45.1.
    expect(liq).toMatchObject({
      fillPrice: 45_100,
      bankruptcyPrice: 45_000,
      settlement: 'within-margin',
      partial: false,
    });
    expect(liq!.fee).toBeCloseTo(45.1, 9);
    expect(state.markets.BTC.insuranceFund).toBeCloseTo(45.1, 9);
    expect(state.accounts[trader]!.wallet).toBeCloseTo(100 - 45.1, 9);
  });

  it('the fee never takes the trader below bankruptcy: capped at the surplus', () => {
    const state = venue({ liquidationFeeRate: 0.0125 });
    const trader = vector13(state);
    const events: PerpEvent[] = [];
    stepTo(state, 45_100, events);
    expect(liquidations(events)[0]!.fee).toBeCloseTo(100, 9);
    expect(state.accounts[trader]!.wallet).toBeCloseTo(0, 9);
  });

  it('a fill worse than bankruptcy is paid by the insurance fund when it can (BM-LIQ, BY-BKR)', () => {
    const state = venue({ insuranceFundStart: 5_000 });
    const trader = vector13(state);
    const events: PerpEvent[] = [];
    stepTo(state, 44_000, events); // a gap through the bankruptcy price
    expect(liquidations(events)[0]).toMatchObject({ settlement: 'insurance-fund', fillPrice: 44_000 });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'insurance-draw', amount: 1_000, fundAfter: 4_000 }),
    );
    expect(state.accounts[trader]!.wallet).toBeCloseTo(0, 9); // loss limited to the margin posted
  });

  it('without negative-balance protection the shortfall stays with the trader as debt', () => {
    const state = venue({ insuranceFundStart: 5_000, negativeBalanceProtection: false });
    const trader = vector13(state);
    const events: PerpEvent[] = [];
    stepTo(state, 44_000, events);
    expect(liquidations(events)[0]).toMatchObject({ settlement: 'trader-debt' });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'bad-debt', account: trader, amount: 1_000 }),
    );
    expect(state.accounts[trader]!.wallet).toBeCloseTo(-1_000, 9);
    expect(state.markets.BTC.insuranceFund).toBe(5_000);
  });

  it('an empty fund: ADL closes the most profitable, most leveraged shorts at the bankruptcy price (B-ADL)', () => {
    const state = venue();
    const a = vector13(state);
    const b = openAccount(state, 'trader', 'professional', 2_500);
    const c = openAccount(state, 'trader', 'professional', 30_000);
    order(state, { account: b, market: 'BTC', side: 'short', qty: 0.5, leverage: 10, mode: 'isolated' });
    order(state, { account: c, market: 'BTC', side: 'short', qty: 1, leverage: 2, mode: 'cross' });
    const events: PerpEvent[] = [];
    stepTo(state, 44_000, events);
    // At mark 44,000: B's PnL% = 3,000/2,500 = 1.2 and margin ratio 88/5,500 → 0.0192;
    // C's PnL% = 6,000/30,000 = 0.2 and margin ratio 176/36,000 → 0.00098. B goes first.
    const adl = events.filter((e) => e.type === 'adl');
    expect(adl).toEqual([
      expect.objectContaining({
        account: b,
        bankruptAccount: a,
        qty: 0.5,
        price: 45_000,
        rank: 0,
        realisedPnl: 2_500,
      }),
      expect.objectContaining({
        account: c,
        bankruptAccount: a,
        qty: 0.5,
        price: 45_000,
        rank: 1,
        realisedPnl: 2_500,
      }),
    ]);
    expect(liquidations(events)[0]).toMatchObject({
      settlement: 'adl',
      fillPrice: null,
      bankruptcyPrice: 45_000,
    });
    expect(state.accounts[a]!.wallet).toBeCloseTo(0, 9);
    expect(state.accounts[b]!.positions.BTC).toBeUndefined();
    expect(state.accounts[c]!.positions.BTC!.size).toBeCloseTo(-0.5, 12);
    expect(state.markets.BTC.insuranceFund).toBe(0);
  });

  it('socialised loss: the fund is emptied and the rest is charged per coin to every open position (§1.15)', () => {
    const state = venue({ lossAllocation: 'socialised', insuranceFundStart: 300 });
    vector13(state);
    const b = openAccount(state, 'trader', 'professional', 2_500);
    const c = openAccount(state, 'trader', 'professional', 30_000);
    order(state, { account: b, market: 'BTC', side: 'short', qty: 0.5, leverage: 10, mode: 'isolated' });
    order(state, { account: c, market: 'BTC', side: 'short', qty: 1, leverage: 2, mode: 'cross' });
    const events: PerpEvent[] = [];
    stepTo(state, 44_000, events);
    // Shortfall 1,000; the fund pays 300; 700 is shared over 1.5 coins long + 1.5 coins short.
    const social = events.find((e) => e.type === 'socialised-loss');
    expect(social).toMatchObject({ amount: 700 });
    expect((social as { perCoin: number }).perCoin).toBeCloseTo(700 / 3, 9);
    expect(state.markets.BTC.insuranceFund).toBe(0);
  });

  it('partial liquidation sends a slice and leaves the margin with the rest (HL-liquidations: 20% rounds)', () => {
    // Vector 15: isolated long 10 BTC @ 50,000 at 20×, margin 25,000 → LP 47,848.48 in tier 3.
    const state = venue({ partialLiquidation: { sliceFraction: 0.2, minNotional: 100_000 } });
    const trader = openAccount(state, 'trader', 'professional', 25_000);
    order(state, { account: trader, market: 'BTC', side: 'long', qty: 10, leverage: 20, mode: 'isolated' });
    const events: PerpEvent[] = [];
    stepTo(state, 47_850, events);
    expect(liquidations(events)).toHaveLength(0);
    stepTo(state, 47_800, events);
    const [slice] = liquidations(events);
    // Equity 25,000 − 22,000 = 3,000 < MM 478,000 × 1% − 1,300 = 3,480. After 2 BTC: equity 3,000,
    // MM 382,400 × 1% − 1,300 = 2,524, healthy again.
    expect(liquidations(events)).toHaveLength(1);
    expect(slice).toMatchObject({ partial: true, qty: 2, sizeAfter: 8, settlement: 'within-margin' });
    expect(state.accounts[trader]!.positions.BTC!.isolatedMargin).toBeCloseTo(25_000 - 4_400, 6);
  });

  it('cross margin: the account is liquidated where the cross formula says, with the whole wallet behind it', () => {
    const state = venue();
    const trader = openAccount(state, 'trader', 'professional', 5_000);
    order(state, { account: trader, market: 'BTC', side: 'long', qty: 1, leverage: 10, mode: 'cross' });
    const lp = liquidationPrice({
      side: 'long',
      qty: 1,
      entryPrice: 50_000,
      wallet: 5_000,
      tiers: state.markets.BTC.tiers,
    }).liquidationPrice!;
    const events: PerpEvent[] = [];
    stepTo(state, lp + 0.01, events);
    expect(liquidations(events)).toHaveLength(0);
    stepTo(state, lp - 0.01, events);
    expect(liquidations(events)[0]).toMatchObject({ mode: 'cross', qty: 1 });
    expect(liquidations(events)[0]!.bankruptcyPrice).toBeCloseTo(45_000, 6);
  });
});
