/**
 * A small seeded PRNG whose whole state is a plain value kept in the run state (boardgame.io's pattern),
 * so a run can be replayed exactly, in the worker and in Node. Vendored on purpose: a dependency's algorithm
 * could change under a shared link.
 *
 * Algorithm: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit), seeded through splitmix32.
 */
import { check, wholeNumber } from './validation/index.ts';

/** Any safe integer (the high bits are folded in). */
const SEED = wholeNumber(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);

/** Four unsigned 32-bit words. Copy it to fork a stream; never share one between two consumers. */
export type PrngState = [number, number, number, number];

function splitmix32(seed: number): () => number {
  let z = seed >>> 0;
  return () => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
    t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/** A fresh state from an integer seed (any safe integer; the high bits are folded in). */
export function seedPrng(seed: number): PrngState {
  check('seed', seed, SEED);
  const hi = Math.floor(seed / 2 ** 32) >>> 0;
  const next = splitmix32((seed >>> 0) ^ Math.imul(hi, 0x85ebca6b));
  const state: PrngState = [next(), next(), next(), next()];
  // Warm up: sfc32's first outputs are correlated with the seed.
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** Advances the state in place and returns an unsigned 32-bit integer. */
export function nextUint32(s: PrngState): number {
  const t = (((s[0] + s[1]) >>> 0) + s[3]) >>> 0;
  s[3] = (s[3] + 1) >>> 0;
  s[0] = s[1] ^ (s[1] >>> 9);
  s[1] = (s[2] + (s[2] << 3)) >>> 0;
  s[2] = ((s[2] << 21) | (s[2] >>> 11)) >>> 0;
  s[2] = (s[2] + t) >>> 0;
  return t;
}

/** Uniform in [0, 1) with 32 bits of resolution. */
export function nextFloat(s: PrngState): number {
  return nextUint32(s) / 4294967296;
}

/** Standard normal draw (Box–Muller; the second value is discarded to keep the stream simple). */
export function nextNormal(s: PrngState): number {
  let u = nextFloat(s);
  while (u === 0) u = nextFloat(s);
  const v = nextFloat(s);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Integer in [0, n). */
export function nextInt(s: PrngState, n: number): number {
  return Math.floor(nextFloat(s) * n);
}

/** An independent stream derived from this one (for common random numbers across regimes). */
export function forkPrng(s: PrngState, salt: number): PrngState {
  return seedPrng((nextUint32(s) ^ Math.imul(salt >>> 0, 0x9e3779b1)) >>> 0);
}
