import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from './broker-events.ts';
import { clientOf, openClient } from './clients.ts';
import { accrueInterest } from './interest-accrual.ts';
import { lendCash, repayFromCash } from './loan-ledger.ts';
import { testBroker } from './test-support.ts';

describe('the debtor list', () => {
  it('stays ascending, and drops a client that repaid at the next hourly pass', () => {
    const state = testBroker();
    const open = () =>
      openClient(state, {
        investorClass: 'retail',
        cash: 100,
        financing: true,
        holdings: { securities: 10 },
      });
    const [a, b, c] = [open(), open(), open()];
    lendCash(state, clientOf(state, c), 5);
    lendCash(state, clientOf(state, a), 5);
    lendCash(state, clientOf(state, b), 5);
    lendCash(state, clientOf(state, a), 1); // already listed: not listed twice
    expect(state.debtors).toEqual([a, b, c]);
    repayFromCash(state, clientOf(state, b), 100);
    expect(clientOf(state, b).principal).toBe(0);
    const events: BrokerEvent[] = [];
    accrueInterest(state, 0, 60, events);
    expect(state.debtors).toEqual([a, c]);
    expect(events).toMatchObject([{ type: 'interest-accrued', clients: 2 }]);
    expect(clientOf(state, b).interest).toBe(0);
    lendCash(state, clientOf(state, b), 2); // back in its place
    expect(state.debtors).toEqual([a, b, c]);
  });
});
