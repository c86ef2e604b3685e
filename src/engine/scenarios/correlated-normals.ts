/**
 * Two standard normal draws with correlation ρ, for BTC and ETH shocks taken from one PRNG stream
 * (z₂ = ρ·z₁ + √(1 − ρ²)·ε, the two-asset Cholesky factor).
 */
import { nextNormal, type PrngState } from '../prng.ts';
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
