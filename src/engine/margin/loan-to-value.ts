/**
 * Loan-to-value and the prices at which it reaches a threshold (mechanics §2, B-LTV and SEC).
 *
 * Two ratios, kept apart on purpose:
 *   LTV          = debt / collateral value   (market value; B-LTV). The regime's call and liquidation
 *                  thresholds (HK [DEFAULT] call > 40%, forced sale ≥ 60%, guardrails §1A) apply to this one.
 *   haircut-LTV  = debt / lending value      (lending value = Σ value·(1 − haircut), collateral.ts).
 *                  Above 1 the loan exceeds what the broker would lend: a margin call (guardrails §1A, W21
 *                  "debit balance exceeds the marginable value").
 * debt = principal + accrued interest throughout (B-LTV).
 * With a single asset of haircut h the haircut-LTV reaches 1 exactly when LTV reaches 1 − h: under the HK
 * defaults (h = 0.6, call LTV 0.4) both triggers fire at the same price.
 */
import { lendingValue, type CollateralHolding, type CollateralRules } from './collateral.ts';
import { requireFraction, requireNonNegative, requirePositive, requireThreshold } from './validate.ts';

/** B-LTV: LTV = (principal + interest) / collateral value. Infinity when debt is owed on worthless collateral. */
export function loanToValue(debt: number, collateralValue: number): number {
  // The checks and their rules' calls only when an input would fail them: a followed client's LTV is asked
  // every frame (issue 16).
  if (!(debt >= 0 && debt < Infinity && collateralValue >= 0 && collateralValue < Infinity)) {
    requireNonNegative('debt', debt);
    requireNonNegative('collateral value', collateralValue);
  }
  if (debt === 0) return 0;
  return collateralValue === 0 ? Infinity : debt / collateralValue;
}

/** debt / lending value; > 1 means the loan exceeds the lending value. Infinity when nothing is lendable. */
export function haircutLoanToValue(debt: number, lendingValueOfCollateral: number): number {
  requireNonNegative('debt', debt);
  requireNonNegative('lending value', lendingValueOfCollateral);
  if (debt === 0) return 0;
  return lendingValueOfCollateral === 0 ? Infinity : debt / lendingValueOfCollateral;
}

/** The most the broker lends against these holdings: their lending value (guardrails §1A). */
export function maxLoan(holdings: readonly CollateralHolding[], rules: CollateralRules): number {
  return lendingValue(holdings, rules);
}

export interface PriceAtLtvInput {
  /** principal + accrued interest */
  debt: number;
  /** units of the single collateral asset, > 0 */
  qty: number;
  /** LTV threshold t in (0, 1] */
  threshold: number;
}

/** B-LTV: collateral value at threshold t is Debt / t, so P* = Debt / (t × collateralQty). */
export function priceAtLtv({ debt, qty, threshold }: PriceAtLtvInput): number {
  requireNonNegative('debt', debt);
  requirePositive('collateral qty', qty);
  requireThreshold('LTV threshold', threshold);
  return debt / (threshold * qty);
}

/** Price of the single collateral asset at which LTV reaches the margin-call threshold. */
export function marginCallPrice(input: { debt: number; qty: number; callLtv: number }): number {
  requireThreshold('call LTV', input.callLtv);
  return priceAtLtv({ debt: input.debt, qty: input.qty, threshold: input.callLtv });
}

/** Price of the single collateral asset at which LTV reaches the liquidation (forced-sale) threshold. */
export function forcedSalePrice(input: { debt: number; qty: number; liquidationLtv: number }): number {
  requireThreshold('liquidation LTV', input.liquidationLtv);
  return priceAtLtv({ debt: input.debt, qty: input.qty, threshold: input.liquidationLtv });
}

/** Price at which the loan equals the lending value (haircut-LTV = 1): P = Debt / ((1 − h) × qty). */
export function lendingValueCallPrice(input: { debt: number; qty: number; haircut: number }): number {
  requireFraction('haircut', input.haircut);
  if (input.haircut === 1) {
    // Nothing is lendable: any debt exceeds the lending value at every price.
    requirePositive('collateral qty', input.qty);
    return requireNonNegative('debt', input.debt) === 0 ? 0 : Infinity;
  }
  return priceAtLtv({ debt: input.debt, qty: input.qty, threshold: 1 - input.haircut });
}

/*
 * Securities margin (SEC): equity = MV − loan, call when equity / MV < m. That is an LTV trigger in disguise:
 * equity / MV < m ⇔ loan / MV > 1 − m, so the call price is priceAtLtv at t = 1 − m.
 */

export interface SecuritiesAccount {
  marketValue: number;
  loan: number;
  /** maintenance requirement m in [0, 1) (FINRA minimum 25%, brokers often 30–40%; SEC) */
  maintenance: number;
}

/** SEC: equity / market value (vector 68: 4,000 / 14,000 = 28.6%). */
export function equityRatio(marketValue: number, loan: number): number {
  requirePositive('market value', marketValue);
  requireNonNegative('loan', loan);
  return (marketValue - loan) / marketValue;
}

/** SEC: P* = Loan / (Q × (1 − m)). */
export function securitiesCallPrice(input: { loan: number; qty: number; maintenance: number }): number {
  requireFraction('maintenance', input.maintenance, true);
  return priceAtLtv({ debt: input.loan, qty: input.qty, threshold: 1 - input.maintenance });
}

/** SEC: call amount = m × MV − equity (cash to deposit); 0 when the account meets the requirement. */
export function callAmount({ marketValue, loan, maintenance }: SecuritiesAccount): number {
  requireNonNegative('market value', marketValue);
  requireNonNegative('loan', loan);
  requireFraction('maintenance', maintenance, true);
  return Math.max(0, maintenance * marketValue - (marketValue - loan));
}

/**
 * SEC: sell-to-cover = call / m, the market value to sell (proceeds repaying the loan) so that equity / MV = m
 * again: the sale leaves equity unchanged and lowers MV and loan alike. Capped at the whole market value,
 * which an underwater account (equity < 0) needs and still cannot cure.
 */
export function sellToCover(account: SecuritiesAccount): number {
  const call = callAmount(account);
  if (call === 0) return 0;
  return account.maintenance === 0
    ? account.marketValue
    : Math.min(account.marketValue, call / account.maintenance);
}
