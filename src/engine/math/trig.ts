/**
 * Sine and cosine by fdlibm's method as V8 11.3 implements Math.sin and Math.cos (Node 20); see log-exp.ts for
 * why the engine carries its own. The argument is reduced to y0 + y1 = x − n·π/2 with |y0| ≤ π/4 (Cody and
 * Waite's three-part π/2), then the kernels' polynomials on [−π/4, π/4]. Arguments of |x| > 2^19·π/2 need
 * fdlibm's multi-precision reduction, which the engine never needs (its angles stay within a turn): they are
 * refused.
 */
import { fromWords, highWord } from './words.ts';

/** |x| below which sin x is x and cos x is 1 (fdlibm's high word under 0x3e400000: exactly |x| < 2^-27). */
export const TINY = 2 ** -27;

/**
 * The kernels and cos's short way write their constants out as literals: fdlibm's coefficients S1–S6 and C1–C6
 * (named in the comments beside them), and the bounds named in this module, the same doubles (fdlibm.test.ts
 * checks the bounds' values and compares cos and sin with Math's over 10^5 arguments, near every bound among
 * them). V8 11.3 folds a literal into the code but reads a module's constant from the module at every use,
 * checking its type each time (issue 16: the seed's draws take about 5,000 cosines a run).
 */

/** sin(x + y) on [−π/4, π/4], y the tail of x (`tailed` false: y is 0). */
function kernelSin(x: number, y: number, tailed: boolean): number {
  // TINY and S1–S6 written out: see the note above.
  if (Math.abs(x) < 7.450580596923828e-9) return x;
  const z = x * x;
  const v = z * x;
  // S2 + z·(S3 + z·(S4 + z·(S5 + z·S6)))
  const r =
    8.33333333332248946124e-3 +
    z *
      (-1.98412698298579493134e-4 +
        z * (2.75573137070700676789e-6 + z * (-2.50507602534068634195e-8 + z * 1.58969099521155010221e-10)));
  if (!tailed) return x + v * (-1.66666666666666324348e-1 + z * r); // x + v·(S1 + z·r)
  return x - (z * (0.5 * y - v * r) - y - v * -1.66666666666666324348e-1); // x − (z·(y/2 − v·r) − y − v·S1)
}

/** fdlibm's bounds on |x| by high word, as doubles: a high word under h is exactly |x| < fromWords(h, 0). */
export const UNDER_0_3 = fromWords(0x3fd33333, 0);
export const OVER_0_78125 = fromWords(0x3fe90001, 0);

/**
 * cos(x + y) on [−π/4, π/4], y the tail of x. fdlibm takes |x|'s bounds and qx from its high word; here the same
 * bounds are compared as doubles and qx is |x|/4 cut to its high word by a floor at |x|'s binary exponent, the
 * same double exactly, without writing a double's halves and reading it back (a stalled load, words.ts twoTo).
 */
function kernelCos(x: number, y: number): number {
  // The constants written out (TINY, C1–C6, UNDER_0_3 and OVER_0_78125): see the note above kernelSin.
  const ax = Math.abs(x);
  if (ax < 7.450580596923828e-9) return 1;
  const z = x * x;
  // z·(C1 + z·(C2 + z·(C3 + z·(C4 + z·(C5 + z·C6)))))
  const r =
    z *
    (4.16666666666666019037e-2 +
      z *
        (-1.38888888888741095749e-3 +
          z *
            (2.48015872894767294178e-5 +
              z *
                (-2.75573143513906633035e-7 +
                  z * (2.0875723212981748279e-9 + z * -1.13596475577881948265e-11)))));
  // fdlibm: 1 − (z/2 − (z·r − x·y)) under 0.3, else (1 − qx) − ((z/2 − qx) − (z·r − x·y)), exact for qx = |x|/4
  // cut to 21 bits, or 0.28125 above 0.78125. With qx = 0 under 0.3 the second is the first, bit for bit (1 − 0
  // and z/2 − 0 are exact): one formula, a branch fewer to mispredict on random angles. In [0.3, 1) |x|'s 21
  // leading bits are those down to 2^-22 below 0.5 and to 2^-21 from 0.5.
  const qx =
    ax < 0.2999999523162842
      ? 0
      : ax >= 0.7812504768371582
        ? 0.28125
        : ax < 0.5
          ? Math.floor(ax * 4194304) / 16777216
          : Math.floor(ax * 2097152) / 8388608;
  const iz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (iz - (z * r - x * y));
}

const INVPIO2 = 6.36619772367581382433e-1; // 53 bits of 2/π
const PIO2_1 = 1.57079632673412561417; // the first 33 bits of π/2
const PIO2_1T = 6.07710050650619224932e-11; // π/2 − PIO2_1
const PIO2_2 = 6.0771005063039659766e-11; // the second 33 bits
const PIO2_2T = 2.02226624879595063154e-21; // π/2 − (PIO2_1 + PIO2_2)
const PIO2_3 = 2.0222662487111664558e-21; // the third 33 bits
const PIO2_3T = 8.47842766036889956997e-32; // π/2 − (PIO2_1 + PIO2_2 + PIO2_3)
/** High words of n·π/2 for n = 1…32: a reduction near one of them may cancel. */
const NPIO2_HIGH = new Int32Array([
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb, 0x402c463a,
  0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb, 0x403ab41b, 0x403c463a,
  0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c, 0x4043a28c, 0x40446b9c, 0x404534ac,
  0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
]);

/** The reduced argument: y0 + y1 = x − n·π/2, |y0| ≤ π/4. */
const reduced = new Float64Array(2);

/** n, with x − n·π/2 written into `reduced` (|x| > π/4, finite, |x| ≤ 2^19·π/2). */
function reduce(x: number, hx: number, ix: number): number {
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1
    const sign = hx > 0 ? 1 : -1;
    let z = x - sign * PIO2_1;
    if (ix !== 0x3ff921fb) {
      reduced[0] = z - sign * PIO2_1T;
      reduced[1] = z - reduced[0]! - sign * PIO2_1T;
    } else {
      // near π/2: 33 + 33 + 53 bits of π/2
      z -= sign * PIO2_2;
      reduced[0] = z - sign * PIO2_2T;
      reduced[1] = z - reduced[0]! - sign * PIO2_2T;
    }
    return sign;
  }
  if (ix > 0x413921fb) throw new RangeError(`sin and cos take |x| ≤ 2^19·π/2 in the engine; got ${x}`);
  const t = Math.abs(x);
  const n = (t * INVPIO2 + 0.5) | 0;
  const fn = n;
  let r = t - fn * PIO2_1;
  let w = fn * PIO2_1T; // good to 85 bits
  if (n < 32 && ix !== NPIO2_HIGH[n - 1]) {
    reduced[0] = r - w; // no cancellation
  } else {
    const j = ix >> 20;
    reduced[0] = r - w;
    if (j - ((highWord(reduced[0]!) >> 20) & 0x7ff) > 16) {
      // a second iteration, good to 118 bits
      let u = r;
      w = fn * PIO2_2;
      r = u - w;
      w = fn * PIO2_2T - (u - r - w);
      reduced[0] = r - w;
      if (j - ((highWord(reduced[0]!) >> 20) & 0x7ff) > 49) {
        // a third, 151 bits
        u = r;
        w = fn * PIO2_3;
        r = u - w;
        w = fn * PIO2_3T - (u - r - w);
        reduced[0] = r - w;
      }
    }
  }
  reduced[1] = r - reduced[0]! - w;
  if (hx < 0) {
    reduced[0] = -reduced[0]!;
    reduced[1] = -reduced[1]!;
    return -n;
  }
  return n;
}

/** fdlibm's bounds by high word as doubles: |x|'s high word is under h exactly when |x| < fromWords(h, 0). */
export const UNDER_PIO4_WORD = fromWords(0x3fe921fc, 0); // high word ≤ 0x3fe921fb: |x| ≤ π/4 as fdlibm reads it
/**
 * For n = 1…32, the doubles with n·π/2's high word, [NEAR_FROM, NEAR_TO): there x − n·π/2 may cancel and fdlibm
 * takes more of π/2. n = 32 is whole (n ≥ 32 always goes fdlibm's long way).
 */
const NEAR_FROM = Float64Array.from(NPIO2_HIGH, (h, k) => (k < 31 ? fromWords(h, 0) : 0));
const NEAR_TO = Float64Array.from(NPIO2_HIGH, (h, k) => (k < 31 ? fromWords(h + 1, 0) : Infinity));
/** Above π/4 and under this (high word under 0x404921fb, 32·π/2's), fdlibm reduces with n = [x·2/π + ½]. */
export const UNDER_32_PIO2_WORD = fromWords(0x404921fb, 0);

/**
 * cos x. A positive x up to 32·π/2 whose reduction cannot cancel (every angle of Box–Muller's, 2π·U) is reduced
 * here with fdlibm's own steps into locals, its bounds compared as doubles; fdlibm's whole reduction (`reduce`)
 * takes the rest: the same bits either way. For 1 ≤ n, fdlibm's branch for |x| < 3π/4 (n = 1) is the general
 * one's arithmetic at n = 1, and n = [x·2/π + ½] is 1 there (its bounds lie 2^-25 inside π/4 and 3π/4).
 */
export function cos(x: number): number {
  return cosWith(x, NEAR_FROM, NEAR_TO);
}

/**
 * cos x given the NEAR_FROM and NEAR_TO tables (cosInPlace reads them from the module once, not once a value),
 * the constants written out (UNDER_32_PIO2_WORD, UNDER_PIO4_WORD, INVPIO2, PIO2_1 and PIO2_1T): see
 * the note above kernelSin.
 */
function cosWith(x: number, nearFrom: Float64Array, nearTo: Float64Array): number {
  if (x > 0 && x < 50.265472412109375) {
    if (x < 0.7853984832763672) return kernelCos(x, 0);
    const n = (x * 6.36619772367581382433e-1 + 0.5) | 0;
    if (x < nearFrom[n - 1]! || x >= nearTo[n - 1]!) {
      const r = x - n * 1.57079632673412561417;
      const w = n * 6.07710050650619224932e-11;
      const y0 = r - w;
      const y1 = r - y0 - w;
      // cos, −sin, −cos, sin of the reduced argument for n mod 4 = 0…3: the sign by arithmetic (× ±1 is exact).
      const k = (n & 1) === 0 ? kernelCos(y0, y1) : kernelSin(y0, y1, true);
      return k * (1 - ((n + 1) & 2));
    }
  }
  return cosAnywhere(x);
}

/** cos x by fdlibm's whole method. */
function cosAnywhere(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| ≤ π/4
  if (ix >= 0x7ff00000) return x - x; // NaN
  const n = reduce(x, hx, ix) & 3;
  const y0 = reduced[0]!;
  const y1 = reduced[1]!;
  if (n === 0) return kernelCos(y0, y1);
  if (n === 1) return -kernelSin(y0, y1, true);
  if (n === 2) return -kernelCos(y0, y1);
  return kernelSin(y0, y1, true);
}

/** sin x. */
export function sin(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, false);
  if (ix >= 0x7ff00000) return x - x;
  const n = reduce(x, hx, ix) & 3;
  const y0 = reduced[0]!;
  const y1 = reduced[1]!;
  if (n === 0) return kernelSin(y0, y1, true);
  if (n === 1) return kernelCos(y0, y1);
  if (n === 2) return -kernelSin(y0, y1, true);
  return -kernelCos(y0, y1);
}

/** values[from..to) ← cos of each, in place (a pass: see log-exp.ts logsInPlace). */
export function cosInPlace(values: Float64Array, from: number, to: number): void {
  const nearFrom = NEAR_FROM;
  const nearTo = NEAR_TO;
  for (let i = from; i < to; i++) values[i] = cosWith(values[i]!, nearFrom, nearTo);
}
