/**
 * Collateral held against a margin loan, and what a broker will lend against it (guardrails §1A, §1B).
 *
 * Two values of the same holdings:
 *   collateral value = Σ qty·price                      (market value; the base of LTV, B-LTV)
 *   lending value    = Σ qty·price·(1 − haircut)        (eligible assets only; the most the broker lends)
 * An asset the rules mark ineligible still has a market value but lends nothing: HK circular 26EC5 accepts
 * BTC and ETH only (guardrails A5), so other crypto bought on credit counts 0 as collateral.
 */

import { check, described, isPlainRecord, oneOf } from '../validation/index.ts';
import { requireFraction, requireNonNegative } from './validate.ts';

export type CollateralAsset = 'BTC' | 'ETH' | 'other-crypto' | 'securities';

export const COLLATERAL_ASSETS: readonly CollateralAsset[] = ['BTC', 'ETH', 'other-crypto', 'securities'];

/** Virtual assets, as opposed to securities (the concentration cap limits their share of lending value). */
export const CRYPTO_ASSETS: readonly CollateralAsset[] = ['BTC', 'ETH', 'other-crypto'];

/** One pledged holding; `price` is the market price per unit in the loan's currency. */
export interface CollateralHolding {
  asset: CollateralAsset;
  qty: number;
  price: number;
}

/** How the broker counts one asset kind: whether it accepts it, and the fraction of market value it ignores. */
export interface CollateralRule {
  eligible: boolean;
  /** 0 = lend the full market value, 1 = lend nothing (SFC 26EC5, guardrails A6: at least 0.6 on BTC/ETH). */
  haircut: number;
}

export type CollateralRules = Readonly<Record<CollateralAsset, CollateralRule>>;

export function isCryptoAsset(asset: CollateralAsset): boolean {
  return CRYPTO_ASSETS.includes(asset);
}

const ASSET = oneOf(COLLATERAL_ASSETS);
const RULE = described('an object with eligible and haircut', isPlainRecord);

export function validateHolding(holding: CollateralHolding, index = 0): void {
  const { asset, qty, price } = holding;
  check(`holding ${index + 1} asset`, asset, ASSET);
  requireNonNegative(`holding ${index + 1} qty`, qty);
  requireNonNegative(`holding ${index + 1} price`, price);
}

export function validateRules(rules: CollateralRules): void {
  for (const asset of COLLATERAL_ASSETS) {
    check(`${asset} collateral`, rules[asset], RULE);
    requireFraction(`${asset} haircut`, rules[asset].haircut);
  }
}

/** Market value of one holding. */
export function holdingValue(holding: CollateralHolding): number {
  return holding.qty * holding.price;
}

/** Lending value of one holding: value × (1 − haircut) if eligible, else 0. */
export function holdingLendingValue(holding: CollateralHolding, rules: CollateralRules): number {
  const rule = rules[holding.asset];
  return rule.eligible ? holdingValue(holding) * (1 - rule.haircut) : 0;
}

/** Σ qty·price over every pledged holding, eligible or not (B-LTV "collateral value"). */
export function collateralValue(holdings: readonly CollateralHolding[]): number {
  holdings.forEach(validateHolding);
  return holdings.reduce((sum, h) => sum + holdingValue(h), 0);
}

/** Σ value × (1 − haircut) over eligible holdings (guardrails §1A "Lending value LV"). */
export function lendingValue(holdings: readonly CollateralHolding[], rules: CollateralRules): number {
  holdings.forEach(validateHolding);
  validateRules(rules);
  return holdings.reduce((sum, h) => sum + holdingLendingValue(h, rules), 0);
}

/**
 * Share of the lending value that comes from crypto collateral, for the concentration cap
 * (guardrails §1A [DEFAULT]: securities supply ≥ 50% of a client's LV, i.e. this share ≤ 0.5).
 * 0 when the lending value is 0: no crypto lending value to concentrate, and no loan to back.
 */
export function cryptoShareOfLendingValue(
  holdings: readonly CollateralHolding[],
  rules: CollateralRules,
): number {
  const total = lendingValue(holdings, rules);
  if (total === 0) return 0;
  const crypto = holdings
    .filter((h) => isCryptoAsset(h.asset))
    .reduce((sum, h) => sum + holdingLendingValue(h, rules), 0);
  return crypto / total;
}
