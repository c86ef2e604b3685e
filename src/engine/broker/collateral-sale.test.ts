import { describe, expect, it } from 'vitest';
import { holdingsWith, type Holdings } from './broker-state.ts';
import { assessClient } from './client-margin.ts';
import { clientOf, openClient } from './clients.ts';
import { planRestoringSale, planSaleByValue, sellCollateral } from './collateral-sale.ts';
import { lendCash } from './loan-ledger.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { HK_CIRCULAR, testBroker, worstInvariant } from './test-support.ts';

/** A client holding `holdings` that owes `debt` and has spent the cash it borrowed. */
/** HK circular rules without interest, so the sale lands exactly on the target (see the cushion test). */
const NO_INTEREST = { ...HK_CIRCULAR, hourlyInterestRate: 0 };

function owing(holdings: Partial<Holdings>, debt: number, fee = 0, rules = NO_INTEREST) {
  const state = testBroker(rules, { spotFeeRate: fee });
  const client = clientOf(
    state,
    openClient(state, { investorClass: 'professional', cash: 0, financing: true, holdings }),
  );
  lendCash(state, client, debt);
  client.cash = 0;
  state.liquidityProvider.cash += debt;
  return { state, client };
}

describe('planRestoringSale', () => {
  it('HK [DEFAULT]: at LTV 60% on 1 BTC @40,000, sells a third back to 40% (forced-sale calculator)', () => {
    const { state, client } = owing({ BTC: 1 }, 24_000);
    state.prices.BTC = 40_000;
    expect(planRestoringSale(state, client).BTC).toBeCloseTo(1 / 3, 9);
  });

  it('aims below the target by one cure period of interest, so interest alone does not call the client back', () => {
    const { state, client } = owing({ BTC: 1 }, 24_000, 0, HK_CIRCULAR);
    state.prices.BTC = 40_000;
    const cushion = 1 + 0.00001 * 24; // 24 hours at 0.001% an hour
    sellCollateral(state, fixedSpreadSpotSeam(0), client, planRestoringSale(state, client), 'forced-sale');
    expect(assessClient(state, client).ltv).toBeCloseTo(0.4 / cushion, 9);
  });

  it('never force-sells what the rules count at zero: other crypto (A5) is not collateral (issue 15)', () => {
    // $30,000 of other crypto and 1 BTC ($60,000 of cover): LTV 28,000 / 60,000 = 46.7% > 40%.
    const { state, client } = owing({ 'other-crypto': 3_000, BTC: 1 }, 28_000);
    const plan = planRestoringSale(state, client);
    expect(plan['other-crypto']).toBe(0);
    // LTV pass on BTC alone: (28,000 − 0.4 × 60,000) / 0.6 = 6,666.67 of BTC
    expect(plan.BTC * 60_000).toBeCloseTo(6_666.67, 1);
  });

  it('runs the lending-value pass after the LTV pass when both are needed', () => {
    // 1 BTC and $10,000 of securities (lend 40% and 70%): LTV pass (30,000 − 0.4 × 70,000) / 0.6 = 3,333.33
    // of BTC, leaving debt 26,666.67 > lending value 0.4 × 56,666.67 + 7,000 = 29,666.67: no second pass needed
    // here, so make the securities lend less than BTC's LTV target: debt ≤ LV needs its own pass.
    const rules = {
      ...NO_INTEREST,
      collateral: { ...NO_INTEREST.collateral, securities: { eligible: true, haircut: 0.9 } },
    };
    const { state, client } = owing({ securities: 300, BTC: 1 }, 30_000, 0, rules);
    const plan = planRestoringSale(state, client);
    sellCollateral(state, fixedSpreadSpotSeam(0), client, plan, 'forced-sale');
    const after = assessClient(state, client);
    expect(after.check.status).toBe('ok');
    expect(after.netDebt).toBeCloseTo(after.lendingValue, 4);
    expect(after.ltv!).toBeLessThan(0.4);
  });

  it('sells everything when the debt is at least the collateral value', () => {
    const { state, client } = owing({ BTC: 1, securities: 10 }, 70_000);
    expect(planRestoringSale(state, client)).toEqual({ BTC: 1, ETH: 0, 'other-crypto': 0, securities: 10 });
  });

  it('sells nothing for a client within limits', () => {
    const { state, client } = owing({ BTC: 1 }, 10_000);
    expect(planRestoringSale(state, client)).toEqual({ BTC: 0, ETH: 0, 'other-crypto': 0, securities: 0 });
  });
});

describe('planSaleByValue and sellCollateral', () => {
  it('walks the sale order (other crypto, BTC, ETH, securities) up to the value asked', () => {
    const { state, client } = owing({ 'other-crypto': 100, BTC: 1, securities: 100 }, 10_000);
    expect(planSaleByValue(state, client, 31_000)).toEqual({
      BTC: 0.5,
      ETH: 0,
      'other-crypto': 100,
      securities: 0,
    });
    expect(planSaleByValue(state, client, 1e9)).toEqual({
      BTC: 1,
      ETH: 0,
      'other-crypto': 100,
      securities: 100,
    });
  });

  it('repays the debt from the proceeds less the fee, and conserves cash and units', () => {
    const { state, client } = owing({ BTC: 1 }, 20_000, 0.001);
    const lines = sellCollateral(
      state,
      fixedSpreadSpotSeam(0.001),
      client,
      holdingsWith(client.holdings, 'BTC', 0.5),
      'forced-sale',
    );
    expect(lines).toEqual([
      { asset: 'BTC', qty: 0.5, price: 59_940, proceeds: 29_970, fee: expect.closeTo(29.97, 9) },
    ]);
    expect(client.principal).toBe(0);
    expect(client.cash).toBeCloseTo(29_970 - 29.97 - 20_000, 6);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });
});
