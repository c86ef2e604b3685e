/**
 * The hourly accrual settled lazily (interest-book.ts) against the same broker settled after every operation,
 * which is the eager accrual (each pass's amount added to each debtor at the pass): every client's interest and
 * hourly interest, every event, the receivable and the class sums equal bit for bit, over random loans,
 * charges, repayments, multi-hour passes at varying rates and a broker failure's set-off.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextFloat, nextInt, seedPrng, type PrngState } from '../prng.ts';
import type { BrokerEvent } from './broker-events.ts';
import { brokerFailure } from './broker-failure.ts';
import type { BrokerState } from './broker-state.ts';
import { openClient } from './clients.ts';
import { chargeFirstHour } from './interest-accrual.ts';
import { settleInterest } from './interest-book.ts';
import { accrueHourlyInterestOnDebtors, chargeInterest, lendCash, repayFromCash } from './loan-ledger.ts';
import { OFFSHORE, testBroker, worstInvariant } from './test-support.ts';

function operate(state: BrokerState, rng: PrngState, events: BrokerEvent[], accrued: { amount: number }) {
  const client = state.clients[nextInt(rng, state.clients.length)]!;
  const u = nextFloat(rng);
  if (u < 0.25) {
    const amount = nextFloat(rng) < 0.1 ? 0 : 1 + nextFloat(rng) * 50_000;
    lendCash(state, client, amount);
    chargeFirstHour(state, client, amount, events);
  } else if (u < 0.35) chargeInterest(state, client, nextFloat(rng) * 3);
  else if (u < 0.45) repayFromCash(state, client, nextFloat(rng) * 30_000);
  else if (u < 0.5 && !state.failed && nextFloat(rng) < 0.05) brokerFailure(state, events);
  else {
    const rate = nextFloat(rng) < 0.1 ? 0 : nextFloat(rng) * 0.0005;
    const charged = accrueHourlyInterestOnDebtors(state, rate, 1 + nextInt(rng, 3), accrued);
    events.push({
      type: 'interest-accrued',
      step: 0,
      clients: charged,
      hours: 0,
      hourlyRate: rate,
      amount: accrued.amount,
    });
  }
}

function run(seed: number, clients: number, operations: number, settleAlways: boolean) {
  const rng = seedPrng(seed);
  const state = testBroker(OFFSHORE);
  for (let i = 0; i < clients; i++)
    openClient(state, {
      investorClass: nextFloat(rng) < 0.5 ? 'retail' : 'professional',
      cash: 1_000 + nextFloat(rng) * 20_000,
      financing: true,
      holdings: { BTC: nextFloat(rng) * 0.5 },
    });
  const events: BrokerEvent[] = [];
  const accrued = { amount: 0 };
  for (let k = 0; k < operations; k++) {
    operate(state, rng, events, accrued);
    if (settleAlways) for (const client of state.clients) settleInterest(client);
  }
  for (const client of state.clients) settleInterest(client);
  return {
    interest: state.clients.map((c) => [c.interest, c.hourlyInterest]),
    events: JSON.stringify(events),
    receivable: state.broker.interestReceivable,
    byClass: { ...state.hourlyInterestByClass },
    invariant: worstInvariant(state).error,
  };
}

describe('the interest book (lazy hourly accrual)', () => {
  it('settles every client to the bits of the eager accrual (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 12 }), (seed, clients) => {
        const lazy = run(seed, clients, 200, false);
        const eager = run(seed, clients, 200, true);
        expect(lazy).toEqual(eager);
        expect(lazy.invariant).toBeLessThan(1e-9);
      }),
      { numRuns: 60 },
    );
  });
});
