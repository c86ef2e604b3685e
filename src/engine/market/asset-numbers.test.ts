import { describe, expect, it } from 'vitest';
import { COLLATERAL_ASSETS } from '../margin/collateral.ts';
import { AssetNumbers } from './asset-numbers.ts';

describe('AssetNumbers', () => {
  it('has the literal’s keys in the literal’s order, so a walk over its keys adds in the same order', () => {
    const numbers = new AssetNumbers(1.5, 2.5, 3.5, 4.5);
    const literal = { BTC: 1.5, ETH: 2.5, 'other-crypto': 3.5, securities: 4.5 };
    expect(Object.keys(numbers)).toEqual([...COLLATERAL_ASSETS]);
    expect(Object.entries(numbers)).toEqual(Object.entries(literal));
    const walked: string[] = [];
    for (const key in numbers) walked.push(key);
    expect(walked).toEqual(Object.keys(literal));
  });
});
