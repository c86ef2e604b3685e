/**
 * Mark price (mechanics §1.10): the price used for margin, liquidation and unrealised PnL (§1.7).
 * Three methods, chosen by the rules in force:
 * - 'index-anchored': index + a smoothed basis, clamped, so a wick in the traded price barely moves the mark
 *   (HL-robust-price-indices component 1; Binance B-MARK Price2 has the same shape);
 * - 'last-traded': the last traded price, which a wick moves fully (a venue without mark-price protection);
 * - 'median-of-three': Hyperliquid's published mark (mechanics §1.10, HL-robust-price-indices), the median of
 *   (1) oracle + 150-s EMA of (book − oracle), unclamped, (2) median(best bid, best ask, last trade) of its own
 *   book and (3) a weighted median of other venues' perp mids. The simulator's venue has one traded price, which
 *   stands in for (2); the index stands in for (3) (assumption: other venues' perps are taken to track the
 *   index, as the simulator has no second venue's book inside one run). So when the book gaps below the index
 *   the mark follows it with the EMA's lag, with no 0.5% clamp.
 */
import { Refusal, above, atLeast, between, check, finiteNumber } from '../validation/index.ts';
import * as fdlibm from '../math/fdlibm.ts';

const POSITIVE = above(0);
const NON_NEGATIVE = atLeast(0);
const BASIS_FRACTION = between(0, 1, { maxExcluded: true });

export const MARK_PRICE_METHODS = ['index-anchored', 'last-traded', 'median-of-three'] as const;
export type MarkPriceMethod = (typeof MARK_PRICE_METHODS)[number];

/** HL-robust-price-indices EMA state: ema = num / den. */
export interface BasisEma {
  num: number;
  den: number;
}

/** HL-robust-price-indices: a 150-second (2.5-minute) EMA of (mid − oracle). */
export const BASIS_TIME_CONSTANT_SECONDS = 150;

/**
 * Largest |basis| as a fraction of the index. A modelling choice, not a venue rule (documented as an assumption):
 * venues bound the mark by taking a median with other prices (B-MARK, HL-robust-price-indices), which this
 * simulator has no second source for.
 */
export const MAX_BASIS_FRACTION = 0.005;

export function emptyBasisEma(): BasisEma {
  return { num: 0, den: 0 };
}

/**
 * HL-robust-price-indices, for a sample that held `elapsedSeconds` since the last update:
 * num ← num·exp(−t/τ) + sample·t;  den ← den·exp(−t/τ) + t.
 * `basisSample` is traded price − index.
 */
export function updateBasisEma(
  ema: BasisEma,
  basisSample: number,
  elapsedSeconds: number,
  timeConstantSeconds = BASIS_TIME_CONSTANT_SECONDS,
): BasisEma {
  check('basisSample', basisSample, finiteNumber);
  check('elapsedSeconds', elapsedSeconds, NON_NEGATIVE);
  check('timeConstantSeconds', timeConstantSeconds, POSITIVE);
  const decay = fdlibm.exp(-elapsedSeconds / timeConstantSeconds);
  return {
    num: ema.num * decay + basisSample * elapsedSeconds,
    den: ema.den * decay + elapsedSeconds,
  };
}

/**
 * updateBasisEma written into `ema` itself (the same arithmetic): a venue's step advances each market's EMA,
 * and a new object a minute per market was garbage a minute later.
 */
export function advanceBasisEma(
  ema: BasisEma,
  basisSample: number,
  elapsedSeconds: number,
  timeConstantSeconds = BASIS_TIME_CONSTANT_SECONDS,
): void {
  // The checks of updateBasisEma, called only when a value fails (check's rule call is the costly part).
  if (!Number.isFinite(basisSample)) check('basisSample', basisSample, finiteNumber);
  if (!(elapsedSeconds >= 0 && elapsedSeconds < Infinity))
    check('elapsedSeconds', elapsedSeconds, NON_NEGATIVE);
  if (!(timeConstantSeconds > 0 && timeConstantSeconds < Infinity))
    check('timeConstantSeconds', timeConstantSeconds, POSITIVE);
  const decay = emaDecay(elapsedSeconds, timeConstantSeconds);
  ema.num = ema.num * decay + basisSample * elapsedSeconds;
  ema.den = ema.den * decay + elapsedSeconds;
}

/** The last decay taken and its inputs (NaN: none yet, never equal). */
const lastDecay = { elapsedSeconds: NaN, timeConstantSeconds: NaN, decay: 1 };

/**
 * exp(−t/τ), taken again only when t or τ changed: a venue's step asks it for every market every minute with
 * the same step and time constant, and the same inputs give the same bits.
 */
function emaDecay(elapsedSeconds: number, timeConstantSeconds: number): number {
  if (elapsedSeconds !== lastDecay.elapsedSeconds || timeConstantSeconds !== lastDecay.timeConstantSeconds) {
    lastDecay.decay = fdlibm.exp(-elapsedSeconds / timeConstantSeconds);
    lastDecay.elapsedSeconds = elapsedSeconds;
    lastDecay.timeConstantSeconds = timeConstantSeconds;
  }
  return lastDecay.decay;
}

/** The smoothed basis; 0 before the first sample, so the mark starts at the index. */
export function basisEmaValue(ema: BasisEma): number {
  return ema.den > 0 ? ema.num / ema.den : 0;
}

export interface MarkPriceInput {
  method: MarkPriceMethod;
  index: number;
  lastTraded: number;
  basisEma: BasisEma;
  /** Default MAX_BASIS_FRACTION (0.5%). */
  maxBasisFraction?: number;
}

export function markPrice(input: MarkPriceInput): number {
  const { method, index, lastTraded, basisEma, maxBasisFraction = MAX_BASIS_FRACTION } = input;
  return markPriceOf(method, index, lastTraded, basisEma, maxBasisFraction);
}

/** markPrice from its inputs as arguments: no input object each step and market. */
export function markPriceOf(
  method: MarkPriceMethod,
  index: number,
  lastTraded: number,
  basisEma: BasisEma,
  maxBasisFraction = MAX_BASIS_FRACTION,
): number {
  const ema = method === 'last-traded' ? 0 : basisEmaValue(basisEma);
  return markPriceAt(method, index, lastTraded, ema, maxBasisFraction);
}

/**
 * markPriceOf from the EMA's value (`basisEmaValue`, unread by a last-traded mark): a venue's step reprices each
 * market at the minute's high, low and close, the first two with the same EMA, whose value is one division.
 */
export function markPriceAt(
  method: MarkPriceMethod,
  index: number,
  lastTraded: number,
  emaValue: number,
  maxBasisFraction = MAX_BASIS_FRACTION,
): number {
  // The checks, called only when a value fails (check's rule call is the costly part of a passing check).
  if (!(index > 0 && index < Infinity)) check('index', index, POSITIVE);
  if (!(lastTraded > 0 && lastTraded < Infinity)) check('lastTraded', lastTraded, POSITIVE);
  if (method === 'last-traded') return lastTraded;
  if (method === 'median-of-three') return medianOfThree(index + emaValue, lastTraded, index);
  if (!(maxBasisFraction >= 0 && maxBasisFraction < 1))
    check('maxBasisFraction', maxBasisFraction, BASIS_FRACTION);
  const limit = maxBasisFraction * index;
  const basis = Math.min(limit, Math.max(-limit, emaValue));
  return index + basis;
}

/** The middle one of three prices. */
export function medianOfThree(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/**
 * BM-FAIR: Fair = Index × (1 + FundingRate × TimeUntilFunding / FundingInterval).
 * Binance's Price1 (B-MARK) is the same with an 8-h interval.
 */
export function fairPrice(
  index: number,
  fundingRate: number,
  hoursUntilFunding: number,
  intervalHours: number,
): number {
  check('index', index, POSITIVE);
  check('fundingRate', fundingRate, finiteNumber);
  check('intervalHours', intervalHours, POSITIVE);
  if (!(hoursUntilFunding >= 0 && hoursUntilFunding <= intervalHours))
    throw new Refusal('hoursUntilFunding', hoursUntilFunding, between(0, intervalHours).allowed);
  return index * (1 + (fundingRate * hoursUntilFunding) / intervalHours);
}
