import { describe, it, expect } from 'vitest';
import { checkMargin } from './margin-call.ts';

// HK [DEFAULT] triggers (guardrails §1A): call at LTV > 40%, forced sale at LTV ≥ 60%.
const HK = { callLtv: 0.4, liquidationLtv: 0.6 };

describe('checkMargin', () => {
  it('is ok at exactly the call LTV ("> 40%") with the loan within lending value', () => {
    const r = checkMargin({ debt: 40, collateralValue: 100, lendingValue: 40, ...HK });
    expect(r).toEqual({ status: 'ok', triggers: [], ltv: 0.4, haircutLtv: 1 });
  });

  it('calls when LTV passes the call threshold', () => {
    const r = checkMargin({ debt: 45, collateralValue: 100, lendingValue: 60, ...HK });
    expect(r.status).toBe('margin-call');
    expect(r.triggers).toEqual(['ltv-above-call']);
  });

  it('calls when the loan exceeds the lending value although LTV is below the call threshold (W21)', () => {
    // Securities at a 90% haircut lend 10 on 100 of value; a loan of 20 is LTV 20% but over lending value.
    const r = checkMargin({ debt: 20, collateralValue: 100, lendingValue: 10, ...HK });
    expect(r.status).toBe('margin-call');
    expect(r.triggers).toEqual(['loan-exceeds-lending-value']);
    expect(r.haircutLtv).toBe(2);
  });

  it('forces a sale at exactly the liquidation LTV ("≥ 60%")', () => {
    const r = checkMargin({ debt: 60, collateralValue: 100, lendingValue: 40, ...HK });
    expect(r.status).toBe('forced-sale');
    expect(r.triggers).toEqual(['ltv-above-call', 'loan-exceeds-lending-value', 'ltv-at-liquidation']);
  });

  it('refuses a call threshold at or above the liquidation threshold', () => {
    expect(() =>
      checkMargin({ debt: 1, collateralValue: 2, lendingValue: 1, callLtv: 0.6, liquidationLtv: 0.6 }),
    ).toThrow('call LTV must be below 0.6 (the liquidation LTV) (got 0.6)');
  });
});
