import { describe, expect, it } from 'vitest';
import { accrueInterest } from './interest-accrual.ts';
import { clientOf, openClient } from './clients.ts';
import { lendCash } from './loan-ledger.ts';
import { testBroker, worstInvariant } from './test-support.ts';

describe('the loan book', () => {
  it('keeps every client’s figures when it grows past its first arrays', () => {
    const state = testBroker();
    const ids: number[] = [];
    for (let k = 0; k < 200; k++) {
      const id = openClient(state, {
        investorClass: k % 3 ? 'retail' : 'professional',
        cash: 10,
        financing: true,
        holdings: { securities: 100 },
      });
      lendCash(state, clientOf(state, id), 1 + k);
      ids.push(id);
    }
    accrueInterest(state, 0, 60, []);
    for (const id of ids) {
      const client = clientOf(state, id);
      expect(client.principal).toBe(1 + id);
      expect(client.interest).toBe((1 + id) * state.rules.hourlyInterestRate);
      expect(client.hourlyInterest).toBe(client.interest);
    }
    // The class sums as a per-client pass would add them, in id order.
    let retail = 0;
    let professional = 0;
    for (const id of ids)
      if (clientOf(state, id).investorClass === 'professional')
        professional += clientOf(state, id).hourlyInterest;
      else retail += clientOf(state, id).hourlyInterest;
    expect(state.hourlyInterestByClass).toEqual({ retail, professional });
    expect(worstInvariant(state).error).toBeLessThan(1e-12);
  });

  it('writes a client as the plain object it stands for', () => {
    const state = testBroker();
    const id = openClient(state, { investorClass: 'professional', cash: 100, financing: true });
    lendCash(state, clientOf(state, id), 40);
    clientOf(state, id).interest = 0.25;
    expect(JSON.parse(JSON.stringify(clientOf(state, id)))).toEqual({
      id,
      investorClass: 'professional',
      cash: 140,
      holdings: { BTC: 0, ETH: 0, 'other-crypto': 0, securities: 0 },
      principal: 40,
      interest: 0.25,
      hourlyInterest: 0,
      marginCall: null,
      deposited: 100,
      financing: true,
    });
  });
});
