import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedPrng } from '../prng.ts';
import { drawFlashCrash, drawShortSqueeze } from './synthetic-events.ts';

const DAY = 1440;

describe('synthetic events', () => {
  it('draw crash and squeeze sizes, timing and reversal from their stated ranges', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const crash = drawFlashCrash(seedPrng(seed), 2 * DAY);
        expect(Math.exp(crash.btcLog)).toBeGreaterThan(0.7 - 1e-12);
        expect(Math.exp(crash.btcLog)).toBeLessThanOrEqual(0.78);
        expect(crash.ethLog).toBeLessThan(crash.btcLog);
        expect(crash.duration).toBeGreaterThanOrEqual(10);
        expect(crash.duration).toBeLessThanOrEqual(30);
        expect(crash.start).toBeGreaterThanOrEqual(DAY * (2 / 3));
        expect(crash.start).toBeLessThan(DAY * (4 / 3));
        expect(1 - crash.kept).toBeGreaterThanOrEqual(0.4);
        const squeeze = drawShortSqueeze(seedPrng(seed), 2 * DAY);
        expect(Math.exp(squeeze.btcLog) - 1).toBeGreaterThanOrEqual(0.18);
        expect(squeeze.duration).toBeLessThanOrEqual(50);
      }),
      { numRuns: 100 },
    );
  });

  it('are deterministic for a PRNG state', () => {
    expect(drawFlashCrash(seedPrng(5), DAY)).toEqual(drawFlashCrash(seedPrng(5), DAY));
    expect(drawShortSqueeze(seedPrng(5), DAY)).not.toEqual(drawShortSqueeze(seedPrng(6), DAY));
  });
});
