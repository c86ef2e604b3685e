/**
 * The same client and the same price fall under the two Hong Kong variants of guardrails §1A ((a) circular:
 * BTC/ETH at a 60% haircut; (b) securities-only: VA collateral counted at zero) and an offshore-style rule set
 * (15% haircut on any crypto, no caps, collateral re-used). Only the rules differ (model.md "One run").
 */
import { describe, expect, it } from 'vitest';
import type { MarginFinancingRules } from '../margin/financing-rules.ts';
import type { BrokerEvent } from './broker-events.ts';
import { brokerExposure } from './broker-exposure.ts';
import { brokerFailure } from './broker-failure.ts';
import type { AssetPrices } from './broker-state.ts';
import { stepBroker } from './broker-step.ts';
import { clientOf, openClient } from './clients.ts';
import { maxCreditPurchase } from './credit-capacity.ts';
import { buyOnCredit } from './financing.ts';
import { NO_REACTION } from './reactions.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { OFFSHORE_CEX } from '../regimes/presets/offshore-cex.ts';
import { HK_SFC_2026 } from '../regimes/presets/hk-sfc-2026.ts';
import {
  HK_CIRCULAR,
  HK_SECURITIES_ONLY,
  OFFSHORE,
  PRICES,
  testBroker,
  worstInvariant,
} from './test-support.ts';

const seam = fixedSpreadSpotSeam(0.001);
const WISH_USD = 500_000; // the client wants $500,000 of BTC on $50,000 of cash: 10×

/** An existing securities-margin client: $50,000 cash, $100,000 of the equity index. Buys what it may. */
function open(rules: MarginFinancingRules) {
  const state = testBroker(rules, { spotFeeRate: 0.001 });
  const id = openClient(state, {
    investorClass: 'professional',
    cash: 50_000,
    financing: true,
    holdings: { securities: 1_000 },
  });
  const ask = seam.fillPrice(state, 'BTC', 'buy', 1, 'order');
  const qty = Math.min(WISH_USD / PRICES.BTC, maxCreditPurchase(state, id, 'BTC', ask) * (1 - 1e-9));
  expect(buyOnCredit(state, seam, id, 'BTC', qty, [])).toBe(true);
  return { state, client: clientOf(state, id) };
}

/** BTC −70% in one minute (a flash crash), the equity index −10%, then two days flat. */
const CRASH: AssetPrices[] = [
  { ...PRICES, BTC: 18_000, securities: 90 },
  ...Array.from({ length: 2 * 24 * 60 }, () => ({ ...PRICES, BTC: 18_000, securities: 90 })),
];

function run(rules: MarginFinancingRules) {
  const { state, client } = open(rules);
  const loan = client.principal;
  const events: BrokerEvent[] = [];
  for (const prices of CRASH) {
    stepBroker(state, prices, seam, NO_REACTION, events);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  }
  const sum = (f: (e: BrokerEvent) => number) => events.reduce((s, e) => s + f(e), 0);
  return {
    loan,
    firstCall: events.find((e) => e.type === 'margin-call'),
    firstSale: events.find((e) => e.type === 'forced-sale'),
    shortfall: sum((e) => (e.type === 'shortfall' ? e.amount : 0)),
    netSaleProceeds: sum((e) => (e.type === 'forced-sale' ? e.proceeds - e.fee : 0)),
    exposure: brokerExposure(state),
  };
}

describe('Hong Kong variants vs offshore: same client, same crash', () => {
  const circular = run(HK_CIRCULAR);
  const securitiesOnly = run(HK_SECURITIES_ONLY);
  const offshore = run(OFFSHORE);
  const cost = 60_060 * 1.001; // per BTC: the ask and the 0.1% fee
  const r = 0.00001; // the first hour's interest counts in the debt at the door (B-MGN)

  it('lends less under HK: the call LTV binds (a), the securities alone back the loan (b)', () => {
    // (a) loan·(1 + r) = 0.4 × (100,000 + 60,000·q) with loan = q·cost − 50,000: ≈ 99,799 for 2.49 BTC
    const q = (40_000 + 50_000 * (1 + r)) / (cost * (1 + r) - 24_000);
    expect(circular.loan).toBeCloseTo(q * cost - 50_000, 2);
    // (b) BTC is not collateral at all (issue 15): the call LTV on the securities alone binds,
    // loan·(1 + r) ≤ 40% of $100,000
    expect(securitiesOnly.loan).toBeCloseTo(40_000 / (1 + r), 2);
    // offshore the whole wish is financed: $500,000 of BTC at the ask, with fee, less the $50,000 cash
    expect(offshore.loan).toBeCloseTo((WISH_USD / 60_000) * cost - 50_000, 4);
    expect(securitiesOnly.loan).toBeLessThan(circular.loan);
    expect(circular.loan).toBeLessThan(offshore.loan / 4);
  });

  it('the crash leaves no shortfall under HK and a large one offshore, reported as the broker’s exposure', () => {
    expect(circular.shortfall).toBe(0);
    expect(securitiesOnly.shortfall).toBe(0);
    // everything sold (8.33 BTC at 17,982, the securities at 89.91, less fees) against ~451,005 of debt
    expect(offshore.shortfall).toBeCloseTo(offshore.loan * (1 + r) - offshore.netSaleProceeds, 6);
    expect(offshore.shortfall).toBeGreaterThan(210_000);
    // still owed, with 48 more hours of interest: the broker's exposure in the summary
    expect(offshore.exposure.unsecuredDebt).toBeCloseTo(offshore.shortfall * (1 + 48 * r), 4);
    expect(offshore.exposure.clientsInShortfall).toBe(1);
    expect(circular.exposure.unsecuredDebt).toBe(0);
    expect(securitiesOnly.exposure.unsecuredDebt).toBe(0);
  });

  it('HK (a) sells at once (LTV past 60%); HK (b) is called and sells its collateral (the securities) only when the 24-hour cure period ends', () => {
    expect(circular.firstSale).toMatchObject({ step: 1, reason: 'liquidation-ltv', asset: 'BTC' });
    expect(securitiesOnly.firstCall).toMatchObject({ step: 1, deadlineStep: 1 + 24 * 60 });
    // BTC counts zero there, so it is not collateral and is not force-sold
    expect(securitiesOnly.firstSale).toMatchObject({
      step: 1 + 24 * 60,
      reason: 'cure-period-ended',
      asset: 'securities',
    });
    expect(offshore.firstSale).toMatchObject({ step: 1, reason: 'liquidation-ltv' });
  });

  it('a broker failure: collateral returned whole under SFC, the re-used BTC lost offshore', () => {
    const loss = (rules: MarginFinancingRules) => {
      const { state } = open(rules);
      const events: BrokerEvent[] = [];
      brokerFailure(state, events);
      expect(worstInvariant(state).error).toBeLessThan(1e-9);
      return events.reduce((s, e) => s + (e.type === 'broker-failure-loss' ? e.netLoss : 0), 0);
    };
    expect(loss(HK_CIRCULAR)).toBe(0);
    expect(loss(HK_SECURITIES_ONLY)).toBe(0);
    // $500,000 of BTC taken, ~$450,000 of debt set off: the client's own ~$50,000 in it is gone.
    expect(loss(OFFSHORE)).toBeGreaterThan(45_000);
  });
});

describe('doc/model.md’s example under the shipped presets (issue 15, defect 8)', () => {
  const r = 0.00001; // both presets' hourly rate is about 0.001%; the door counts the first hour
  const cost = 60_060 * 1.001; // per BTC: the ask and the 0.1% fee

  it('offshore 3× (haircut ⅓): about $99,400 on $50,000 of cash, the shares counting nothing; −70% leaves ~$54,800 owed', () => {
    const offshore = run(OFFSHORE_CEX.financing);
    // loan·(1 + r) = ⅔ × 60,000·q with loan = q·cost − 50,000
    const q = (50_000 * (1 + r)) / ((1 + r) * cost - 40_000);
    expect(offshore.loan).toBeCloseTo(q * cost - 50_000, 2);
    expect(offshore.loan).toBeCloseTo(99_400, -2);
    expect(offshore.firstSale).toMatchObject({ step: 1, reason: 'liquidation-ltv', asset: 'BTC' });
    expect(offshore.shortfall).toBeCloseTo(54_760, -1);
  });

  it('HK (a): the 40% call LTV binds, and the crash is covered', () => {
    const hk = run(HK_SFC_2026.financing);
    expect(hk.shortfall).toBe(0);
    // loan ≈ 0.4 × ($100,000 of shares + the BTC bought): about $99,800
    expect(hk.loan).toBeCloseTo(99_800, -2);
  });
});
