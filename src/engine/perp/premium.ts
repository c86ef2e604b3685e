/**
 * Premium index and its time-weighted average over a funding interval (mechanics §1.11, B-FUND, HL-funding).
 * The averager is a plain state object so it can live in the run state and be replayed exactly.
 */
import { above, atLeast, check, finiteNumber } from '../validation/index.ts';

export interface PremiumInput {
  /** Average fill price of selling the impact margin notional into the bids. */
  impactBid: number;
  /** Average fill price of buying the impact margin notional from the asks. */
  impactAsk: number;
  /** Index (Binance) or oracle (Hyperliquid) price. */
  index: number;
}

const POSITIVE = above(0);
const IMR = above(0, 1);
const NON_NEGATIVE = atLeast(0);

function requirePositive(name: string, value: number): void {
  check(name, value, POSITIVE);
}

/** B-FUND, HL-funding: P = [max(0, ImpactBid − Index) − max(0, Index − ImpactAsk)] / Index. */
export function premiumIndex({ impactBid, impactAsk, index }: PremiumInput): number {
  return premiumOf(impactBid, impactAsk, index);
}

/** premiumIndex from its inputs as arguments: no input object each step and market. */
export function premiumOf(impactBid: number, impactAsk: number, index: number): number {
  // The checks, called only when a value fails (check's rule call is the costly part of a passing check).
  if (!(impactBid > 0 && impactBid < Infinity)) requirePositive('impactBid', impactBid);
  if (!(impactAsk > 0 && impactAsk < Infinity)) requirePositive('impactAsk', impactAsk);
  if (!(index > 0 && index < Infinity)) requirePositive('index', index);
  return (Math.max(0, impactBid - index) - Math.max(0, index - impactAsk)) / index;
}

/** B-FUND / B-IMN: impact margin notional = 200 USDT / IMR at the maximum leverage. */
export function impactMarginNotional(imrAtMaxLeverage: number, base = 200): number {
  // The checks, called only when a value fails: funding asks for this every step and market.
  if (!(imrAtMaxLeverage > 0 && imrAtMaxLeverage <= 1)) check('imrAtMaxLeverage', imrAtMaxLeverage, IMR);
  if (!(base > 0 && base < Infinity)) requirePositive('base', base);
  return base / imrAtMaxLeverage;
}

/** Running time-weighted sum of premium samples since the last funding settlement. */
export interface PremiumAverager {
  /** Σ premium × duration. */
  weightedSum: number;
  /** Σ duration (seconds). */
  totalSeconds: number;
}

/** An averager with no samples: the state right after a settlement. */
export function emptyPremiumAverager(): PremiumAverager {
  return { weightedSum: 0, totalSeconds: 0 };
}

/** Adds a sample that held for `durationSeconds` (Binance samples every 5 s; B-FUND "wma"). */
export function addPremiumSample(
  averager: PremiumAverager,
  premium: number,
  durationSeconds: number,
): PremiumAverager {
  check('premium', premium, finiteNumber);
  check('durationSeconds', durationSeconds, NON_NEGATIVE);
  return {
    weightedSum: averager.weightedSum + premium * durationSeconds,
    totalSeconds: averager.totalSeconds + durationSeconds,
  };
}

/** addPremiumSample written into `averager` itself (the same arithmetic): one sample a step and market. */
export function accumulatePremium(averager: PremiumAverager, premium: number, durationSeconds: number): void {
  if (!Number.isFinite(premium)) check('premium', premium, finiteNumber);
  if (!(durationSeconds >= 0 && durationSeconds < Infinity))
    check('durationSeconds', durationSeconds, NON_NEGATIVE);
  averager.weightedSum = averager.weightedSum + premium * durationSeconds;
  averager.totalSeconds = averager.totalSeconds + durationSeconds;
}

/**
 * P̄ for the funding formula. With no samples yet it is 0, so the funding rate falls back to the interest rate
 * (through the clamp) rather than to a made-up premium.
 */
export function averagePremium(averager: PremiumAverager): number {
  return averager.totalSeconds > 0 ? averager.weightedSum / averager.totalSeconds : 0;
}

/** At settlement the average starts afresh (B-FUND: P̄ is taken over the interval being settled). */
export function resetPremiumAverager(): PremiumAverager {
  return emptyPremiumAverager();
}
