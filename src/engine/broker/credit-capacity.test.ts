import { describe, expect, it } from 'vitest';
import { checkAdvance } from './advance-door.ts';
import { clientOf, openClient } from './clients.ts';
import { holdingsWith } from './broker-state.ts';
import { maxCreditPurchase } from './credit-capacity.ts';
import { buyOnCredit } from './financing.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { HK_CIRCULAR, OFFSHORE, testBroker } from './test-support.ts';

const seam = fixedSpreadSpotSeam(0);
const NO_INTEREST = { ...HK_CIRCULAR, hourlyInterestRate: 0, maxCryptoShareOfLendingValue: null };

describe('maxCreditPurchase', () => {
  it('guardrails §1A [DERIVED]: on BTC alone a 60% haircut allows at most E / 0.6 ≈ 1.67× gross exposure', () => {
    const state = testBroker(NO_INTEREST);
    const id = openClient(state, { investorClass: 'professional', cash: 60_000, financing: true });
    const qty = maxCreditPurchase(state, id, 'BTC', 60_000);
    expect(qty).toBeCloseTo(1 / 0.6, 7); // the door's 1e-9 tolerance
    expect(buyOnCredit(state, seam, id, 'BTC', qty, [])).toBe(true);
    expect(clientOf(state, id).principal).toBeCloseTo(40_000, 3);
  });

  it('agrees with the door just above and just below', () => {
    const state = testBroker(HK_CIRCULAR);
    const id = openClient(state, {
      investorClass: 'professional',
      cash: 50_000,
      financing: true,
      holdings: { securities: 1_000 },
    });
    const client = clientOf(state, id);
    const qty = maxCreditPurchase(state, id, 'BTC', 60_000);
    const loanFor = (q: number) => q * 60_000 - 50_000;
    const after = (q: number) => holdingsWith(client.holdings, 'BTC', q);
    expect(checkAdvance(state, client, loanFor(qty), after(qty))).toBeNull();
    expect(checkAdvance(state, client, loanFor(qty * 1.0001), after(qty * 1.0001))).not.toBeNull();
  });

  it('is the cash alone for a client who may not borrow, and far more offshore', () => {
    const hk = testBroker(HK_CIRCULAR);
    const retail = openClient(hk, { investorClass: 'retail', cash: 60_000, financing: true });
    expect(maxCreditPurchase(hk, retail, 'BTC', 60_000)).toBeCloseTo(1, 9);
    const off = testBroker(OFFSHORE);
    const same = openClient(off, { investorClass: 'retail', cash: 60_000, financing: true });
    // 15% haircut: E / 0.15 ≈ 6.67× gross (less the first hour's interest)
    expect(maxCreditPurchase(off, same, 'BTC', 60_000)).toBeCloseTo(1 / 0.15, 3);
  });

  it('refuses a price that is not positive', () => {
    const state = testBroker();
    const id = openClient(state, { investorClass: 'professional', cash: 1, financing: true });
    expect(() => maxCreditPurchase(state, id, 'BTC', 0)).toThrow(
      'fill price must be a number greater than 0 (got 0)',
    );
  });
});
