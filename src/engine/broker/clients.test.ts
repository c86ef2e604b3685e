import { describe, expect, it } from 'vitest';
import { clientDebt, clientOf, openClient } from './clients.ts';
import { testBroker, worstInvariant } from './test-support.ts';

describe('client accounts', () => {
  it('opening a client adds its cash and units to what the system holds', () => {
    const state = testBroker();
    const before = state.totalCash;
    const id = openClient(state, {
      investorClass: 'professional',
      cash: 1_000,
      financing: true,
      holdings: { securities: 50 },
    });
    expect(id).toBe(0);
    // As a plain object (its numbers live in a row: client-record.ts).
    expect(JSON.parse(JSON.stringify(clientOf(state, id)))).toEqual({
      id: 0,
      investorClass: 'professional',
      cash: 1_000,
      holdings: { BTC: 0, ETH: 0, 'other-crypto': 0, securities: 50 },
      principal: 0,
      interest: 0,
      hourlyInterest: 0,
      settledPasses: 0,
      marginCall: null,
      deposited: 1_000,
      financing: true,
    });
    expect(state.totalCash).toBe(before + 1_000);
    expect(state.totalUnits.securities).toBe(1e8 + 50);
    expect(worstInvariant(state).error).toBe(0);
  });

  it('debt is principal plus accrued interest', () => {
    const state = testBroker();
    const client = clientOf(state, openClient(state, { investorClass: 'retail', cash: 0, financing: true }));
    client.principal = 100;
    client.interest = 0.5;
    expect(clientDebt(client)).toBe(100.5);
  });

  it('refuses an unknown client and negative amounts', () => {
    const state = testBroker();
    expect(() => clientOf(state, 3)).toThrow('no client 3 (there are 0)');
    expect(() => openClient(state, { investorClass: 'retail', cash: -5, financing: false })).toThrow(
      'client cash must be a number ≥ 0 (got -5)',
    );
    expect(() =>
      openClient(state, { investorClass: 'retail', cash: 0, financing: false, holdings: { ETH: -1 } }),
    ).toThrow('client ETH units must be a number ≥ 0 (got -1)');
  });
});
