/**
 * How traders are drawn (model.md, "Population"). Every number here is an assumption of this simulator, chosen
 * to be plausible and documented in doc/model.md; none is a published statistic. They are data, so a lesson or
 * an analyst can see and question them.
 */
export type ProductWish = 'spot' | 'margin' | 'perp';

export interface ClassTraits {
  /** Deposit: log-normal with this median (USD) and log-standard deviation. */
  capitalMedian: number;
  capitalSigma: number;
  /** Probability of wanting each product. */
  productShares: Record<ProductWish, number>;
  /** Perpetuals: leverage wished for, log-normal (median, sigma), before the venue's cap. */
  leverageMedian: number;
  leverageSigma: number;
  /** Margin financing: gross exposure wished for as a multiple of own capital. */
  exposureMedian: number;
  exposureSigma: number;
  longShare: number;
  isolatedShare: number;
  /** Share of the deposit put up as margin or equity; the rest stays in the account. */
  deployShare: number;
  takeProfitRoe: number;
  stopLossShare: number;
  stopLossRoe: number;
  horizonHoursMedian: number;
  /** Probability of topping up when a margin call arrives before the deadline. */
  topUpProbability: number;
  /** Probability that the trader's venue account is younger than 60 days (where a new-account cap applies). */
  newAccountShare: number;
}

export const RETAIL_TRAITS: ClassTraits = {
  capitalMedian: 3_000,
  capitalSigma: 1.0,
  productShares: { spot: 0.25, margin: 0.15, perp: 0.6 },
  leverageMedian: 12,
  leverageSigma: 0.7,
  exposureMedian: 2.5,
  exposureSigma: 0.3,
  longShare: 0.75,
  isolatedShare: 0.6,
  deployShare: 0.7,
  takeProfitRoe: 1.0,
  stopLossShare: 0.3,
  stopLossRoe: -0.5,
  horizonHoursMedian: 24,
  topUpProbability: 0.3,
  newAccountShare: 0.3,
};

export const PROFESSIONAL_TRAITS: ClassTraits = {
  capitalMedian: 200_000,
  capitalSigma: 1.0,
  productShares: { spot: 0.15, margin: 0.25, perp: 0.6 },
  leverageMedian: 5,
  leverageSigma: 0.4,
  exposureMedian: 1.8,
  exposureSigma: 0.2,
  longShare: 0.6,
  isolatedShare: 0.4,
  deployShare: 0.5,
  takeProfitRoe: 0.3,
  stopLossShare: 0.7,
  stopLossRoe: -0.25,
  horizonHoursMedian: 48,
  topUpProbability: 0.7,
  newAccountShare: 0.1,
};

/** Share of traders already positioned in the first hour; the rest enter uniformly over the run's first 80%. */
export const EARLY_ENTRY_SHARE = 0.6;
