import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedPrng } from '../prng.ts';
import { dailyVolatility, largestFall, largestRise } from './path-stats.ts';
import { isSyntheticId, SYNTHETIC_OPEN, syntheticPath } from './synthetic.ts';

const DAY = 1440;

/**
 * Lag-1 autocorrelation of the log realised variance of consecutive hours: > 0 when volatility clusters.
 * The log keeps a single jump from dominating.
 */
function clustering(prices: Float64Array): number {
  const hours: number[] = [];
  for (let h = 0; h + 60 < prices.length; h += 60) {
    let variance = 0;
    for (let t = h; t < h + 60; t++) variance += Math.log(prices[t + 1]! / prices[t]!) ** 2;
    hours.push(Math.log(variance));
  }
  const mean = hours.reduce((a, v) => a + v, 0) / hours.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < hours.length; i++) {
    den += (hours[i]! - mean) ** 2;
    if (i > 0) num += (hours[i]! - mean) * (hours[i - 1]! - mean);
  }
  return num / den;
}

describe('synthetic scenarios', () => {
  it('open at the arbitrary BTC 60,000 / ETH 3,000 and have days × 1440 steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer(), (quarterDays, seed) => {
        const minutes = quarterDays * 360;
        const path = syntheticPath('synthetic-volatile', seedPrng(seed), minutes);
        expect(path.minutes).toBe(minutes);
        expect([path.btc[0], path.eth[0]]).toEqual([SYNTHETIC_OPEN.btc, SYNTHETIC_OPEN.eth]);
        expect(path.btc.length).toBe(minutes + 1);
        expect(path.btc.every((p) => Number.isFinite(p) && p > 0)).toBe(true);
        expect(path.eth.every((p) => Number.isFinite(p) && p > 0)).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  it('calm: about 1.5% a day of BTC volatility, no clustering', () => {
    const { btc, eth } = syntheticPath('synthetic-calm', seedPrng(1), 30 * DAY);
    expect(dailyVolatility(btc)).toBeGreaterThan(0.013);
    expect(dailyVolatility(btc)).toBeLessThan(0.017);
    expect(dailyVolatility(eth)).toBeGreaterThan(dailyVolatility(btc));
    expect(Math.abs(clustering(btc))).toBeLessThan(0.1);
  });

  it('volatile: higher realised volatility than calm, with volatility clustering (GARCH)', () => {
    for (const seed of [1, 2, 3]) {
      const calm = syntheticPath('synthetic-calm', seedPrng(seed), 3 * DAY);
      const volatile = syntheticPath('synthetic-volatile', seedPrng(seed), 3 * DAY);
      expect(dailyVolatility(volatile.btc)).toBeGreaterThan(2 * dailyVolatility(calm.btc));
      expect(dailyVolatility(volatile.eth)).toBeGreaterThan(2 * dailyVolatility(calm.eth));
    }
    // 720 hours: the sampling error of the autocorrelation is about ±0.04.
    expect(clustering(syntheticPath('synthetic-volatile', seedPrng(1), 30 * DAY).btc)).toBeGreaterThan(0.2);
  });

  it('flash crash: BTC falls at least 20% within 30 minutes, in the middle third, then recovers part of it', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 8 }), (seed, quarterDays) => {
        const minutes = quarterDays * 360;
        const { btc, eth } = syntheticPath('synthetic-flash-crash', seedPrng(seed), minutes);
        const fall = largestFall(btc, 30);
        expect(fall.change).toBeLessThanOrEqual(-0.2);
        expect(largestFall(eth, 30).change).toBeLessThanOrEqual(-0.2);
        // The 30-minute window may open up to 30 minutes before the crash starts.
        expect(fall.fromMinute).toBeGreaterThanOrEqual(minutes / 3 - 31);
        expect(fall.toMinute).toBeLessThanOrEqual((2 * minutes) / 3 + 30);
        // Partial recovery: an hour after the low the price is back above it, still below where it fell from.
        const later = btc[Math.min(minutes, fall.toMinute + 60)]!;
        if (fall.toMinute + 60 <= minutes) expect(later).toBeGreaterThan(btc[fall.toMinute]!);
        expect(later).toBeLessThan(btc[fall.fromMinute]!);
      }),
      { numRuns: 30 },
    );
  });

  it('short squeeze: BTC rises at least 15% within an hour, then fades', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { btc } = syntheticPath('synthetic-short-squeeze', seedPrng(seed), 2 * DAY);
        const rise = largestRise(btc, 60);
        expect(rise.change).toBeGreaterThanOrEqual(0.15);
        // Fading: by the end it has given back part of the rise.
        expect(btc[2 * DAY]!).toBeLessThan(btc[rise.toMinute]! * 0.97);
      }),
      { numRuns: 40 },
    );
  });

  it('knows its ids and refuses a length below one minute', () => {
    expect(isSyntheticId('synthetic-calm')).toBe(true);
    expect(isSyntheticId('2022-11-ftx')).toBe(false);
    expect(() => syntheticPath('synthetic-calm', seedPrng(1), 0)).toThrow(
      'minutes must be a whole number ≥ 1 (got 0)',
    );
  });

  it('draws the same bits and leaves its stream where the minute-by-minute walk did (pinned before its passes)', () => {
    // FNV-1a of the BTC, ETH and ALT doubles' words, and the stream's state after, as d21df08 drew them minute
    // by minute (issue 16's passes must not move a bit).
    const pinned = [
      'synthetic-calm 1 3000 e1dc032d 1868503400,2777678474,1697148166,3011715621',
      'synthetic-calm 2026 5767 174d1a0c -1430338558,4167450782,3049804288,2653839465',
      'synthetic-volatile 1 3000 464b110 -1983206692,706237952,3509217410,3011718631',
      'synthetic-volatile 2026 5767 c3c8f2ca 739331625,3431396181,3519755694,2653845250',
      'synthetic-flash-crash 1 3000 1d48b4c1 -1753209436,3339108373,1332692122,3011715626',
      'synthetic-flash-crash 2026 5767 24f50a5d -518401112,587231832,3579914508,2653839470',
      'synthetic-short-squeeze 1 3000 38f63523 -1753209436,3339108373,1332692122,3011715626',
      'synthetic-short-squeeze 2026 5767 88768668 -518401112,587231832,3579914508,2653839470',
    ];
    const drawn = pinned.map((line) => {
      const [id, seed, minutes] = line.split(' ') as [Parameters<typeof syntheticPath>[0], string, string];
      const prng = seedPrng(Number(seed));
      const path = syntheticPath(id, prng, Number(minutes));
      let h = 0x811c9dc5;
      for (const prices of [path.btc, path.eth, path.alt]) {
        const words = new Uint32Array(prices.buffer, prices.byteOffset, prices.length * 2);
        for (const w of words) h = Math.imul(h ^ w, 0x01000193) >>> 0;
      }
      return `${id} ${seed} ${minutes} ${h.toString(16)} ${prng.join(',')}`;
    });
    expect(drawn).toEqual(pinned);
  });
});
