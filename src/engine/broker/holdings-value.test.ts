import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BROKER_ASSETS, holdingsValue, type AssetPrices, type Holdings } from './broker-state.ts';

const looped = (start: number, holdings: Holdings, prices: AssetPrices) => {
  let value = start;
  for (const asset of BROKER_ASSETS) value += holdings[asset] * prices[asset];
  return value;
};

describe('holdingsValue', () => {
  it('adds in list order: any other order of these four values gives another last bit', () => {
    const prices = {
      BTC: 268.59548673343414,
      ETH: 797.0772304545559,
      'other-crypto': 577.9851801807947,
      securities: 123.6793102339937,
    };
    const holdings = { BTC: 1, ETH: 1, 'other-crypto': 1, securities: 1 };
    expect(holdingsValue(899.7744819580669, holdings, prices)).toBe(
      looped(899.7744819580669, holdings, prices),
    );
  });

  it('adds units × price over every broker asset in list order, bit for bit as a loop over the list does', () => {
    const amounts = fc.tuple(...BROKER_ASSETS.map(() => fc.double({ min: 0, max: 1e7, noNaN: true })));
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        amounts,
        amounts,
        (start, units, price) => {
          const holdings = Object.fromEntries(BROKER_ASSETS.map((a, k) => [a, units[k]])) as Holdings;
          const prices = Object.fromEntries(BROKER_ASSETS.map((a, k) => [a, price[k]])) as AssetPrices;
          expect(holdingsValue(start, holdings, prices)).toBe(looped(start, holdings, prices));
        },
      ),
      { numRuns: 500 },
    );
  });
});
