import { describe, expect, it } from 'vitest';
import { forkPrng, nextFloat, nextInt, nextNormal, nextUint32, seedPrng } from './prng.ts';

describe('seeded PRNG (state in the run)', () => {
  it('replays exactly from the same seed and differs for another seed', () => {
    const a = seedPrng(42);
    const b = seedPrng(42);
    const c = seedPrng(43);
    const draw = (s: ReturnType<typeof seedPrng>) => Array.from({ length: 8 }, () => nextUint32(s));
    const fromA = draw(a);
    expect(draw(b)).toEqual(fromA);
    expect(draw(c)).not.toEqual(fromA);
  });

  it('keeps its whole state in a plain value that can be copied and resumed', () => {
    const s = seedPrng(7);
    nextUint32(s);
    const saved = JSON.parse(JSON.stringify(s)) as typeof s;
    expect(nextUint32(saved)).toBe(nextUint32(s));
  });

  it('gives uniform floats in [0, 1) with the right mean and normals with mean 0, variance 1', () => {
    const s = seedPrng(1);
    const n = 100_000;
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = nextFloat(s);
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    let m = 0;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const z = nextNormal(s);
      m += z;
      m2 += z * z;
    }
    expect(m / n).toBeCloseTo(0, 1);
    expect(m2 / n).toBeCloseTo(1, 1);
  });

  it('draws integers in range and forks independent streams', () => {
    const s = seedPrng(9);
    for (let i = 0; i < 1000; i++) {
      const k = nextInt(s, 6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
    }
    const parent = seedPrng(5);
    const f1 = forkPrng(parent, 1);
    const f2 = forkPrng(seedPrng(5), 2);
    expect(nextUint32(f1)).not.toBe(nextUint32(f2));
  });

  it('refuses a seed that is not a safe integer', () => {
    expect(() => seedPrng(1.5)).toThrow(
      'seed must be a whole number from -9007199254740991 to 9007199254740991 (got 1.5)',
    );
  });
});
