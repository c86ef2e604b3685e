import { describe, it, expect } from 'vitest';
import { requireFraction, requireNonNegative, requirePositive, requireThreshold } from './validate.ts';

describe('margin argument checks', () => {
  it('return the value when it is allowed', () => {
    expect(requireNonNegative('debt', 0)).toBe(0);
    expect(requirePositive('qty', 2)).toBe(2);
    expect(requireFraction('haircut', 1)).toBe(1);
    expect(requireThreshold('call LTV', 1)).toBe(1);
  });

  it('name the field, the value given and what is allowed', () => {
    expect(() => requireNonNegative('debt', -5)).toThrow('debt must be a number ≥ 0 (got -5)');
    expect(() => requirePositive('qty', 0)).toThrow('qty must be a number greater than 0 (got 0)');
    expect(() => requireFraction('haircut', 1.2)).toThrow('haircut must be between 0 and 1 (got 1.2)');
    expect(() => requireFraction('target LTV', 1, true)).toThrow(
      'target LTV must be between 0 and 1 (1 excluded) (got 1)',
    );
    expect(() => requireThreshold('call LTV', 0)).toThrow(
      'call LTV must be greater than 0 and at most 1 (got 0)',
    );
    expect(() => requireNonNegative('debt', Infinity)).toThrow(RangeError);
  });
});
