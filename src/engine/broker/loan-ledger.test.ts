import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BrokerEvent } from './broker-events.ts';
import { clientOf, openClient } from './clients.ts';
import { chargeInterest, lendCash, repayFromCash, setOffCash } from './loan-ledger.ts';
import { testBroker, worstInvariant } from './test-support.ts';

function withLoan(principal: number, interest: number, cash: number) {
  const state = testBroker();
  const client = clientOf(state, openClient(state, { investorClass: 'professional', cash, financing: true }));
  lendCash(state, client, principal);
  chargeInterest(state, client, interest);
  return { state, client };
}

describe('loan ledger', () => {
  it('lending moves cash from the broker to the client and records the principal on both sides', () => {
    const { state, client } = withLoan(1_000, 0, 0);
    expect(client).toMatchObject({ cash: 1_000, principal: 1_000 });
    expect(state.broker).toMatchObject({ cash: 10_000_000 - 1_000, loansOutstanding: 1_000 });
    expect(worstInvariant(state).error).toBe(0);
  });

  it('repays interest first, then principal, never more than the cash or the debt (B-MGN)', () => {
    const { state, client } = withLoan(1_000, 2, 0);
    const r = repayFromCash(state, client, 1_500);
    expect(r).toMatchObject({ interestPaid: 2, principalPaid: 998 });
    expect(client).toMatchObject({ cash: 0, principal: 2, interest: 0 });
    expect(state.broker).toMatchObject({ loansOutstanding: 2, interestReceivable: 0 });
  });

  it('set-off applies all idle cash and reports it', () => {
    const { state, client } = withLoan(1_000, 0, 500);
    client.cash = 600; // spent 900 of the 1,500 it had (test set-up; the ledger only moves what it is given)
    state.liquidityProvider.cash += 900;
    const events: BrokerEvent[] = [];
    setOffCash(state, client, events);
    expect(client.cash).toBe(0);
    expect(client.principal).toBe(400);
    expect(events).toEqual([
      {
        type: 'repayment',
        step: 0,
        client: client.id,
        source: 'set-off',
        interestPaid: 0,
        principalPaid: 600,
        debtAfter: 400,
      },
    ]);
    setOffCash(state, client, events);
    expect(events).toHaveLength(1);
  });

  it('keeps principal and interest equal to the broker’s side through any repayments', () => {
    const money = fc.double({ min: 0, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(
        money,
        money,
        money,
        fc.array(money, { maxLength: 6 }),
        (principal, interest, cash, payments) => {
          const { state, client } = withLoan(principal, interest, cash);
          for (const p of payments) repayFromCash(state, client, p);
          expect(client.cash).toBeGreaterThanOrEqual(0);
          expect(worstInvariant(state).error).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it('refuses negative amounts', () => {
    const { state, client } = withLoan(1, 0, 0);
    expect(() => lendCash(state, client, -1)).toThrow('loan amount must be a number ≥ 0 (got -1)');
    expect(() => chargeInterest(state, client, NaN)).toThrow('interest must be a number ≥ 0 (got NaN)');
  });
});
