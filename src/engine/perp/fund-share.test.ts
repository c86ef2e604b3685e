/** SFC [DEFAULT]: the insurance fund starts at 1% of open interest (guardrails §1C), paid in as it grows. */
import { describe, expect, it } from 'vitest';
import { openAccount } from './exchange.ts';
import { checkInvariants } from './invariants.ts';
import { fixedSpreadSeam } from './market-seam.ts';
import { placeMarketOrder } from './orders.ts';
import { stepExchange } from './step.ts';
import { testRules, testVenue } from './test-support.ts';

const seam = fixedSpreadSeam(0);
const step = (state: ReturnType<typeof testVenue>, btc: number) =>
  stepExchange(state, { BTC: { index: btc, traded: btc }, ETH: { index: 2_500, traded: 2_500 } }, seam, []);

describe('an insurance fund tied to open interest', () => {
  it('starts empty, follows 1% of open interest’s notional as it reaches new highs, and is never taken back', () => {
    const state = testVenue(testRules({ insuranceFundStart: 1_000_000 }), 1e9, {
      fundShareOfOpenInterest: 0.01,
    });
    expect(state.markets.BTC.insuranceFund).toBe(0);
    const trader = openAccount(state, 'trader', 'professional', 1_000_000);
    const o = { account: trader, market: 'BTC', side: 'long', qty: 10, leverage: 5, mode: 'cross' } as const;
    placeMarketOrder(state, seam, o, []);
    step(state, 50_000);
    expect(state.markets.BTC.insuranceFund).toBeCloseTo(0.01 * 10 * 50_000, 9);
    step(state, 40_000); // open interest worth less: nothing is taken back
    expect(state.markets.BTC.insuranceFund).toBeCloseTo(5_000, 9);
    step(state, 60_000);
    expect(state.markets.BTC.insuranceFund).toBeCloseTo(6_000, 9);
    expect(checkInvariants(state).conservationError).toBeLessThan(1e-12);
    // Without the rule the fund is the fixed start.
    const fixed = testVenue(testRules({ insuranceFundStart: 1_000_000 }));
    expect(fixed.markets.BTC.insuranceFund).toBe(1_000_000);
  });
});
