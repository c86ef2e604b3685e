/**
 * The margin index's interest allowance (margin-watch.ts): a client within limits is rechecked only after
 * RECHECK_MINUTES, so its headroom must hold the interest its principal accrues until then, or a client whose
 * debt crosses the call line by interest alone, prices still, is called late. broker-invariants.test.ts
 * compares the engines over random runs of at most 300 steps; this is the case those runs do not reach.
 */
import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from './broker-events.ts';
import { stepBroker } from './broker-step.ts';
import { openClient } from './clients.ts';
import { buyOnCredit } from './financing.ts';
import { MarginWatch } from './margin-watch.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { OFFSHORE, PRICES, testBroker } from './test-support.ts';

/** Ten days of hourly steps at still prices; one client 5% below the call line, borrowing at 0.05% an hour. */
function interestOnlyRun(fast: boolean): BrokerEvent[] {
  const state = testBroker({ ...OFFSHORE, hourlyInterestRate: 0.0005 }, { stepMinutes: 60 });
  if (fast) state.watch = new MarginWatch();
  const seam = fixedSpreadSpotSeam(0);
  const events: BrokerEvent[] = [];
  const id = openClient(state, { investorClass: 'retail', cash: 0, financing: true, holdings: { BTC: 1 } });
  // Net debt q·P against the call line 0.85·(1 + q)·P (OFFSHORE: call LTV 0.85 on crypto): 95% of it.
  const q = (0.95 * 0.85) / (1 - 0.95 * 0.85);
  expect(buyOnCredit(state, seam, id, 'BTC', q, events)).toBe(true);
  for (let step = 0; step < 240; step++)
    stepBroker(state, { ...PRICES }, seam, () => ({ kind: 'nothing' }), events);
  return events;
}

describe('the margin index and interest alone', () => {
  it('calls a client whose debt crosses the call line by interest alone on the day the plain loop does', () => {
    const reference = interestOnlyRun(false);
    const calledAt = reference.find((e) => e.type === 'margin-call')?.step;
    // The case this test is for: crossed by interest after the first day and before a week is out.
    expect(calledAt).toBeGreaterThan(24);
    expect(calledAt).toBeLessThan(7 * 24);
    expect(JSON.stringify(interestOnlyRun(true))).toBe(JSON.stringify(reference));
  });
});
