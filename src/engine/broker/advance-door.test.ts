import { describe, expect, it } from 'vitest';
import { checkAdvance } from './advance-door.ts';
import { holdingsWith, type Holdings } from './broker-state.ts';
import { clientOf, openClient } from './clients.ts';
import { HK_CIRCULAR, HK_SECURITIES_ONLY, testBroker } from './test-support.ts';

/** An existing securities-margin client (guardrails A3): $10,000 cash and 100 units of the index @100. */
function hkClient(
  rules = HK_CIRCULAR,
  overrides: { investorClass?: 'retail'; financing?: false; units?: number; capital?: number } = {},
) {
  const state = testBroker(rules, { brokerCapital: overrides.capital ?? 1e7 });
  const id = openClient(state, {
    investorClass: overrides.investorClass ?? 'professional',
    cash: 10_000,
    financing: overrides.financing ?? true,
    holdings: { securities: overrides.units ?? 100 },
  });
  return { state, client: clientOf(state, id) };
}
const plus = (h: Holdings, asset: keyof Holdings, qty: number): Holdings =>
  holdingsWith(h, asset, h[asset] + qty);

describe('checkAdvance: the door for a new loan (guardrails §1A, §1B)', () => {
  it('admits a loan within every limit', () => {
    const { state, client } = hkClient();
    // 0.25 BTC for $15,000: loan 5,000 against 7,000 + 0.4 × 15,000 = 13,000 of lending value
    expect(checkAdvance(state, client, 5_000, plus(client.holdings, 'BTC', 0.25))).toBeNull();
  });

  it('refuses an investor class the regime excludes, and a spot-only client', () => {
    const retail = hkClient(HK_CIRCULAR, { investorClass: 'retail' });
    expect(checkAdvance(retail.state, retail.client, 1, retail.client.holdings)?.reason).toBe(
      'investor-class-not-eligible',
    );
    const spotOnly = hkClient(HK_CIRCULAR, { financing: false });
    expect(checkAdvance(spotOnly.state, spotOnly.client, 1, spotOnly.client.holdings)?.reason).toBe(
      'spot-only-client',
    );
  });

  it('stops further advances to a failed broker or a client under a margin call (W15, W20)', () => {
    const { state, client } = hkClient();
    client.marginCall = { sinceStep: 0, deadlineStep: 1_440, trigger: ['ltv-above-call'], metAtNetDebt: 0 };
    expect(checkAdvance(state, client, 100, client.holdings)).toEqual({
      reason: 'under-margin-call',
      limit: null,
      requested: 100,
    });
    state.failed = true;
    expect(checkAdvance(state, client, 100, client.holdings)?.reason).toBe('broker-failed');
  });

  it('SFC 26EC5 (A5): other crypto bought on credit counts 0, so the loan exceeds the lending value', () => {
    const { state, client } = hkClient();
    // $20,000 of other crypto, loan 10,000 (+ the first hour's interest) against 70% of $10,000 of securities
    expect(checkAdvance(state, client, 10_000, plus(client.holdings, 'other-crypto', 2_000))).toEqual({
      reason: 'loan-exceeds-lending-value',
      limit: 7_000,
      requested: expect.closeTo(10_000.1, 9),
    });
  });

  it('the securities-only variant (A12) counts BTC at 0 too: not collateral at all (issue 15)', () => {
    const { state, client } = hkClient(HK_SECURITIES_ONLY);
    // the call LTV on the $10,000 of securities alone: at most $4,000, whatever BTC is bought
    expect(checkAdvance(state, client, 4_100, plus(client.holdings, 'BTC', 0.2))?.reason).toBe(
      'ltv-above-call',
    );
    expect(checkAdvance(state, client, 3_900, plus(client.holdings, 'BTC', 0.2))).toBeNull();
  });

  it('refuses a loan that would put the client straight into a margin call (LTV above the call LTV)', () => {
    const { state, client } = hkClient();
    // 5,000 against 7,000 of lending value, but LTV 50% > 40%
    expect(checkAdvance(state, client, 5_000, client.holdings)).toEqual({
      reason: 'ltv-above-call',
      limit: 0.4,
      requested: expect.closeTo(0.500005, 9),
    });
  });

  it('[DEFAULT] cap on the crypto share of lending value (securities supply ≥ 50%)', () => {
    const { state, client } = hkClient();
    // $20,000 of BTC: crypto lending value 8,000 of 15,000 = 53% > 50%
    const refusal = checkAdvance(state, client, 10_000, plus(client.holdings, 'BTC', 1 / 3));
    expect(refusal).toEqual({
      reason: 'crypto-share-above-cap',
      limit: 0.5,
      requested: expect.closeTo(8 / 15, 9),
    });
  });

  it('SMF Guidelines (B3): total loans may not exceed 5 × the broker capital', () => {
    const { state, client } = hkClient(HK_CIRCULAR, { units: 1_000, capital: 1_000 });
    expect(checkAdvance(state, client, 5_000, client.holdings)).toBeNull();
    state.broker.loansOutstanding = 3_000;
    expect(checkAdvance(state, client, 2_500, client.holdings)).toEqual({
      reason: 'broker-loan-limit',
      limit: 5_000,
      requested: 5_500,
    });
  });

  it('reports the first limit breached, in the documented order', () => {
    const { state, client } = hkClient(HK_CIRCULAR, { investorClass: 'retail' });
    client.marginCall = { sinceStep: 0, deadlineStep: 1, trigger: [], metAtNetDebt: 0 };
    state.failed = true;
    expect(checkAdvance(state, client, 1e9, client.holdings)?.reason).toBe('investor-class-not-eligible');
  });
});
