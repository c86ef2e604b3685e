import { describe, expect, it } from 'vitest';
import { REGIMES } from './catalogue.ts';
import { effectiveMaxLeverage } from './extras.ts';
import { guardrailValue, withGuardrailValue } from './guardrail-path.ts';

const hl = REGIMES['onchain-perp-dex'];

describe('guardrail paths', () => {
  it('reads a parameter by its dotted key, hyphenated segments included', () => {
    expect(guardrailValue(hl, 'perp.funding.cap')).toBe(0.04);
    expect(guardrailValue(hl, 'financing.collateral.other-crypto')).toEqual({ eligible: false, haircut: 1 });
    expect(guardrailValue(hl, 'retailLeverageAppetite')).toBe(2);
  });

  it('replaces one parameter, copying the path and sharing the rest', () => {
    const changed = withGuardrailValue(hl, 'perp.funding.cap', 0.01);
    expect(changed.perp.funding.cap).toBe(0.01);
    expect(hl.perp.funding.cap).toBe(0.04);
    expect(changed.perp.funding).not.toBe(hl.perp.funding);
    expect(changed.perp.tiers).toBe(hl.perp.tiers);
    expect(changed.financing).toBe(hl.financing);
  });

  it('takes the lower of the regime cap and a market cap', () => {
    expect(effectiveMaxLeverage(hl, 'BTC')).toBe(40);
    expect(effectiveMaxLeverage(hl, 'ETH')).toBe(25);
    const lowered = withGuardrailValue(hl, 'perp.maxLeverage', 10);
    expect(effectiveMaxLeverage(lowered, 'ETH')).toBe(10);
    expect(effectiveMaxLeverage(REGIMES['offshore-cex'], 'ETH')).toBe(125);
  });
});
