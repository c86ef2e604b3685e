/**
 * Issue 15 defect 5: margin calls must not flap. Brokers under the securities-margin framework call on the
 * day's closing values, due T+1/T+2 (guardrails §1A–1B; W21 "one business day"), a call keeps its deadline
 * until the shortfall is met, and a tick back over the line does not erase it. Here the HK rules of
 * test-support (call LTV 40%) and a price that crosses the call line back and forth every minute for a day.
 */
import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from './broker-events.ts';
import { stepBroker } from './broker-step.ts';
import { clientOf, openClient } from './clients.ts';
import { buyOnCredit } from './financing.ts';
import { NO_REACTION } from './reactions.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { HK_CIRCULAR, PRICES, testBroker } from './test-support.ts';

const seam = fixedSpreadSpotSeam(0);
const RULES = { ...HK_CIRCULAR, maxCryptoShareOfLendingValue: null, hourlyInterestRate: 0 };

/** A client at LTV 40% on 1 BTC, the run starting at 12:00 UTC (the day's close 12 hours away). */
function atTheLine() {
  const state = testBroker(RULES, { startMinuteOfDay: 12 * 60 });
  const id = openClient(state, { investorClass: 'professional', cash: 36_000, financing: true });
  expect(buyOnCredit(state, seam, id, 'BTC', 1, [])).toBe(true);
  return { state, client: clientOf(state, id) };
}

/** Minute by minute: 1% below the line on odd minutes, back on it on even ones. */
const flapping = (minute: number) => ({ ...PRICES, BTC: minute % 2 === 1 ? 59_400 : 60_000 });

describe('margin calls at the day’s check, kept until met (issue 15, defect 5)', () => {
  it('one call at the close for a client who crosses the line 720 times, not a call and a cure each time', () => {
    const { state, client } = atTheLine();
    const events: BrokerEvent[] = [];
    for (let minute = 1; minute <= 24 * 60; minute++)
      stepBroker(state, flapping(minute), seam, NO_REACTION, events);
    const calls = events.filter((e) => e.type === 'margin-call');
    // The close is at step 720 (12:00 + 12 h), an even minute: on the line, no call; the next odd minute
    // is not a check. Crossing minutes in between call nobody.
    expect(calls).toEqual([]);
    expect(events.filter((e) => e.type === 'cure')).toEqual([]);
    expect(client.marginCall).toBeNull();
  });

  it('a breach at the close is called once; the call survives the price coming back, and is due a day later', () => {
    const { state, client } = atTheLine();
    const events: BrokerEvent[] = [];
    // Below the line at the close (step 720), then flapping for the next day.
    for (let minute = 1; minute <= 720; minute++)
      stepBroker(state, { ...PRICES, BTC: 59_400 }, seam, NO_REACTION, events);
    for (let minute = 721; minute <= 720 + 24 * 60; minute++)
      stepBroker(state, flapping(minute), seam, NO_REACTION, events);
    const calls = events.filter((e) => e.type === 'margin-call');
    expect(calls.map((e) => [e.step, e.deadlineStep])).toEqual([[720, 720 + 24 * 60]]);
    // The next close (step 2,160) is also the deadline, an even minute, back on the line: met, no sale.
    const cures = events.filter((e) => e.type === 'cure');
    expect(cures.map((e) => [e.step, e.how])).toEqual([[720 + 24 * 60, 'within-limits']]);
    expect(events.filter((e) => e.type === 'forced-sale')).toEqual([]);
    expect(client.marginCall).toBeNull();
  });
});
