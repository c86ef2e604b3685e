import { describe, expect, it } from 'vitest';
import { createBroker, requirePrices } from './broker-state.ts';
import { checkBrokerInvariants } from './broker-invariants.ts';
import { HK_CIRCULAR, PRICES, testBroker } from './test-support.ts';

const LP = { cash: 1_000, holdings: { BTC: 2, ETH: 0, 'other-crypto': 0, securities: 0 } };

describe('createBroker', () => {
  it('starts with the capital in cash, no loans, and records what was put in', () => {
    const state = createBroker({
      rules: HK_CIRCULAR,
      prices: PRICES,
      brokerCapital: 500,
      liquidityProvider: LP,
    });
    expect(state.step).toBe(0);
    expect(state.stepMinutes).toBe(1);
    expect(state.broker).toEqual({ capital: 500, cash: 500, loansOutstanding: 0, interestReceivable: 0 });
    expect(state.totalCash).toBe(1_500);
    expect(state.failed).toBe(false);
    // What was put in; serialisable (the units serialise as numbers: HoldingsRow.toJSON).
    expect(JSON.parse(JSON.stringify(state)).totalUnits).toEqual({
      BTC: 2,
      ETH: 0,
      'other-crypto': 0,
      securities: 0,
    });
    expect(Object.values(checkBrokerInvariants(state)).every((e) => e === 0)).toBe(true);
  });

  it('copies the prices and holdings it is given, so the caller cannot change the state by accident', () => {
    const prices = { ...PRICES };
    const state = createBroker({ rules: HK_CIRCULAR, prices, brokerCapital: 0, liquidityProvider: LP });
    prices.BTC = 1;
    LP.holdings.BTC = 3;
    expect(state.prices.BTC).toBe(60_000);
    expect(state.liquidityProvider.holdings.BTC).toBe(2);
    LP.holdings.BTC = 2;
  });

  it('refuses unusable rules, prices and options, naming the field and the value', () => {
    const base = { rules: HK_CIRCULAR, prices: PRICES, brokerCapital: 0, liquidityProvider: LP };
    expect(() => createBroker({ ...base, rules: { ...HK_CIRCULAR, targetLtv: 0.5 } })).toThrow(
      'LTV thresholds must be in the order target ≤ call < forced sale (got [0.5,0.4,0.6])',
    );
    expect(() => createBroker({ ...base, prices: { ...PRICES, ETH: 0 } })).toThrow(
      'ETH price must be a number greater than 0 (got 0)',
    );
    expect(() => createBroker({ ...base, brokerCapital: -1 })).toThrow(
      'broker capital must be a number ≥ 0 (got -1)',
    );
    expect(() => createBroker({ ...base, spotFeeRate: 0.2 })).toThrow(
      'spot fee rate must be between 0 and 0.1 (got 0.2)',
    );
    expect(() => createBroker({ ...base, stepMinutes: 0 })).toThrow(
      'step minutes must be a number greater than 0 (got 0)',
    );
    expect(() =>
      createBroker({ ...base, liquidityProvider: { cash: 0, holdings: { ...LP.holdings, BTC: -1 } } }),
    ).toThrow('liquidity provider BTC units must be a number ≥ 0 (got -1)');
  });

  it('requirePrices accepts a full positive price set', () => {
    expect(requirePrices(PRICES)).toBe(PRICES);
    expect(() => requirePrices({ ...PRICES, securities: Infinity })).toThrow(/securities price/);
    expect(testBroker().prices).toEqual(PRICES);
  });
});
