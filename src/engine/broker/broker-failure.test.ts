import { describe, expect, it } from 'vitest';
import type { MarginFinancingRules } from '../margin/financing-rules.ts';
import type { BrokerEvent } from './broker-events.ts';
import { brokerFailure } from './broker-failure.ts';
import { clientDebt, clientOf, openClient } from './clients.ts';
import { borrowCash, buyOnCredit } from './financing.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { HK_CIRCULAR, OFFSHORE, testBroker, worstInvariant } from './test-support.ts';

const seam = fixedSpreadSpotSeam(0);

/** A margin client with 1 BTC bought on credit and $100,000 of securities, beside a spot-only client. */
function venue(rules: MarginFinancingRules) {
  const state = testBroker({ ...rules, maxCryptoShareOfLendingValue: null });
  const margin = openClient(state, {
    investorClass: 'professional',
    cash: 40_000,
    financing: true,
    holdings: { securities: 1_000 },
  });
  const spot = openClient(state, {
    investorClass: 'retail',
    cash: 0,
    financing: false,
    holdings: { BTC: 2 },
  });
  expect(buyOnCredit(state, seam, margin, 'BTC', 1, [])).toBe(true);
  return { state, margin: clientOf(state, margin), spot: clientOf(state, spot) };
}

describe('brokerFailure', () => {
  it('SFC 26EC5 (A7): with no re-use, collateral comes back whole and the loan is still owed', () => {
    const { state, margin, spot } = venue(HK_CIRCULAR);
    const debt = clientDebt(margin);
    const events: BrokerEvent[] = [];
    brokerFailure(state, events);
    expect(events).toEqual([
      { type: 'broker-failure-return', step: 0, client: margin.id, value: 160_000, debt },
    ]);
    expect(margin.holdings).toMatchObject({ BTC: 1, securities: 1_000 });
    expect(spot.holdings.BTC).toBe(2);
    expect(state.estate.holdings.BTC).toBe(0);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });

  it('offshore (re-use 100%): the crypto is lost to the estate, set off against the debt; the rest is lost', () => {
    const { state, margin, spot } = venue(OFFSHORE);
    const debt = clientDebt(margin); // 20,000 + the first hour's interest
    const events: BrokerEvent[] = [];
    brokerFailure(state, events);
    expect(events).toEqual([
      {
        type: 'broker-failure-loss',
        step: 0,
        client: margin.id,
        asset: 'BTC',
        qty: 1,
        value: 60_000,
        setOff: debt,
        netLoss: 60_000 - debt,
      },
      { type: 'broker-failure-return', step: 0, client: margin.id, value: 100_000, debt: 0 },
    ]);
    expect(margin.holdings.BTC).toBe(0);
    expect(state.estate.holdings.BTC).toBe(1);
    expect(state.broker.loansOutstanding).toBe(0);
    expect(spot.holdings.BTC).toBe(2); // spot-only assets are not collateral
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });

  it('a partial re-use share: when the loss is smaller than the debt, all of it is set off and the rest is owed', () => {
    const state = testBroker({ ...OFFSHORE, rehypothecationShare: 0.5 });
    const id = openClient(state, {
      investorClass: 'retail',
      cash: 0,
      financing: true,
      holdings: { BTC: 1, securities: 1_000 },
    });
    expect(borrowCash(state, id, 50_000, [])).toBe(true);
    const events: BrokerEvent[] = [];
    brokerFailure(state, events);
    expect(events[0]).toMatchObject({ qty: 0.5, value: 30_000, setOff: 30_000, netLoss: 0 });
    expect(clientDebt(clientOf(state, id))).toBeCloseTo(20_000.5, 9);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });

  it('stops further advances, and cannot happen twice', () => {
    const { state, margin } = venue(HK_CIRCULAR);
    brokerFailure(state, []);
    const events: BrokerEvent[] = [];
    expect(borrowCash(state, margin.id, 1, events)).toBe(false);
    expect(events[0]).toMatchObject({ reason: 'broker-failed' });
    expect(() => brokerFailure(state, [])).toThrow(
      'brokerFailure call must be the first for this broker (got "second")',
    );
  });
});
