import { describe, expect, it } from 'vitest';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { testBroker } from './test-support.ts';

describe('fixedSpreadSpotSeam', () => {
  it('buyers pay the ask and sellers get the bid, around the price path', () => {
    const state = testBroker();
    const seam = fixedSpreadSpotSeam(0.001);
    expect(seam.fillPrice(state, 'BTC', 'buy', 1, 'order')).toBeCloseTo(60_060, 9);
    expect(seam.fillPrice(state, 'BTC', 'sell', 1, 'forced-sale')).toBeCloseTo(59_940, 9);
    expect(fixedSpreadSpotSeam().fillPrice(state, 'securities', 'buy', 5, 'order')).toBe(100);
  });

  it('refuses a negative or absurd spread', () => {
    expect(() => fixedSpreadSpotSeam(-0.1)).toThrow(
      'half spread must be between 0 and 0.5 (0.5 excluded) (got -0.1)',
    );
    expect(() => fixedSpreadSpotSeam(0.5)).toThrow(RangeError);
  });
});
