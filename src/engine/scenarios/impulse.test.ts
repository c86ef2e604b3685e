import { describe, expect, it } from 'vitest';
import { impulseNoise, impulseProgress, type Impulse } from './impulse.ts';

const crash: Impulse = {
  start: 100,
  duration: 20,
  btcLog: Math.log(0.75),
  ethLog: Math.log(0.7),
  kept: 0.4,
  reversalMinutes: 60,
  noisePeak: 3,
};

describe('impulse', () => {
  it('is 0 before the move, half-way at its middle, complete at its end', () => {
    expect(impulseProgress(crash, 0)).toBe(0);
    expect(impulseProgress(crash, 100)).toBe(0);
    expect(impulseProgress(crash, 110)).toBeCloseTo(0.5, 12);
    expect(impulseProgress(crash, 120)).toBe(1);
  });

  it('then reverses towards the kept share, not past it', () => {
    expect(impulseProgress(crash, 180)).toBeCloseTo(0.4 + 0.6 * Math.exp(-1), 12);
    expect(impulseProgress(crash, 10_000)).toBeCloseTo(0.4, 12);
    for (let t = 120; t < 2_000; t += 7) {
      expect(impulseProgress(crash, t + 7)).toBeLessThan(impulseProgress(crash, t));
    }
  });

  it('raises the noise during the move and lets it ease back after', () => {
    expect(impulseNoise(crash, 50)).toBe(1);
    expect(impulseNoise(crash, 105)).toBe(3);
    expect(impulseNoise(crash, 180)).toBeCloseTo(1 + 2 * Math.exp(-1), 12);
  });
});
