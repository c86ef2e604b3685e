/**
 * Two standard normal draws with correlation ρ, for BTC and ETH shocks taken from one PRNG stream
 * (z₂ = ρ·z₁ + √(1 − ρ²)·ε, the two-asset Cholesky factor).
 */
import { fillNormals, nextNormal, type PrngState } from '../prng.ts';
import { between, check } from '../validation/index.ts';

const CORRELATION = between(-1, 1);

/**
 * BTC–ETH correlation of minute shocks. [DEFAULT] ETH has moved with BTC through every episode in
 * guardrails.md §3; 0.8 is a round figure for that co-movement, not a measured estimate.
 */
export const BTC_ETH_CORRELATION = 0.8;

export function checkCorrelation(rho: number): void {
  check('rho', rho, CORRELATION);
}

/** Writes the pair into `out` (no allocation per minute) and returns it. */
export function nextCorrelatedNormals(
  prng: PrngState,
  rho: number,
  out: [number, number] = [0, 0],
): [number, number] {
  const z1 = nextNormal(prng);
  const z2 = rho * z1 + Math.sqrt(1 - rho * rho) * nextNormal(prng);
  out[0] = z1;
  out[1] = z2;
  return out;
}

/** Pairs drawn at a time by fillCorrelatedNormals (two normals each: 16 kB, kept for the module's life). */
const CHUNK_PAIRS = 1024;
const drawn = new Float64Array(2 * CHUNK_PAIRS);

/**
 * first[i] and second[i] ← nextCorrelatedNormals(prng, rho) for i from `from` to `to`, in that order: the same
 * bits, drawn in bulk (prng.ts fillNormals; issue 16, a historical path's minute shocks).
 */
export function fillCorrelatedNormals(
  prng: PrngState,
  rho: number,
  first: Float64Array,
  second: Float64Array,
  from: number,
  to: number,
): void {
  const own = Math.sqrt(1 - rho * rho);
  // In a local: V8 11.3 reads a module's binding from the module, with a type check, at every use (issue 16).
  const pairsDrawn = drawn;
  for (let start = from; start < to; start += CHUNK_PAIRS) {
    const pairs = Math.min(CHUNK_PAIRS, to - start);
    fillNormals(prng, pairsDrawn, 0, 2 * pairs);
    for (let j = 0; j < pairs; j++) {
      const z1 = pairsDrawn[2 * j]!;
      first[start + j] = z1;
      second[start + j] = rho * z1 + own * pairsDrawn[2 * j + 1]!;
    }
  }
}
