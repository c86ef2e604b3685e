/**
 * The natural logarithm and the exponential, by fdlibm's method (Sun Microsystems, 1993: "Permission to use,
 * copy, modify, and distribute this software is freely granted, provided that this notice is preserved") as V8
 * 11.3 implements it for Math.log and Math.exp (Node 20), so that the engine gives the same bits wherever it runs:
 * browsers' Math functions differ from one release to the next (Chromium 156 returns other last bits than Node
 * 20 for 5% of logarithms and 10% of exponentials over 100,000 arguments). The steps and constants are fdlibm's; the arithmetic is IEEE double
 * throughout, which every JavaScript engine rounds alike.
 */
import { highWord, lowWord, POWERS_OF_TWO, twoTo } from './words.ts';

const LN2_HI = 6.9314718036912381649e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const TWO54 = 1.8014398509481984e16; // 2^54
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * ln x: x = 2^k·(1+f) with √2/2 < 1+f < √2, then ln(1+f) = 2s + s·R(s²) for s = f/(2+f), R a degree-14
 * Remez polynomial, and ln x = k·ln2_hi + (f − (f²/2 − (s·(f²/2 + R) + k·ln2_lo))).
 *
 * The usual argument (normal, finite, not within 2^-20 of a power of two) takes the short way here, small
 * enough for V8 to inline into its caller; the rest goes through logAnywhere, the whole method. Not inlined, a
 * function's double result is boxed, a heap number per call: the seed's draws make about 35,000 of these calls
 * (issue 16).
 */
export function log(x: number): number {
  return logOfWord(x, highWord(x), POWERS_OF_TWO);
}

/**
 * log(x) given x's high word `hx` (logsInPlace reads it from its array's words, not through memory again) and
 * words.ts's table of powers of two, 2^n at index 1074 + n (a pass reads it from the module once, not once a
 * value).
 *
 * The constants are written out here as literals (LN2_HI, LN2_LO and LG1–LG7 below, the same doubles;
 * fdlibm.test.ts compares this way with Math.log over 10^6 arguments): V8 11.3 folds a literal into the code,
 * but reads a module's constant from the module at every use, checking its type each time (issue 16: 10.5 →
 * 7.6 ns a logarithm in a pass, with the table read once).
 */
function logOfWord(x: number, hx: number, powers: Float64Array): number {
  const m = hx & 0x000fffff;
  if (hx < 0x00100000 || hx >= 0x7ff00000 || (0x000fffff & (2 + m)) < 3) return logAnywhere(x);
  const i = (m + 0x95f64) & 0x100000;
  const k = (hx >> 20) - 1023 + (i >> 20);
  const f = x * powers[1074 - k]! - 1.0; // x·2^-k
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  // z·(LG1 + w·(LG3 + w·(LG5 + w·LG7))) + w·(LG2 + w·(LG4 + w·LG6))
  const r =
    z *
      (6.66666666666673513e-1 +
        w * (2.857142874366239149e-1 + w * (1.818357216161805012e-1 + w * 1.479819860511658591e-1))) +
    w * (3.999999999940941908e-1 + w * (2.222219843214978396e-1 + w * 1.531383769920937332e-1));
  // One formula for every k in each case: at k = 0 it is fdlibm's f − (…) bit for bit (0 − x is −x exactly for
  // x ≠ 0, and f ≠ 0 here), with no branch on k (random for the uniforms' logarithms) to mispredict.
  if (((m - 0x6147a) | (0x6b851 - m)) > 0) {
    const hfsq = 0.5 * f * f;
    // k·LN2_HI − (hfsq − (s·(hfsq + r) + k·LN2_LO) − f)
    return k * 6.9314718036912381649e-1 - (hfsq - (s * (hfsq + r) + k * 1.90821492927058770002e-10) - f);
  }
  // k·LN2_HI − (s·(f − r) − k·LN2_LO − f)
  return k * 6.9314718036912381649e-1 - (s * (f - r) - k * 1.90821492927058770002e-10 - f);
}

/** ln x for any x: log's whole method, special values, subnormals and arguments near a power of two included. */
function logAnywhere(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  const exponent = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  // x or x/2 normalised into [√2/2, √2): its exponent set to 0 or −1 (fdlibm writes the high word; a product
  // with a power of two is the same double, exactly).
  x *= twoTo(-(exponent + (i >> 20)));
  k += exponent + (i >> 20);
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // −2^-20 ≤ f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

const O_THRESHOLD = 7.09782712893383973096e2; // above it exp overflows
const U_THRESHOLD = -7.4513321910194110842e2; // below it exp underflows
const INVLN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const E = 2.718281828459045;
const TWO1023 = 8.988465674311579539e307; // 2^1023
const TWOM1000 = 9.3326361850321887899e-302; // 2^-1000
/**
 * exp's bounds on |x|'s high word as the doubles with those high words and low word 0, written out as literals
 * (constants V8 folds into the comparison; fdlibm.test.ts checks each against its word): 2^-28 (0x3e300000),
 * 708 (0x40862000), just over ln2/2 (0x3fd62e43), just under 1.5·ln2 (0x3ff0a2b2).
 */
export const EXP_SHORT_FROM = 3.725290298461914e-9;
export const EXP_SHORT_TO = 708;
export const OVER_HALF_LN2 = 0.3465735912322998;
export const UNDER_1_5_LN2 = 1.0397205352783203;

/**
 * e^x: x = k·ln2 + r with |r| ≤ ln2/2 (r kept as hi − lo), e^r from a degree-5 Remez polynomial of
 * r·(e^r + 1)/(e^r − 1), then scaled by 2^k. V8 returns e itself for x = 1 (the method's last bit is off there).
 */
export function exp(x: number): number {
  return expWith(x, POWERS_OF_TWO);
}

/**
 * exp(x) with words.ts's table of powers of two (expsInPlace reads it from the module once). Its constants are
 * written out as literals, as in logOfWord and for the same reason: EXP_SHORT_FROM, EXP_SHORT_TO,
 * OVER_HALF_LN2, UNDER_1_5_LN2, E, LN2_HI, LN2_LO, INVLN2 and P1–P5 below, the same doubles (fdlibm.test.ts
 * compares this way with Math.exp over 10^6 arguments and checks the bounds' words).
 */
function expWith(x: number, powers: Float64Array): number {
  // fdlibm compares |x|'s high word with bounds whose low words are 0: the same as comparing |x| with those
  // bounds as doubles, with no trip through memory for the word (issue 16). A NaN fails every comparison.
  const ax = Math.abs(x);
  // The usual argument, 2^-28 ≤ |x| < 708 (so 2^k stays normal), the short way, small enough for V8 to inline
  // (see log); the rest through expAnywhere.
  if (!(ax >= 3.725290298461914e-9 && ax < 708)) return expAnywhere(x);
  let hi = x;
  let lo = 0;
  let k = 0;
  if (ax >= 0.3465735912322998) {
    // |x| > ln2/2
    if (ax < 1.0397205352783203) {
      // and |x| < 1.5·ln2
      if (x === 1.0) return 2.718281828459045; // E
      hi = x < 0 ? x + 6.9314718036912381649e-1 : x - 6.9314718036912381649e-1; // x ∓ LN2_HI
      lo = x < 0 ? -1.90821492927058770002e-10 : 1.90821492927058770002e-10; // ∓LN2_LO
      k = x < 0 ? -1 : 1;
    } else {
      k = (1.442695040888963387 * x + (x < 0 ? -0.5 : 0.5)) | 0; // INVLN2·x ± ½
      hi = x - k * 6.9314718036912381649e-1; // x − k·LN2_HI, exact
      lo = k * 1.90821492927058770002e-10; // k·LN2_LO
    }
    x = hi - lo;
  }
  const t = x * x;
  // x − t·(P1 + t·(P2 + t·(P3 + t·(P4 + t·P5))))
  const c =
    x -
    t *
      (1.66666666666666019037e-1 +
        t *
          (-2.77777777770155933842e-3 +
            t *
              (6.61375632143793436117e-5 + t * (-1.6533902205465251539e-6 + t * 4.13813679705723846039e-8))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  return (1 - (lo - (x * c) / (2.0 - c) - hi)) * powers[1074 + k]!; // ·2^k
}

/** e^x for any x: exp's whole method, special values and the ends of the range included. */
function expAnywhere(x: number): number {
  let hx = highWord(x);
  const negative = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…: infinite, NaN, or out of range
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return negative === 0 ? x : 0;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5·ln2
      if (x === 1.0) return E;
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INVLN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const twoToK = twoTo(k >= -1021 ? Math.min(k, 1023) : k + 1000); // k = 1024 is scaled below, apart
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return k === 1024 ? y * 2.0 * TWO1023 : y * twoToK;
  return y * twoToK * TWOM1000;
}

/**
 * values[from..to) ← ln of each, in place; and the same for e^x. The seed's draws take their logarithms and
 * exponentials in passes over arrays (issue 16): a loop here calls log or exp from its own module, where V8
 * inlines it, instead of a call from each caller's loop that its inlining budget may leave out (and whose double
 * result is then boxed).
 */
export function logsInPlace(values: Float64Array, from: number, to: number): void {
  // Each value's high word read from the array's own bytes (little-endian: the odd word), rather than by writing
  // the value into words.ts's scratch double and reading it back (issue 16: 12.7 → about 11 ns a logarithm).
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * values.length);
  const powers = POWERS_OF_TWO;
  for (let i = from; i < to; i++) values[i] = logOfWord(values[i]!, words[2 * i + 1]!, powers);
}

export function expsInPlace(values: Float64Array, from: number, to: number): void {
  const powers = POWERS_OF_TWO;
  for (let i = from; i < to; i++) values[i] = expWith(values[i]!, powers);
}
