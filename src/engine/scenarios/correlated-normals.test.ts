import { describe, expect, it } from 'vitest';
import { seedPrng } from '../prng.ts';
import { checkCorrelation, fillCorrelatedNormals, nextCorrelatedNormals } from './correlated-normals.ts';

function sample(rho: number, n: number): { corr: number; sd1: number; sd2: number } {
  const prng = seedPrng(11);
  let s1 = 0;
  let s2 = 0;
  let s11 = 0;
  let s22 = 0;
  let s12 = 0;
  for (let i = 0; i < n; i++) {
    const [a, b] = nextCorrelatedNormals(prng, rho);
    s1 += a;
    s2 += b;
    s11 += a * a;
    s22 += b * b;
    s12 += a * b;
  }
  const v1 = s11 / n - (s1 / n) ** 2;
  const v2 = s22 / n - (s2 / n) ** 2;
  return {
    corr: (s12 / n - (s1 / n) * (s2 / n)) / Math.sqrt(v1 * v2),
    sd1: Math.sqrt(v1),
    sd2: Math.sqrt(v2),
  };
}

describe('nextCorrelatedNormals', () => {
  it('gives unit variances and the requested correlation (20,000 draws, ±0.03)', () => {
    const { corr, sd1, sd2 } = sample(0.8, 20_000);
    expect(corr).toBeGreaterThan(0.77);
    expect(corr).toBeLessThan(0.83);
    expect(sd1).toBeCloseTo(1, 1);
    expect(sd2).toBeCloseTo(1, 1);
  });

  it('ρ = 1 gives identical draws; ρ = −1 mirrored ones', () => {
    const prng = seedPrng(3);
    const [a, b] = nextCorrelatedNormals(prng, 1);
    expect(b).toBe(a);
    const [c, d] = nextCorrelatedNormals(prng, -1);
    expect(d).toBe(-c);
  });

  it('refuses a correlation outside [−1, 1]', () => {
    expect(() => checkCorrelation(1.2)).toThrow('rho must be between -1 and 1 (got 1.2)');
    expect(() => checkCorrelation(NaN)).toThrow(RangeError);
  });
});

describe('fillCorrelatedNormals (issue 16)', () => {
  it('gives nextCorrelatedNormals’ pairs bit for bit, across chunks, and leaves the stream where they do', () => {
    for (const rho of [0.8, -0.3, 1]) {
      const bulk = seedPrng(2025);
      const single = seedPrng(2025);
      const first = new Float64Array(2_600).fill(-9);
      const second = new Float64Array(2_600).fill(-9);
      fillCorrelatedNormals(bulk, rho, first, second, 3, 2_590);
      for (let i = 3; i < 2_590; i++) {
        const [z1, z2] = nextCorrelatedNormals(single, rho);
        expect(first[i]).toBe(z1);
        expect(second[i]).toBe(z2);
      }
      expect([first[2], second[2], first[2_590], second[2_590]]).toEqual([-9, -9, -9, -9]);
      expect(bulk).toEqual(single);
    }
  });
});
