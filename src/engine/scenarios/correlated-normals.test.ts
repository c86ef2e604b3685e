import { describe, expect, it } from 'vitest';
import { seedPrng } from '../prng.ts';
import { checkCorrelation, nextCorrelatedNormals } from './correlated-normals.ts';

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
