/**
 * The two 32-bit halves of a double, read and written through one shared buffer (fdlibm's GET_HIGH_WORD and
 * friends). The engine's elementary functions (fdlibm.ts) work on them as fdlibm's C does.
 */
const double = new Float64Array(1);
const halves = new Int32Array(double.buffer);

// Every platform a browser or Node runs on is little-endian; a big-endian one would swap the halves.
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
  throw new Error(
    'the engine needs a little-endian platform (its deterministic math reads a double by halves)',
  );
const LOW = 0;
const HIGH = 1;

/** The more significant 32 bits of x, as a signed integer (sign, exponent, top of the fraction). */
export function highWord(x: number): number {
  double[0] = x;
  return halves[HIGH]!;
}

/** The less significant 32 bits of x, as a signed integer. */
export function lowWord(x: number): number {
  double[0] = x;
  return halves[LOW]!;
}

/** The double whose halves are `high` and `low`. */
export function fromWords(high: number, low: number): number {
  halves[HIGH] = high;
  halves[LOW] = low;
  return double[0]!;
}

/** x with its less significant half replaced by `low`. */
export function withLowWord(x: number, low: number): number {
  double[0] = x;
  halves[LOW] = low;
  return double[0]!;
}

/** x with its more significant half replaced by `high`. */
export function withHighWord(x: number, high: number): number {
  double[0] = x;
  halves[HIGH] = high;
  return double[0]!;
}

/**
 * 2^n for n in [−1074, 1023], by index n + 1074: each exact (a power of two is a double down to the least
 * subnormal). Scaling by a power of two through this table, rather than by writing a double's halves, keeps
 * the processor from stalling: a double read back over two separate writes of its halves cannot be forwarded
 * from the store buffer (about 12 cycles a time on this machine's processors). Exported for log-exp.ts's passes,
 * which read it once a pass and index it with 1074 written out.
 */
export const POWERS_OF_TWO = (() => {
  const table = new Float64Array(2098);
  table[1074] = 1;
  for (let n = 1; n <= 1023; n++) table[1074 + n] = table[1073 + n]! * 2;
  for (let n = 1; n <= 1074; n++) table[1074 - n] = table[1075 - n]! / 2;
  return table;
})();

/** 2^n for an integer n in [−1074, 1023]. */
export function twoTo(n: number): number {
  return POWERS_OF_TWO[n + 1074]!;
}
