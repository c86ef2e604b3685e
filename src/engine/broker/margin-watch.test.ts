/**
 * The margin index's interest allowance (margin-watch.ts): a client within limits is rechecked only after
 * RECHECK_MINUTES, so its headroom must hold the interest its principal accrues until then, or a client whose
 * debt crosses the call line by interest alone, prices still, is called late. broker-invariants.test.ts
 * compares the engines over random runs of at most 300 steps; this is the case those runs do not reach.
 */
import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from './broker-events.ts';
import type { BrokerState } from './broker-state.ts';
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

/**
 * The index's quiet minute (`quiet`, which stepBroker trusts to skip the review): whenever it says quiet, the
 * review it replaces finds nobody. Clients borrow at several distances from the call line while prices walk
 * down and up, so triggers are reached, scheduled checks come due and clients are touched.
 */
class CheckedQuiet extends MarginWatch {
  quietSteps = 0;
  busySteps = 0;
  wrong: number[] = [];

  override quiet(state: BrokerState): boolean {
    const quiet = super.quiet(state);
    if (!quiet) {
      this.busySteps++;
      return false;
    }
    this.quietSteps++;
    // Said quiet: the review it skips must visit nobody (and so changes nothing).
    super.eachCandidate(state, (client) => this.wrong.push(client.id));
    return true;
  }
}

describe('the margin index on a quiet minute', () => {
  it('says quiet only when the review would find nobody', () => {
    const state = testBroker(OFFSHORE);
    const watch = new CheckedQuiet();
    state.watch = watch;
    const seam = fixedSpreadSpotSeam(0);
    const events: BrokerEvent[] = [];
    for (const share of [0.2, 0.5, 0.7, 0.8, 0.84]) {
      const id = openClient(state, {
        investorClass: 'retail',
        cash: 0,
        financing: true,
        holdings: { ETH: 1 },
      });
      // Net debt q·P at `share` of the call line 0.85·(1 + q)·P.
      const q = (share * 0.85) / (1 - share * 0.85);
      expect(buyOnCredit(state, seam, id, 'ETH', q, events)).toBe(true);
    }
    let seed = 2026;
    const prices = { ...PRICES };
    for (let step = 0; step < 3 * 24 * 60; step++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      // A walk that drifts down for a day and a half, then back up.
      const drift = step < 36 * 60 ? -0.00012 : 0.00012;
      prices.ETH *= 1 + drift + (seed / 2_147_483_648 - 0.5) * 0.002;
      stepBroker(state, prices, seam, () => ({ kind: 'nothing' }), events);
    }
    expect(watch.wrong).toEqual([]);
    expect(watch.quietSteps).toBeGreaterThan(1000);
    expect(watch.busySteps).toBeGreaterThan(10);
    expect(events.some((e) => e.type === 'forced-sale')).toBe(true);
  });
});
