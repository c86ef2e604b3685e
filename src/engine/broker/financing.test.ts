import { describe, expect, it } from 'vitest';
import type { BrokerEvent, LoanEvent } from './broker-events.ts';
import { stepBroker } from './broker-step.ts';
import { valueHoldings } from './client-margin.ts';
import { clientOf, openClient } from './clients.ts';
import { borrowCash, buyOnCredit, repay, topUp } from './financing.ts';
import { NO_REACTION } from './reactions.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { sellSpot } from './spot.ts';
import { HK_CIRCULAR, PRICES, testBroker, worstInvariant } from './test-support.ts';
import { marginCallPrice } from '../margin/loan-to-value.ts';
import type { MarginFinancingRules } from '../margin/financing-rules.ts';

const seam = fixedSpreadSpotSeam(0);

function hk() {
  const state = testBroker(HK_CIRCULAR);
  const id = openClient(state, {
    investorClass: 'professional',
    cash: 50_000,
    financing: true,
    holdings: { securities: 1_000 },
  });
  return { state, id };
}

describe('buyOnCredit', () => {
  it('pays with cash first and borrows the rest, charging the first hour at once (B-MGN)', () => {
    const { state, id } = hk();
    const events: BrokerEvent[] = [];
    expect(buyOnCredit(state, seam, id, 'BTC', 1, events)).toBe(true);
    const client = clientOf(state, id);
    expect(client.cash).toBe(0);
    expect(client.principal).toBe(10_000);
    expect(client.interest).toBeCloseTo(0.1, 12);
    expect(state.broker.loansOutstanding).toBe(10_000);
    expect(events.map((e) => e.type)).toEqual(['spot-trade', 'interest', 'loan']);
    const loan = events[2] as LoanEvent;
    // lending value after: 70% of $100,000 of securities + 40% of $60,000 of BTC
    expect(loan).toMatchObject({
      amount: 10_000,
      purpose: 'buy-on-credit',
      lendingValueAfter: 94_000,
      brokerLoansAfter: 10_000,
    });
    expect(loan.ltvAfter).toBeCloseTo(10_000.1 / 160_000, 12);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });

  it('is a plain spot purchase when the cash covers it: no lending rule applies, even to a spot-only client', () => {
    const state = testBroker(HK_CIRCULAR);
    const id = openClient(state, { investorClass: 'retail', cash: 70_000, financing: false });
    const events: BrokerEvent[] = [];
    expect(buyOnCredit(state, seam, id, 'BTC', 1, events)).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['spot-trade']);
    expect(clientOf(state, id).principal).toBe(0);
  });

  it('refuses at the door with an event and leaves the account untouched', () => {
    const { state, id } = hk();
    const before = JSON.stringify(state);
    const events: BrokerEvent[] = [];
    // other crypto bought on credit counts 0 (A5): $100,000 with $50,000 cash needs a loan over 70,000
    expect(buyOnCredit(state, seam, id, 'other-crypto', 12_500, events)).toBe(false);
    expect(events).toEqual([
      {
        type: 'broker-refused',
        step: 0,
        client: id,
        request: 'buy-on-credit',
        asset: 'other-crypto',
        amount: 12_500,
        reason: 'loan-exceeds-lending-value',
        limit: 70_000,
        requested: expect.closeTo(75_000.75, 6),
      },
    ]);
    expect(JSON.stringify(state)).toBe(before);
  });
});

describe('borrowCash, repay, topUp', () => {
  it('vector 62 (B-MGN) through the broker: 1,000 borrowed 13:20, repaid 14:15 at 0.001%/h costs 0.02', () => {
    const state = testBroker(HK_CIRCULAR);
    const id = openClient(state, {
      investorClass: 'professional',
      cash: 1,
      financing: true,
      holdings: { securities: 100 },
    });
    state.step = 13 * 60 + 20; // one-minute steps from a top of the hour
    const events: BrokerEvent[] = [];
    expect(borrowCash(state, id, 1_000, events)).toBe(true);
    for (let i = 0; i < 55; i++) stepBroker(state, PRICES, seam, NO_REACTION, events);
    expect(state.step).toBe(14 * 60 + 15);
    expect(clientOf(state, id).interest).toBeCloseTo(0.02, 12);
    expect(repay(state, id, 1_000.02, events)).toBe(true);
    expect(clientOf(state, id)).toMatchObject({ principal: 0, interest: 0 });
    expect(clientOf(state, id).cash).toBeCloseTo(0.98, 9);
    expect(state.broker.cash).toBeCloseTo(10_000_000.02, 6);
    expect(events.filter((e) => e.type === 'interest').map((e) => e.step)).toEqual([800]); // first hour, at the loan
    expect(events.filter((e) => e.type === 'interest-accrued').map((e) => e.step)).toEqual([840]);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });

  it('vector 63 (B-LTV) through the broker: loan 100 on 0.01938571 BTC @7,400 (143.45) is LTV 69.71%', () => {
    // B-LTV style rules (test data): 25% haircut, call at 75%, no interest so the debt is the loan itself.
    const rules: MarginFinancingRules = {
      ...HK_CIRCULAR,
      collateral: { ...HK_CIRCULAR.collateral, BTC: { eligible: true, haircut: 0.25 } },
      callLtv: 0.75,
      liquidationLtv: 0.83,
      targetLtv: 0.65,
      hourlyInterestRate: 0,
      maxCryptoShareOfLendingValue: null,
    };
    const state = testBroker(rules, { startMinuteOfDay: 24 * 60 - 2 }); // step 2 is the day's call check
    state.prices.BTC = 7_400;
    // The client pays 43.454254 of the 143.454254 and borrows the 100 (cash first, mechanics §3.7 vector 63).
    const id = openClient(state, { investorClass: 'professional', cash: 43.454254, financing: true });
    const events: BrokerEvent[] = [];
    expect(buyOnCredit(state, seam, id, 'BTC', 0.01938571, events)).toBe(true);
    const loan = events.find((e): e is LoanEvent => e.type === 'loan')!;
    expect(loan.amount).toBeCloseTo(100, 9);
    // By hand: 0.01938571 × 7,400 = 143.454254 (143.45 in the spec); lending value 143.454254 × 0.75 = 107.5906905.
    const { marketValue } = valueHoldings(state, clientOf(state, id).holdings);
    expect(marketValue).toBeCloseTo(143.454254, 9);
    expect(loan.lendingValueAfter).toBeCloseTo(107.5906905, 9);
    expect(loan.debtAfter).toBeCloseTo(100, 9); // no interest in these rules
    expect(loan.ltvAfter).toBeCloseTo(0.6971, 4);
    // Its LTV reaches the 75% call exactly at the call price: no call there, a call just below.
    const callPrice = marginCallPrice({ debt: loan.amount, qty: 0.01938571, callLtv: 0.75 });
    stepBroker(state, { ...state.prices, BTC: callPrice }, seam, NO_REACTION, events);
    expect(events.some((e) => e.type === 'margin-call')).toBe(false);
    stepBroker(state, { ...state.prices, BTC: callPrice * (1 - 1e-6) }, seam, NO_REACTION, events);
    expect(events.filter((e) => e.type === 'margin-call')).toHaveLength(1);
  });

  it('repay pays interest first, then principal, and is refused beyond the cash held', () => {
    const { state, id } = hk();
    buyOnCredit(state, seam, id, 'BTC', 1, []);
    topUp(state, id, 0.05, []);
    const events: BrokerEvent[] = [];
    expect(repay(state, id, 1, events)).toBe(false);
    expect(events[0]).toMatchObject({ reason: 'insufficient-cash', limit: 0, requested: 1 });
    expect(clientOf(state, id).interest).toBeCloseTo(0.05, 12);
    expect(clientOf(state, id).principal).toBe(10_000);
  });

  it('a top-up is new cash: it repays the loan and the excess stays with the client', () => {
    const { state, id } = hk();
    buyOnCredit(state, seam, id, 'BTC', 1, []);
    const total = state.totalCash;
    const events: BrokerEvent[] = [];
    topUp(state, id, 12_000, events);
    expect(events).toEqual([
      {
        type: 'top-up',
        step: 0,
        client: id,
        amount: 12_000,
        interestPaid: expect.closeTo(0.1, 12),
        principalPaid: 10_000,
        debtAfter: 0,
      },
    ]);
    expect(clientOf(state, id).cash).toBeCloseTo(1_999.9, 9);
    expect(clientOf(state, id).deposited).toBe(62_000);
    expect(state.totalCash).toBe(total + 12_000);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });

  it('sale proceeds of a client with a loan repay it first (a margin account’s debit balance)', () => {
    const { state, id } = hk();
    buyOnCredit(state, seam, id, 'BTC', 1, []);
    const events: BrokerEvent[] = [];
    expect(sellSpot(state, seam, id, 'BTC', 0.1, events)).toBe(true);
    expect(events[1]).toEqual({
      type: 'repayment',
      step: 0,
      client: id,
      source: 'sale',
      interestPaid: expect.closeTo(0.1, 12),
      principalPaid: expect.closeTo(5_999.9, 9),
      debtAfter: expect.closeTo(4_000.1, 9),
    });
    expect(clientOf(state, id).cash).toBeCloseTo(0, 9);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });

  it('throws on amounts that are not positive numbers', () => {
    const { state, id } = hk();
    expect(() => borrowCash(state, id, 0, [])).toThrow('loan amount must be a number greater than 0 (got 0)');
    expect(() => repay(state, id, -1, [])).toThrow(/repayment amount/);
    expect(() => topUp(state, id, NaN, [])).toThrow(/top-up amount/);
    expect(() => buyOnCredit(state, seam, id, 'BTC', -1, [])).toThrow(/buy quantity/);
  });
});
