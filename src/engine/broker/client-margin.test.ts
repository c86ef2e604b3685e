import { clientLtv, isWithinLimits } from './client-margin.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marginCallPrice } from '../margin/loan-to-value.ts';
import { assessClient, collateralOf, hasCollateral, ltvOrNull, valueHoldings } from './client-margin.ts';
import { clientOf, openClient } from './clients.ts';
import { lendCash } from './loan-ledger.ts';
import { BROKER_ASSETS, type Holdings } from './broker-state.ts';
import { HK_CIRCULAR, OFFSHORE, testBroker } from './test-support.ts';
import { HK_SFC_2026 } from '../regimes/presets/hk-sfc-2026.ts';
import { OFFSHORE_CEX } from '../regimes/presets/offshore-cex.ts';

function btcBorrower(rules = HK_CIRCULAR, btc = 1, debt = 20_000) {
  const state = testBroker(rules);
  const client = clientOf(
    state,
    openClient(state, { investorClass: 'professional', cash: 0, financing: true, holdings: { BTC: btc } }),
  );
  lendCash(state, client, debt);
  // The client spent the cash it borrowed (test set-up: moved to the provider so cash stays conserved).
  client.cash = 0;
  state.liquidityProvider.cash += debt;
  return { state, client };
}

describe('valuing a client’s holdings', () => {
  it('lists held assets at the broker’s prices and values them by the margin calculators', () => {
    const state = testBroker();
    const holdings = { BTC: 1, ETH: 0, 'other-crypto': 1_000, securities: 100 };
    // other crypto counts 0 (A5): it is not collateral (issue 15), though it is worth $10,000
    expect(collateralOf(state, holdings)).toEqual([
      { asset: 'BTC', qty: 1, price: 60_000 },
      { asset: 'securities', qty: 100, price: 100 },
    ]);
    // HK: 40% of BTC + 0 for other crypto (A5) + 70% of securities
    expect(valueHoldings(state, holdings)).toEqual({
      collateralValue: 70_000,
      marketValue: 80_000,
      lendingValue: 24_000 + 7_000,
      cryptoShare: 24_000 / 31_000,
      // the call allows securities' lending value + 40% of the VA part: 7,000 + 0.4 × 60,000
      callCover: 7_000 + 0.4 * 60_000,
    });
  });

  it('LTV is null, not Infinity, for debt on no collateral', () => {
    expect(ltvOrNull(10, 0)).toBeNull();
    expect(ltvOrNull(0, 0)).toBe(0);
    expect(ltvOrNull(10, 40)).toBe(0.25);
  });
});

describe('assessClient', () => {
  it('sets idle cash off against the debt', () => {
    const { state, client } = btcBorrower(HK_CIRCULAR, 1, 30_000);
    expect(assessClient(state, client).check.status).toBe('margin-call');
    client.cash = 10_000;
    state.liquidityProvider.cash -= 10_000;
    const a = assessClient(state, client);
    expect(a).toMatchObject({ debt: 30_000, netDebt: 20_000, ltv: 20_000 / 60_000 });
    expect(a.check.status).toBe('ok');
    expect(hasCollateral(state, client)).toBe(true);
  });

  it('does not read float rounding at a limit as a breach', () => {
    const { state, client } = btcBorrower(HK_CIRCULAR, 1, 24_000 * (1 + 1e-12));
    expect(assessClient(state, client).check.status).toBe('ok');
    client.principal = 24_000 * (1 + 1e-6);
    expect(assessClient(state, client).check.triggers).toEqual([
      'ltv-above-call',
      'loan-exceeds-lending-value',
    ]);
  });

  it('LTV at the margin-call price equals the call threshold, and a call fires just below it', () => {
    const rulesArb = fc.constantFrom(HK_CIRCULAR, OFFSHORE);
    fc.assert(
      fc.property(
        rulesArb,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        (rules, qty, debt) => {
          const { state, client } = btcBorrower(rules, qty, debt);
          state.prices.BTC = marginCallPrice({ debt, qty, callLtv: rules.callLtv });
          const at = assessClient(state, client);
          expect(Math.abs(at.ltv! - rules.callLtv)).toBeLessThanOrEqual(1e-12 * rules.callLtv);
          expect(at.check.status).toBe('ok');
          state.prices.BTC *= 1 - 1e-6;
          expect(assessClient(state, client).check.triggers).toContain('ltv-above-call');
        },
      ),
    );
  });

  it('isWithinLimits and clientLtv give exactly what assessClient gives, including at the limits (fast-check)', () => {
    const state = testBroker(HK_CIRCULAR);
    const id = openClient(state, { investorClass: 'professional', cash: 0, financing: true });
    const client = state.clients[id]!;
    const amount = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(amount, amount, amount, amount, amount, (btc, securities, principal, interest, cash) => {
        client.holdings.BTC = btc / 1_000;
        client.holdings.securities = securities / 10;
        client.principal = principal;
        client.interest = interest / 100;
        client.cash = cash / 10;
        expect(isWithinLimits(state, client)).toBe(assessClient(state, client).check.status === 'ok');
        expect(clientLtv(state, client)).toBe(assessClient(state, client).ltv);
        // Exactly at the call LTV (where the door admits clients), too.
        client.principal =
          (client.holdings.BTC * 60_000 + client.holdings.securities * 100) * 0.4 + client.cash;
        client.interest = 0;
        expect(isWithinLimits(state, client)).toBe(assessClient(state, client).check.status === 'ok');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('where the call is made (issue 15: guardrails §1A [DEFAULT] "LTV > 40% on the VA part"; B-MGN)', () => {
  /** A client of the shipped preset's broker holding `securities` USD of securities and `btc` BTC, owing `debt`. */
  function holder(rules: typeof HK_CIRCULAR, securities: number, btc: number, debt: number) {
    const state = testBroker(rules);
    const client = clientOf(
      state,
      openClient(state, {
        investorClass: 'professional',
        cash: 0,
        financing: true,
        holdings: { BTC: btc, securities: securities / 100 },
      }),
    );
    lendCash(state, client, debt);
    client.cash = 0;
    state.liquidityProvider.cash += debt;
    return { state, client };
  }

  it('HK: a loan over 40% of the whole portfolio but within 40% of the VA part once securities cover first is not called', () => {
    const hk = HK_SFC_2026.financing;
    const securitiesLending = 100_000 * (1 - hk.collateral.securities.haircut); // 60,000 at the preset's 40%
    // $100k securities + 1 BTC ($60k): the VA part's loan is debt − 60,000
    const cover = securitiesLending + hk.callLtv * 60_000;
    const { state, client } = holder(hk, 100_000, 1, cover * (1 - 1e-6));
    const a = assessClient(state, client);
    expect(a.ltv!).toBeGreaterThan(hk.callLtv); // 0.525 of the whole portfolio: the old trigger called here
    expect(a.check.status).toBe('ok');
    expect(isWithinLimits(state, client)).toBe(true);
    client.principal = cover * (1 + 1e-6);
    expect(assessClient(state, client).check.status).toBe('margin-call');
    expect(assessClient(state, client).check.triggers).toContain('ltv-above-call');
    expect(isWithinLimits(state, client)).toBe(false);
  });

  it('HK: with no VA collateral the loan is all securities, and it is called at 40% of them', () => {
    const hk = HK_SFC_2026.financing;
    const { state, client } = holder(hk, 100_000, 0, 40_000 * (1 + 1e-6));
    expect(assessClient(state, client).check.status).toBe('margin-call');
    client.principal = 40_000 * (1 - 1e-6);
    expect(assessClient(state, client).check.status).toBe('ok');
  });

  it('offshore: the call comes at Binance’s margin level 1.3, not at 1.5 where only borrowing stops', () => {
    const offshore = OFFSHORE_CEX.financing;
    expect(offshore.callLtv).toBeCloseTo(1 / 1.3, 12);
    const atLevel = (level: number) => holder(offshore, 0, 1, 60_000 / level);
    const at14 = atLevel(1.4); // debt above the ⅔ lending value (margin level < 1.5): no borrowing, no call
    expect(assessClient(at14.state, at14.client).check.haircutLtv).toBeGreaterThan(1);
    expect(assessClient(at14.state, at14.client).check.status).toBe('ok');
    expect(isWithinLimits(at14.state, at14.client)).toBe(true);
    const at129 = atLevel(1.29);
    expect(assessClient(at129.state, at129.client).check.status).toBe('margin-call');
    const at109 = atLevel(1.09); // ≤ 1.1: closed out
    expect(assessClient(at109.state, at109.client).check.status).toBe('forced-sale');
  });
});

describe('valueHoldings, asset by asset', () => {
  /** The sums as a loop over the broker's assets makes them: the order the figures' bits depend on. */
  const looped = (state: ReturnType<typeof testBroker>, holdings: Holdings) => {
    const rules = state.rules.collateral;
    let collateral = 0;
    let market = 0;
    let lending = 0;
    let crypto = 0;
    let vaValue = 0;
    for (const asset of BROKER_ASSETS) {
      const qty = holdings[asset];
      if (!(qty > 0)) continue;
      const value = qty * state.prices[asset];
      market += value;
      if (!rules[asset].eligible) continue;
      collateral += value;
      const lends = value * (1 - rules[asset].haircut);
      lending += lends;
      if (asset !== 'securities') {
        crypto += lends;
        vaValue += value;
      }
    }
    const securitiesLending = lending - crypto;
    const { callLtv } = state.rules;
    return {
      collateralValue: collateral,
      marketValue: market,
      lendingValue: lending,
      cryptoShare: lending === 0 ? 0 : crypto / lending,
      callCover: vaValue > 0 ? securitiesLending + callLtv * vaValue : callLtv * collateral,
    };
  };

  it('gives the bits of a loop over the assets in list order, for any holdings, prices and rules', () => {
    const perAsset = <T>(arb: fc.Arbitrary<T>) => fc.tuple(...BROKER_ASSETS.map(() => arb));
    fc.assert(
      fc.property(
        // Mostly held and eligible: the order of the additions shows only with three or more terms.
        perAsset(
          fc.oneof(
            { weight: 1, arbitrary: fc.constant(0) },
            { weight: 4, arbitrary: fc.double({ min: 1e-3, max: 1e7, noNaN: true }) },
          ),
        ),
        perAsset(fc.double({ min: 1e-3, max: 1e6, noNaN: true })),
        perAsset(
          fc.record({
            eligible: fc.oneof(
              { weight: 4, arbitrary: fc.constant(true) },
              { weight: 1, arbitrary: fc.constant(false) },
            ),
            haircut: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
        ),
        (units, prices, rules) => {
          const state = testBroker();
          const holdings = Object.fromEntries(BROKER_ASSETS.map((a, k) => [a, units[k]])) as Holdings;
          BROKER_ASSETS.forEach((a, k) => (state.prices[a] = prices[k]!));
          state.rules = {
            ...state.rules,
            collateral: Object.fromEntries(BROKER_ASSETS.map((a, k) => [a, rules[k]])) as never,
          };
          expect(valueHoldings(state, holdings)).toEqual(looped(state, holdings));
        },
      ),
      { numRuns: 500 },
    );
  });
});
