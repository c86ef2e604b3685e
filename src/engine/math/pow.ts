/**
 * x^y by fdlibm's method (e_pow.c) as V8 11.3 implements Math.pow (Node 20), V8's one edit included (the last
 * step divides by (t1 − 2) − (w + z·w)); see log-exp.ts for why the engine carries its own. log2|x| is taken in
 * extra precision as t1 + t2, y·log2|x| split as p_h + p_l, and 2^(p_h + p_l) from a degree-5 polynomial,
 * scaled by the integer part.
 */
import { fromWords, highWord, lowWord, POWERS_OF_TWO, withHighWord, withLowWord } from './words.ts';

const BP = [1.0, 1.5] as const;
const DP_H = [0.0, 5.84962487220764160156e-1] as const; // log2(1.5) high
const DP_L = [0.0, 1.35003920212974897128e-8] as const; // log2(1.5) low
const TWO53 = 9007199254740992.0;
const L1 = 5.99999999999994648725e-1;
const L2 = 4.28571428578550184252e-1;
const L3 = 3.33333329818377432918e-1;
const L4 = 2.72728123808534006489e-1;
const L5 = 2.30660745775561754067e-1;
const L6 = 2.06975017800338417784e-1;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const LG2 = 6.93147180559945286227e-1;
const LG2_H = 6.93147182464599609375e-1;
const LG2_L = -1.90465429995776804525e-9;
const OVT = 8.008566259537294e-17; // −(1024 − log2(ovfl + .5ulp))
const CP = 9.61796693925975554329e-1; // 2/(3·ln2)
const CP_H = 9.61796700954437255859e-1;
const CP_L = -7.02846165095275826516e-9;
const IVLN2 = 1.442695040888963387;
const IVLN2_H = 1.44269502162933349609;
const IVLN2_L = 1.92596299112661746887e-8;

/** y's kind when x < 0: 0 not an integer, 1 an odd integer, 2 an even integer. */
function integerKind(iy: number, ly: number): number {
  if (iy >= 0x43400000) return 2; // |y| ≥ 2^53: even
  if (iy < 0x3ff00000) return 0;
  const k = (iy >> 20) - 0x3ff;
  if (k > 20) {
    const j = ly >>> (52 - k);
    return (j << (52 - k)) >>> 0 === ly ? 2 - (j & 1) : 0;
  }
  if (ly !== 0) return 0;
  const j = iy >> (20 - k);
  return j << (20 - k) === iy ? 2 - (j & 1) : 0;
}

/** x · 2^n, exact but for the one rounding of a subnormal result (fdlibm's scalbn). */
function scale(x: number, n: number): number {
  let hx = highWord(x);
  let k = (hx & 0x7ff00000) >> 20;
  if (k === 0) {
    x *= 1.8014398509481984e16; // 2^54
    hx = highWord(x);
    k = ((hx & 0x7ff00000) >> 20) - 54;
  }
  k += n;
  if (k > 0x7fe) return x > 0 ? Infinity : -Infinity;
  if (k > 0) return withHighWord(x, (hx & 0x800fffff) | (k << 20));
  if (k <= -54) return x > 0 ? 0 : -0;
  return withHighWord(x, (hx & 0x800fffff) | ((k + 54) << 20)) * 5.55111512312578270212e-17; // 2^-54
}

export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x) >>> 0;
  const hy = highWord(y);
  const ly = lowWord(y) >>> 0;
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1; // x^0
  if (
    ix > 0x7ff00000 ||
    (ix === 0x7ff00000 && lx !== 0) ||
    iy > 0x7ff00000 ||
    (iy === 0x7ff00000 && ly !== 0)
  )
    return x + y; // NaN
  const yKind = hx < 0 ? integerKind(iy, ly) : 0;

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y is ±∞ (±1 to it is NaN in JavaScript)
      if (((ix - 0x3ff00000) | lx) === 0) return y - y;
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0;
      return hy < 0 ? -y : 0;
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y is ±1
    if (hy === 0x40000000) return x * x; // y is 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y is 0.5, x ≥ +0
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x is ±0, ±∞ or ±1
    let z = hy < 0 ? 1 / ax : ax;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yKind) === 0)
        z = NaN; // (−1)^non-integer
      else if (yKind === 1) z = -z;
    }
    return z;
  }

  let n = (hx >> 31) + 1;
  if ((n | yKind) === 0) return NaN; // (x < 0)^non-integer
  const s = (n | (yKind - 1)) === 0 ? -1 : 1; // (−x)^odd

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: certain overflow or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? Infinity : 0;
      if (ix >= 0x3ff00000) return hy > 0 ? Infinity : 0;
    }
    if (ix < 0x3fefffff) return hy < 0 ? s * Infinity : s * 0;
    if (ix > 0x3ff00000) return hy > 0 ? s * Infinity : s * 0;
    // |1 − x| ≤ 2^-20: log(x) from its series
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = withLowWord(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000; // |x| normalised
    let k: 0 | 1;
    if (j <= 0x3988e)
      k = 0; // |x| < √(3/2)
    else if (j < 0xbb67a)
      k = 1; // |x| < √3
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);
    // ss = s_h + s_l = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5)
    const u = ax - BP[k];
    const v = 1 / (ax + BP[k]);
    const ss = u * v;
    const sH = withLowWord(ss, 0);
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0); // ax + bp[k], high part
    let tL = ax - (tH - BP[k]);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)/log2 in extra precision
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowWord(3.0 + s2 + r, 0);
    tL = r - (tH - 3.0 - s2);
    const uu = sH * tH;
    const vv = sL * tH + tL * ss;
    const pH = withLowWord(uu + vv, 0);
    const pL = vv - (pH - uu);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + DP_L[k];
    const t = n;
    t1 = withLowWord(zH + zL + DP_H[k] + t, 0);
    t2 = zL - (t1 - t - DP_H[k] - zH);
  }

  // (y1 + y2)·(t1 + t2), y1 y's top 21 bits
  const y1 = withLowWord(y, 0);
  return s * twoToThe((y - y1) * t1 + y * t2, y1 * t1);
}

/**
 * 0.5^y, the same bits as pow(0.5, y): fdlibm's log2 stage gives t1 = −1 and t2 = 0 exactly for x = 0.5, so
 * only its last stage is left, small enough for V8 to inline into the venues' per-minute decays (issue 16:
 * offshore's classroom run takes 3,282 of these; a call that is not inlined boxes its result). y outside
 * [2^-1022, 1024) and y's own special cases (1, 2, 0.5) go through pow. fdlibm.test.ts checks it against
 * Math.pow, and highPart against withLowWord (how y is split hardly ever shows in the result, so the first
 * check alone would pass a wrong split).
 */
export function halfToThe(y: number): number {
  if (!(y >= 2.2250738585072014e-308 && y < 1024) || y === 1 || y === 2 || y === 0.5) return pow(0.5, y);
  const powers = POWERS_OF_TWO;
  const y1 = highPart(y, powers);
  return twoToTheBelowOne((y - y1) * -1 + y * 0, y1 * -1, powers);
}

/**
 * x with its low word 0 (withLowWord(x, 0)) by arithmetic, for x of exponent e ≥ −1003: x·2^(20−e) lies in
 * [2^20, 2^21), its integer part is x's high word's 21 significant bits, and scaling it back by 2^(e−20) is
 * exact. Writing a double's halves and reading it back stalls the processor (a load over two stores cannot be
 * forwarded, words.ts), about 12 cycles each time; halfToThe took four of them a call. Smaller x (zero
 * included) go through memory.
 */
export function highPart(x: number, powers: Float64Array): number {
  const e = ((highWord(x) >> 20) & 0x7ff) - 1023;
  if (e < -1003) return withLowWord(x, 0);
  return Math.trunc(x * powers[1094 - e]!) * powers[1054 + e]!; // 2^(20−e), 2^(e−20): words.ts's table
}

/**
 * twoToThe for halfToThe: z = pL + pH is −y, in (−1024, 0), where neither the overflow nor the underflow test can
 * pass; fdlibm's steps otherwise, its truncations to a high word by highPart, its final change of the exponent
 * as a product by 2^n (exact while the result stays normal, which is the test for scale), and its constants
 * written out (LG2_H, LG2, LG2_L, P1–P5 above; see log-exp.ts logOfWord for why).
 */
function twoToTheBelowOne(pL: number, pH: number, powers: Float64Array): number {
  let z = pL + pH;
  let n = 0;
  // |z|'s high word above 0x3fe00000: |z| ≥ 0.5 + 2^-21. Then n = −[|z| + 0.5], from |z|'s high part (fdlibm
  // adds the half to the high word and clears the fraction's bits below the units).
  if (z <= -0.500000476837158203125) {
    const m = Math.floor(0.5 - highPart(z, powers));
    n = -m;
    pH += m;
  }
  const t = highPart(pL + pH, powers);
  const u = t * 6.93147182464599609375e-1; // LG2_H
  const v = (pL - (t - pH)) * 6.93147180559945286227e-1 + t * -1.90465429995776804525e-9; // LG2, LG2_L
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  // z − tt·(P1 + tt·(P2 + tt·(P3 + tt·(P4 + tt·P5))))
  const r1 =
    z -
    tt *
      (1.66666666666666019037e-1 +
        tt *
          (-2.77777777770155933842e-3 +
            tt *
              (6.61375632143793436117e-5 +
                tt * (-1.6533902205465251539e-6 + tt * 4.13813679705723846039e-8))));
  const r = (z * r1) / (r1 - 2 - (w + z * w));
  z = 1 - (r - z);
  const high = (highWord(z) + (n << 20)) | 0;
  return high >> 20 <= 0 ? scale(z, n) : z * powers[1074 + n]!;
}

/** 2^(pH + pL): pow's last stage, overflow and underflow included (the sign is the caller's). */
function twoToThe(pL: number, pH: number): number {
  let z = pL + pH;
  const j = highWord(z);
  const i = lowWord(z);
  if (j >= 0x40900000) {
    // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0 || pL + OVT > z - pH) return Infinity;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ −1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0 || pL <= z - pH) return 0;
  }
  const abs = j & 0x7fffffff;
  let k = (abs >> 20) - 0x3ff;
  let n = 0;
  if (abs > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5]
    n = (j + (0x00100000 >> (k + 1))) | 0;
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = withLowWord(pL + pH, 0);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const r1 = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * r1) / (r1 - 2 - (w + z * w));
  z = 1 - (r - z);
  const high = (highWord(z) + (n << 20)) | 0;
  return high >> 20 <= 0 ? scale(z, n) : withHighWord(z, high);
}
