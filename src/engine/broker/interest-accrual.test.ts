import { describe, expect, it } from 'vitest';
import type { BrokerEvent, InterestEvent } from './broker-events.ts';
import { stepBroker } from './broker-step.ts';
import { clientOf, openClient } from './clients.ts';
import { accrueInterest, chargeFirstHour } from './interest-accrual.ts';
import { settleInterest } from './interest-book.ts';
import { lendCash } from './loan-ledger.ts';
import { NO_REACTION } from './reactions.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { HK_CIRCULAR, PRICES, testBroker, worstInvariant } from './test-support.ts';

function borrower(stepMinutes = 1) {
  const state = testBroker(HK_CIRCULAR, { stepMinutes });
  const client = clientOf(
    state,
    openClient(state, {
      investorClass: 'professional',
      cash: 0,
      financing: true,
      holdings: { securities: 1_000 },
    }),
  );
  lendCash(state, client, 10_000);
  return { state, client };
}

describe('interest accrual (B-MGN; mechanics §4 item 12)', () => {
  it('charges principal × hourly rate at each top of the hour the step touches, owed to the broker', () => {
    const { state, client } = borrower();
    const events: BrokerEvent[] = [];
    accrueInterest(state, 30, 59, events);
    expect(events).toEqual([]);
    accrueInterest(state, 59, 60, events);
    accrueInterest(state, 60, 185, events); // 120 and 180: two hours
    expect(events.map((e) => (e as InterestEvent).hours)).toEqual([1, 2]);
    settleInterest(client); // the pass charges the client when it is next read (interest-book.ts)
    expect(client.interest).toBeCloseTo(10_000 * 0.00001 * 3, 12);
    expect(state.broker.interestReceivable).toBe(client.interest);
    expect(events[1]).toMatchObject({
      type: 'interest-accrued',
      clients: 1,
      hourlyRate: 0.00001,
      amount: expect.closeTo(0.2, 12),
    });
  });

  it('accrues on principal only, never on interest (mechanics §4 item 12)', () => {
    const { state, client } = borrower();
    for (let h = 0; h < 100; h++) accrueInterest(state, h * 60, (h + 1) * 60, []);
    settleInterest(client);
    expect(client.interest).toBeCloseTo(10_000 * 0.00001 * 100, 9);
  });

  it('the first partial hour counts in full, charged when the loan is made', () => {
    const { state, client } = borrower();
    const events: BrokerEvent[] = [];
    chargeFirstHour(state, client, 10_000, events);
    expect(client.interest).toBeCloseTo(0.1, 12);
    expect(events[0]).toMatchObject({ type: 'interest', hours: 1 });
  });

  it('stepping with 5-minute steps charges the same hours as one-minute steps', () => {
    const seam = fixedSpreadSpotSeam(0);
    const a = borrower(1);
    const b = borrower(5);
    for (let i = 0; i < 600; i++) stepBroker(a.state, PRICES, seam, NO_REACTION, []);
    for (let i = 0; i < 120; i++) stepBroker(b.state, PRICES, seam, NO_REACTION, []);
    settleInterest(a.client);
    settleInterest(b.client);
    expect(a.client.interest).toBeCloseTo(1, 12);
    expect(b.client.interest).toBe(a.client.interest);
    expect(worstInvariant(b.state).error).toBeLessThan(1e-9);
  });
});
