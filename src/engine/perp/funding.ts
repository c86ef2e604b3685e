/**
 * Funding of perpetual contracts (mechanics §1.11).
 *
 * Convention: rates are quoted per 8 hours, as Binance, BitMEX and Hyperliquid publish them, and scaled to the
 * settlement interval: `intervalHours = 8` settles the 8-h rate three times a day (Binance default),
 * `intervalHours = 1` settles one eighth of it every hour (Hyperliquid). The cap, when a venue has one, is
 * expressed per settlement interval (Hyperliquid: 4% per hour) and applied after scaling.
 * Sign: a positive rate means longs pay shorts.
 */
import { above, atLeast, check, finiteNumber } from '../validation/index.ts';

/** Cumulative Σ price × rate per unit of long position since the market opened (quote currency per coin). */
export type FundingIndex = number;

export interface FundingRateInput {
  /** P̄: time-weighted average premium over the interval, as a fraction (0.0003 = 0.03%). */
  premium: number;
  /** I: interest rate per 8 h; 0.01% at Binance and Hyperliquid (B-FUND, HL-funding). */
  interest?: number;
  /** Half-width of the band around the premium in which the interest rate wins; 0.05% (B-FUND). */
  clamp?: number;
  /** Largest |rate| per settlement interval (B-CAP, HL-funding 4%/h); none by default. */
  cap?: number;
  /** Hours between settlements: 8 (Binance default), 4, 2 or 1 (Hyperliquid). */
  intervalHours?: number;
}

const NON_NEGATIVE = atLeast(0);
const POSITIVE = above(0);

function requireFinite(name: string, value: number): void {
  check(name, value, finiteNumber);
}

function clampTo(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** The funding rate for one settlement interval (positive: longs pay). */
export function fundingRate(input: FundingRateInput): number {
  const { premium, interest = 0.0001, clamp = 0.0005, cap, intervalHours = 8 } = input;
  requireFinite('premium', premium);
  requireFinite('interest', interest);
  check('clamp', clamp, NON_NEGATIVE);
  if (cap !== undefined) check('cap', cap, NON_NEGATIVE);
  check('intervalHours', intervalHours, POSITIVE);
  // B-FUND: F = P̄ + clamp(I − P̄, −0.05%, 0.05%); so F = I whenever |I − P̄| ≤ 0.05%
  const per8h = premium + clampTo(interest - premium, -clamp, clamp);
  return ratePerInterval(per8h, intervalHours, cap);
}

/**
 * An 8-hour rate as one settlement's rate: scaled to the interval, then held within the cap (none when
 * `cap` is undefined or null).
 */
export function ratePerInterval(ratePer8h: number, intervalHours: number, cap?: number | null): number {
  // B-FUND25: F / (8/N) for an N-hour interval; HL-funding: paid hourly at one eighth of the 8-h rate
  const perInterval = (ratePer8h * intervalHours) / 8;
  // B-CAP / HL-funding cap, per interval
  return cap === undefined || cap === null ? perInterval : clampTo(perInterval, -cap, cap);
}

/**
 * BM-PERP: interest component from the two currencies' borrow rates, per funding interval:
 * I = (QuoteRate − BaseRate) / intervals per day (3 for 8-h funding).
 */
export function interestFromBorrowRates(
  quoteRatePerDay: number,
  baseRatePerDay: number,
  intervalsPerDay = 3,
): number {
  requireFinite('quoteRatePerDay', quoteRatePerDay);
  requireFinite('baseRatePerDay', baseRatePerDay);
  check('intervalsPerDay', intervalsPerDay, POSITIVE);
  return (quoteRatePerDay - baseRatePerDay) / intervalsPerDay;
}

/**
 * What a position pays at one settlement (positive: it pays; negative: it receives).
 * B-FUND: FundingAmount = MarkPrice × size × F; HL-funding uses the oracle price. A long pays when F > 0.
 * Inverse contracts fit the same form with price = coin value of one contract (1/price for a 1-USD contract).
 */
export function fundingPayment(signedSize: number, price: number, rate: number): number {
  requireFinite('signedSize', signedSize);
  check('price', price, POSITIVE);
  requireFinite('rate', rate);
  return signedSize * price * rate;
}

/** DY perpetual.go: fundingIndex += rate × price at each settlement, so positions settle in O(1). */
export function accrueFundingIndex(index: FundingIndex, price: number, rate: number): FundingIndex {
  requireFinite('index', index);
  return index + fundingPayment(1, price, rate);
}

/**
 * Funding a position owes since it last settled (positive: it owes), valid while its size was constant.
 * Equals the sum of `fundingPayment` over the settlements in between.
 */
export function fundingOwed(
  signedSize: number,
  indexNow: FundingIndex,
  indexAtLastSettle: FundingIndex,
): number {
  requireFinite('signedSize', signedSize);
  requireFinite('indexNow', indexNow);
  requireFinite('indexAtLastSettle', indexAtLastSettle);
  return signedSize * (indexNow - indexAtLastSettle);
}
