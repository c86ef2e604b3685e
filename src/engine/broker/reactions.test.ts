import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from './broker-events.ts';
import { clientOf, openClient } from './clients.ts';
import { lendCash } from './loan-ledger.ts';
import { applyReaction, NO_REACTION, reduceCollateral } from './reactions.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { HK_CIRCULAR, testBroker, worstInvariant } from './test-support.ts';

const seam = fixedSpreadSpotSeam(0);

function called() {
  const state = testBroker({ ...HK_CIRCULAR, hourlyInterestRate: 0 });
  const client = clientOf(
    state,
    openClient(state, { investorClass: 'professional', cash: 0, financing: true, holdings: { BTC: 1 } }),
  );
  lendCash(state, client, 30_000);
  client.cash = 0;
  state.liquidityProvider.cash += 30_000;
  client.marginCall = { sinceStep: 0, deadlineStep: 1_440, trigger: ['ltv-above-call'], metAtNetDebt: 0 };
  return { state, client };
}

describe('client reactions to a call', () => {
  it('NO_REACTION does nothing', () => {
    const { state, client } = called();
    const events: BrokerEvent[] = [];
    expect(
      applyReaction(state, seam, client, NO_REACTION(state, client.id, client.marginCall!), events),
    ).toBe('nothing');
    expect(events).toEqual([]);
  });

  it('a top-up repays the loan; a zero top-up is allowed and does nothing', () => {
    const { state, client } = called();
    const events: BrokerEvent[] = [];
    applyReaction(state, seam, client, { kind: 'top-up', amount: 6_000 }, events);
    expect(client.principal).toBe(24_000);
    applyReaction(state, seam, client, { kind: 'top-up', amount: 0 }, events);
    expect(events.map((e) => e.type)).toEqual(['top-up']);
    expect(() => applyReaction(state, seam, client, { kind: 'top-up', amount: -1 }, events)).toThrow(
      /top-up amount/,
    );
  });

  it('reduce sells at the order price and reports the sales, the debt and the LTV after', () => {
    const { state, client } = called();
    const events: BrokerEvent[] = [];
    reduceCollateral(state, seam, client.id, 15_000, events);
    expect(events).toEqual([
      {
        type: 'reduce',
        step: 0,
        client: client.id,
        sales: [{ asset: 'BTC', qty: 0.25, price: 60_000, proceeds: 15_000, fee: 0 }],
        debtAfter: 15_000,
        ltvAfter: 15_000 / 45_000,
      },
    ]);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });

  it('reduce with no value sells what brings the client back to the target', () => {
    const { state, client } = called();
    reduceCollateral(state, seam, client.id, undefined, []);
    // (30,000 − 0.4 × 60,000) / 0.6 = 10,000 sold
    expect(client.holdings.BTC).toBeCloseTo(1 - 1 / 6, 9);
    expect(client.principal).toBeCloseTo(20_000, 4);
  });
});
