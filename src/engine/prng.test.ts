import { describe, expect, it } from 'vitest';
import {
  DrawAhead,
  fillFloats,
  fillNormals,
  forkPrng,
  nextFloat,
  nextInt,
  nextNormal,
  nextUint32,
  seedPrng,
  type PrngState,
} from './prng.ts';

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

  describe("bulk draws (issue 16) give the single calls' numbers and leave the same state", () => {
    const states = (): PrngState[] => [
      seedPrng(1),
      seedPrng(20251010),
      forkPrng(seedPrng(-3), 0x5ce7a210),
      // The next word drawn is 0: nextNormal draws its first uniform again.
      [0, 0, 5, 0],
      // A 0 as the second uniform is kept.
      [7, 11, 13, 2 ** 32 - 129],
    ];

    it('includes states whose first or second word drawn is 0', () => {
      const [, , , first, second] = states();
      expect(nextUint32(first!)).toBe(0);
      nextUint32(second!);
      expect(nextUint32(second!)).toBe(0);
    });

    it('fillFloats', () => {
      for (const s of states()) {
        const single = [...s] as PrngState;
        const out = new Float64Array(1003).fill(-1);
        fillFloats(s, out, 2, 1001);
        const expected = Array.from({ length: 999 }, () => nextFloat(single));
        expect([...out.subarray(2, 1001)]).toEqual(expected);
        expect([out[0], out[1], out[1001], out[1002]]).toEqual([-1, -1, -1, -1]);
        expect(s).toEqual(single);
      }
    });

    it('fillNormals', () => {
      for (const s of states()) {
        const single = [...s] as PrngState;
        const out = new Float64Array(1003).fill(-1);
        fillNormals(s, out, 1, 1000);
        const expected = Array.from({ length: 999 }, () => nextNormal(single));
        expect([...out.subarray(1, 1000)]).toEqual(expected);
        expect([out[0], out[1000]]).toEqual([-1, -1]);
        expect(s).toEqual(single);
      }
    });

    it('DrawAhead, floats and normals in any order, past its buffer, leaving its source state alone', () => {
      for (const s of states()) {
        const before = [...s];
        const ahead = new DrawAhead(s);
        const single = [...s] as PrngState;
        for (let i = 0; i < 1_500; i++)
          if (i % 3 === 1) expect(ahead.normal()).toBe(nextNormal(single));
          else expect(ahead.float()).toBe(nextFloat(single));
        expect(s).toEqual(before);
      }
    });

    it('DrawAhead settles its source where the single calls leave it, at and past the end of a buffer', () => {
      for (const taken of [0, 1, 255, 256, 257, 1_000]) {
        const s = seedPrng(taken + 11);
        const single = [...s] as PrngState;
        const ahead = new DrawAhead(s);
        for (let i = 0; i < taken; i++) expect(ahead.float()).toBe(nextFloat(single));
        ahead.settle(s);
        expect(s).toEqual(single);
      }
    });

    it('draws nothing for an empty range', () => {
      const s = seedPrng(5);
      const before = [...s];
      fillNormals(s, new Float64Array(4), 2, 2);
      fillFloats(s, new Float64Array(4), 3, 3);
      expect(s).toEqual(before);
    });
  });
});
