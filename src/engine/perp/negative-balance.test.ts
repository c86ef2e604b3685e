/**
 * Negative-balance protection on a trader's own close (issue 19): a close that would fill beyond the bankruptcy
 * price is settled as a liquidation (the insurance fund pays the shortfall, mechanics §1.12, BM-LIQ, BY-BKR),
 * and a taker fee takes at most the equity left (guardrails.md: loss limited to the margin posted, W5).
 */
import { describe, expect, it } from 'vitest';
import type { PerpEvent } from './events.ts';
import { openAccount } from './exchange.ts';
import { checkInvariants } from './invariants.ts';
import { accountEquity } from './margin.ts';
import { fixedSpreadSeam } from './market-seam.ts';
import { placeMarketOrder } from './orders.ts';
import { stepExchange } from './step.ts';
import { testRules, testVenue } from './test-support.ts';

const THIN = [{ floor: 0, mmr: 0.001 }];

describe('negative-balance protection on a trader’s own close', () => {
  it('a close beyond the bankruptcy price is liquidated: the fund pays the shortfall, the trader ends at 0', () => {
    const rules = testRules({ maxLeverage: 900, tiers: { BTC: THIN, ETH: THIN }, insuranceFundStart: 1_000 });
    const state = testVenue(rules);
    // Half spread 0.2% against 0.1% maintenance: the position is healthy at the mark, bankrupt at the bid.
    const seam = fixedSpreadSeam(0.002);
    const trader = openAccount(state, 'trader', 'retail', 170);
    const events: PerpEvent[] = [];
    const order = { account: trader, market: 'BTC' as const, qty: 1, leverage: 300, mode: 'cross' as const };
    expect(placeMarketOrder(state, seam, { ...order, side: 'long' }, events)).toBe(true);
    // Entry at the ask 50,100; at the mark 50,000 equity 70 ≥ maintenance 50: not liquidated by the venue.
    stepExchange(
      state,
      { BTC: { index: 50_000, traded: 50_000 }, ETH: { index: 2_500, traded: 2_500 } },
      seam,
      events,
    );
    expect(state.accounts[trader]!.positions.BTC).toBeDefined();
    events.length = 0;
    // The close would fill at the bid 49,900, below the bankruptcy price 50,100 − 170 = 49,930.
    placeMarketOrder(state, seam, { ...order, side: 'short' }, events);
    const account = state.accounts[trader]!;
    expect(account.positions.BTC).toBeUndefined();
    expect(accountEquity(account, state.markets)).toBeCloseTo(0, 9);
    expect(state.markets.BTC.insuranceFund).toBeCloseTo(1_000 - 30, 9);
    expect(events).toEqual([
      expect.objectContaining({ type: 'insurance-draw', account: trader }),
      expect.objectContaining({ type: 'liquidation', account: trader, settlement: 'insurance-fund', qty: 1 }),
    ]);
    expect(events[0]).toMatchObject({ amount: expect.closeTo(30, 9) });
    const report = checkInvariants(state);
    expect(report.conservationError).toBeLessThan(1e-12);
  });

  it('without protection the same close leaves the trader in debt', () => {
    const rules = testRules({
      maxLeverage: 900,
      tiers: { BTC: THIN, ETH: THIN },
      negativeBalanceProtection: false,
    });
    const state = testVenue(rules);
    const seam = fixedSpreadSeam(0.002);
    const trader = openAccount(state, 'trader', 'retail', 170);
    const order = { account: trader, market: 'BTC' as const, qty: 1, leverage: 300, mode: 'cross' as const };
    placeMarketOrder(state, seam, { ...order, side: 'long' }, []);
    placeMarketOrder(state, seam, { ...order, side: 'short' }, []);
    expect(state.accounts[trader]!.wallet).toBeCloseTo(-30, 9);
  });

  it('a taker fee takes at most the equity left after the close', () => {
    const state = testVenue(testRules({ takerFeeRate: 0.1 }));
    const seam = fixedSpreadSeam(0);
    // 1 BTC at 10× cross: initial margin 5,000 and fee 5,000 fit the deposit exactly.
    const trader = openAccount(state, 'trader', 'retail', 10_000);
    const order = { account: trader, market: 'BTC' as const, qty: 1, leverage: 10, mode: 'cross' as const };
    const events: PerpEvent[] = [];
    expect(placeMarketOrder(state, seam, { ...order, side: 'long' }, events)).toBe(true);
    // At 46,000 the equity is 1,000, above maintenance (0.4% of 46,000 = 184): no liquidation.
    stepExchange(
      state,
      { BTC: { index: 46_000, traded: 46_000 }, ETH: { index: 2_500, traded: 2_500 } },
      seam,
      events,
    );
    expect(state.accounts[trader]!.positions.BTC).toBeDefined();
    events.length = 0;
    placeMarketOrder(state, seam, { ...order, side: 'short' }, events);
    // The full fee would be 4,600; the 1,000 left is all it takes.
    expect(state.accounts[trader]!.wallet).toBeCloseTo(0, 9);
    expect(events).toEqual([expect.objectContaining({ type: 'fill', fee: expect.closeTo(1_000, 9) })]);
    expect(checkInvariants(state).conservationError).toBeLessThan(1e-12);
  });
});
