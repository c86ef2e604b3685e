/**
 * A small seeded PRNG whose whole state is a plain value kept in the run state (boardgame.io's pattern),
 * so a run can be replayed exactly, in the worker and in Node. Vendored on purpose: a dependency's algorithm
 * could change under a shared link.
 *
 * Algorithm: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit), seeded through splitmix32.
 */
import { check, wholeNumber } from './validation/index.ts';
import * as fdlibm from './math/fdlibm.ts';

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
  return boxMuller(u, nextFloat(s));
}

/** The standard normal from two uniforms (Box–Muller's first), u in (0, 1). */
const boxMuller = (u: number, v: number) => normalOf(fdlibm.log(u), fdlibm.cos(angleOf(v)));

/** Box–Muller's angle for its second uniform v: 2π·v. */
export const angleOf = (v: number) => 2 * Math.PI * v;

/**
 * Box–Muller's normal from ln u and the cosine of its angle: apart, so that a caller drawing many (fillNormals,
 * the population, the synthetic walks) takes the logarithms and cosines in passes, with the same bits.
 */
export const normalOf = (logU: number, cosAngle: number) => Math.sqrt(-2 * logU) * cosAngle;

/** Integer in [0, n). */
export function nextInt(s: PrngState, n: number): number {
  return Math.floor(nextFloat(s) * n);
}

/** An independent stream derived from this one (for common random numbers across regimes). */
export function forkPrng(s: PrngState, salt: number): PrngState {
  return seedPrng((nextUint32(s) ^ Math.imul(salt >>> 0, 0x9e3779b1)) >>> 0);
}

/*
 * Bulk draws for the set-up paths (issue 16: a seed's paths took about 14% of a classroom run). Each gives
 * exactly the numbers the same count of single calls above would, in the same order (the same integer steps,
 * the same log, sqrt and cos on the same values), and leaves `s` where those calls would. Inside
 * the loop the state's four words are locals rather than read and written back through the array at every draw.
 * The step is nextUint32's (prng.test.ts checks both against the single calls, a zero draw included).
 */

/** out[from..to) ← successive nextFloat(s). */
export function fillFloats(s: PrngState, out: Float64Array, from: number, to: number): void {
  let a = s[0];
  let b = s[1];
  let c = s[2];
  let d = s[3];
  for (let i = from; i < to; i++) {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    out[i] = t / 4294967296;
  }
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
}

/** fillNormals' angles, kept from call to call and grown as needed. */
let angles = new Float64Array(1024);

/** out[from..to) ← successive nextNormal(s), Box–Muller's logarithms and cosines taken in passes. */
export function fillNormals(s: PrngState, out: Float64Array, from: number, to: number): void {
  if (angles.length < to - from) angles = new Float64Array(Math.max(to - from, 2 * angles.length));
  // In a local: V8 11.3 reads a module's binding from the module, with a type check, at every use (issue 16).
  const parked = angles;
  let a = s[0];
  let b = s[1];
  let c = s[2];
  let d = s[3];
  // nextNormal's first uniform, or −1 while the next one drawn is it (a 0 is drawn again, as nextNormal does).
  let u = -1;
  for (let i = from; i < to;) {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    const x = t / 4294967296;
    if (u < 0) {
      if (x !== 0) u = x;
    } else {
      // The pair parked (u in out, the angle apart); the logarithms and cosines in passes below.
      parked[i - from] = angleOf(x);
      out[i++] = u;
      u = -1;
    }
  }
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
  fdlibm.logsInPlace(out, from, to);
  fdlibm.cosInPlace(parked, 0, to - from);
  for (let i = from; i < to; i++) out[i] = normalOf(out[i]!, parked[i - from]!);
}

/** Uniforms a DrawAhead draws at a time. */
const AHEAD = 256;

/**
 * A stream's uniforms drawn ahead in bulk (fillFloats), for a caller that takes many one at a time in a varying
 * pattern: the population, about fifteen a trader, and the synthetic walks' minutes (issue 16). `float` and
 * `normal` give what nextFloat and nextNormal would on the state it was made from. That state itself is not
 * moved (the stream lives on here) until `settle` moves it where those single calls would have left it.
 */
export class DrawAhead {
  readonly #state: PrngState;
  /** The state before the uniforms in `#drawn` (settle steps on from it). */
  readonly #start: PrngState;
  readonly #drawn = new Float64Array(AHEAD);
  #next = 0;

  constructor(state: PrngState) {
    this.#state = [state[0], state[1], state[2], state[3]];
    this.#start = [state[0], state[1], state[2], state[3]];
    fillFloats(this.#state, this.#drawn, 0, AHEAD);
  }

  /** nextFloat's draw. */
  float(): number {
    if (this.#next === AHEAD) this.#refill();
    return this.#drawn[this.#next++]!;
  }

  /** The next AHEAD uniforms (out of float's line, so that float stays small enough to inline everywhere). */
  #refill(): void {
    for (let k = 0; k < 4; k++) this.#start[k] = this.#state[k]!;
    fillFloats(this.#state, this.#drawn, 0, AHEAD);
    this.#next = 0;
  }

  /** nextNormal's first uniform: the next one that is not 0. */
  nonZeroFloat(): number {
    let u = this.float();
    while (u === 0) u = this.float();
    return u;
  }

  /** nextNormal's draw, from the next two uniforms (the first again while it is 0, as nextNormal does). */
  normal(): number {
    const u = this.nonZeroFloat();
    return boxMuller(u, this.float());
  }

  /** Moves `s` where the single calls would have left it: past the uniforms taken here, not those drawn ahead. */
  settle(s: PrngState): void {
    for (let k = 0; k < 4; k++) s[k] = this.#start[k]!;
    for (let k = 0; k < this.#next; k++) nextUint32(s);
  }
}
