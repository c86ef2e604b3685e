import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from './broker-events.ts';
import { clientOf, openClient } from './clients.ts';
import { forceSale } from './forced-sales.ts';
import { lendCash } from './loan-ledger.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { HK_CIRCULAR, testBroker, worstInvariant } from './test-support.ts';

function owing(btc: number, debt: number, cash = 0) {
  const state = testBroker(HK_CIRCULAR, { spotFeeRate: 0.001 });
  const client = clientOf(
    state,
    openClient(state, { investorClass: 'professional', cash: 0, financing: true, holdings: { BTC: btc } }),
  );
  lendCash(state, client, debt);
  state.liquidityProvider.cash += debt - cash;
  client.cash = cash;
  return { state, client };
}

describe('forceSale', () => {
  it('sets idle cash off first, then sells back to the target; one event per asset with LTV before and after', () => {
    const { state, client } = owing(1, 40_000, 4_000);
    state.prices.BTC = 60_000;
    const events: BrokerEvent[] = [];
    forceSale(state, fixedSpreadSpotSeam(0.002), client, 'cure-period-ended', events);
    expect(events.map((e) => e.type)).toEqual(['repayment', 'forced-sale']);
    expect(events[0]).toMatchObject({ source: 'set-off', principalPaid: 4_000 });
    const sale = events[1]!;
    expect(sale).toMatchObject({
      type: 'forced-sale',
      reason: 'cure-period-ended',
      asset: 'BTC',
      ltvBefore: 36_000 / 60_000,
    });
    if (sale.type !== 'forced-sale') throw new Error('unreachable');
    // A bid below the price path and a fee: the sale repeats until the client is within limits (LTV ≤ 40%).
    // It aims a cushion of one cure period's interest lower (24 h at 0.001%/h); the bid eats part of it.
    expect(sale.ltvAfter!).toBeLessThanOrEqual(0.4);
    expect(sale.ltvAfter!).toBeGreaterThanOrEqual(0.4 / 1.00024);
    expect(sale.price).toBeCloseTo(59_880, 6);
    expect(sale.qty).toBeGreaterThan(0.2); // (36,000 − 24,000) / 0.6 / 60,000 = 0.2 at the price path
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });

  it('sells everything and reports the broker shortfall when the collateral does not cover the debt', () => {
    const { state, client } = owing(1, 70_000);
    const events: BrokerEvent[] = [];
    forceSale(state, fixedSpreadSpotSeam(0), client, 'liquidation-ltv', events);
    expect(client.holdings.BTC).toBe(0);
    const shortfall = events.find((e) => e.type === 'shortfall');
    expect(shortfall).toEqual({
      type: 'shortfall',
      step: 0,
      client: client.id,
      amount: expect.closeTo(70_000 - 60_000 + 60, 6),
    });
    expect(events.find((e) => e.type === 'forced-sale')).toMatchObject({ ltvAfter: null });
    expect(client.principal).toBeCloseTo(10_060, 6); // still owed: no negative-balance protection (guardrails §2)
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });
});
