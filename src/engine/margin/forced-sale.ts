/**
 * Forced sale of collateral back to a target LTV (guardrails §1A [DEFAULT]: a forced sale brings LTV back
 * to ≤ 40%; SEC "sell-to-cover"). Sale proceeds repay the debt, so selling value x moves LTV from D / V to
 * (D − x) / (V − x). Setting that to the target t gives
 *   x = (D − t·V) / (1 − t),   and for one asset at price p:  q = (D − t·V) / (p·(1 − t)).
 * Capped at selling everything; that happens exactly when D ≥ V, and any debt left is the broker's
 * shortfall (no negative-balance protection on a margin loan: the client still owes it, guardrails §2).
 */
import {
  COLLATERAL_ASSETS,
  type CollateralAsset,
  type CollateralHolding,
  validateHolding,
} from './collateral.ts';
import { check, listOf, oneOf } from '../validation/index.ts';
import { requireFraction, requireNonNegative } from './validate.ts';

export interface ForcedSaleResult {
  qtySold: number;
  proceeds: number;
  debtAfter: number;
  /** debt left after selling everything: > 0 only when the collateral did not cover the debt */
  shortfall: number;
}

/** Market value to sell so that (D − x) / (V − x) = t; 0 when LTV is already at or below t; at most V. */
export function saleValueToTarget(debt: number, collateralValue: number, targetLtv: number): number {
  requireNonNegative('debt', debt);
  requireNonNegative('collateral value', collateralValue);
  requireFraction('target LTV', targetLtv, true);
  if (debt >= collateralValue) return collateralValue;
  return Math.max(0, (debt - targetLtv * collateralValue) / (1 - targetLtv));
}

/** Single collateral asset: q = (D − t·V) / (p·(1 − t)), capped at the whole holding. */
export function forcedSale(input: {
  qty: number;
  price: number;
  debt: number;
  targetLtv: number;
}): ForcedSaleResult {
  const { qty, price, debt, targetLtv } = input;
  requireNonNegative('qty', qty);
  requireNonNegative('price', price);
  const value = qty * price;
  const saleValue = saleValueToTarget(debt, value, targetLtv);
  const sellsAll = debt > 0 && debt >= value;
  const qtySold = sellsAll ? qty : saleValue === 0 ? 0 : Math.min(qty, saleValue / price);
  const proceeds = sellsAll ? value : saleValue;
  const debtAfter = debt - proceeds;
  return { qtySold, proceeds, debtAfter, shortfall: sellsAll ? debtAfter : 0 };
}

/**
 * Order in which several holdings are sold: crypto before securities, and within crypto the asset that backs
 * no loan first. Reasons: crypto trades 24/7, so it can be sold at any simulated minute; VA collateral carries
 * the larger haircut (≥ 60%, guardrails A6), so each dollar sold gives up the least lending value; and selling
 * it first moves the client towards the securities-majority concentration default (guardrails §1A).
 * The sale value x does not depend on the order (LTV uses market value); only which holdings go does.
 */
export const DEFAULT_SALE_ORDER: readonly CollateralAsset[] = ['other-crypto', 'BTC', 'ETH', 'securities'];

/** Every asset kind, once each. */
const SALE_ORDER = listOf(oneOf(COLLATERAL_ASSETS), {
  minLength: COLLATERAL_ASSETS.length,
  maxLength: COLLATERAL_ASSETS.length,
  distinct: true,
});

export interface HoldingSale {
  /** index of the holding in the input array */
  index: number;
  asset: CollateralAsset;
  qtySold: number;
  proceeds: number;
}

export interface PortfolioForcedSaleResult {
  /** holdings sold from, in the order they were sold */
  sales: HoldingSale[];
  holdingsAfter: CollateralHolding[];
  proceeds: number;
  debtAfter: number;
  shortfall: number;
}

/** Several holdings, sold in `order` (holdings of one asset kind in input order) until LTV is back at target. */
export function forcedSaleOfHoldings(input: {
  holdings: readonly CollateralHolding[];
  debt: number;
  targetLtv: number;
  order?: readonly CollateralAsset[];
}): PortfolioForcedSaleResult {
  const { holdings, debt, targetLtv, order = DEFAULT_SALE_ORDER } = input;
  holdings.forEach(validateHolding);
  check('sale order', order, SALE_ORDER);
  const value = holdings.reduce((sum, h) => sum + h.qty * h.price, 0);
  const sellsAll = debt > 0 && debt >= value;
  let remaining = saleValueToTarget(debt, value, targetLtv);
  const queue = holdings
    .map((holding, index) => ({ holding, index }))
    .sort((a, b) => order.indexOf(a.holding.asset) - order.indexOf(b.holding.asset) || a.index - b.index);
  const holdingsAfter = holdings.map((h) => ({ ...h }));
  const sales: HoldingSale[] = [];
  let proceeds = 0;
  for (const { holding, index } of queue) {
    const holdingValue = holding.qty * holding.price;
    if (holdingValue === 0 || (!sellsAll && remaining <= 0)) continue;
    const all = sellsAll || remaining >= holdingValue;
    const sold = all ? holdingValue : remaining;
    const qtySold = all ? holding.qty : Math.min(holding.qty, sold / holding.price);
    sales.push({ index, asset: holding.asset, qtySold, proceeds: sold });
    (holdingsAfter[index] as CollateralHolding).qty = all ? 0 : holding.qty - qtySold;
    proceeds += sold;
    remaining -= sold;
  }
  const debtAfter = debt - proceeds;
  return { sales, holdingsAfter, proceeds, debtAfter, shortfall: sellsAll ? debtAfter : 0 };
}
