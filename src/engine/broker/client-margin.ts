/**
 * Where a client stands against its loan, at the broker's current prices (guardrails §1A "What the simulator
 * should do"). Reuses the margin calculators; adds only what a stateful account needs:
 *
 * - Idle cash in the margin account is set off against the debt (a credit balance reduces the debit balance),
 *   so margin is checked on net debt = max(0, principal + interest − cash). The door (advance-door.ts) does
 *   not count cash: the broker lends against collateral, not against the cash it has just lent.
 * - The call triggers allow a relative 1e-9, so that float rounding at a limit the client was admitted at (the
 *   door admits up to debt = lending value, which under HK defaults is also LTV = the call LTV) is not read as
 *   a breach. The forced-sale threshold is checked exactly.
 */
import type { CollateralHolding } from '../margin/collateral.ts';
import { loanToValue } from '../margin/loan-to-value.ts';
import { checkMargin, type MarginCheck } from '../margin/margin-call.ts';
import { BROKER_ASSETS, type BrokerState, type Client, type Holdings } from './broker-state.ts';
import { clientDebt } from './clients.ts';

export const LIMIT_TOLERANCE = 1e-9;

/**
 * The holdings that are collateral, at the broker's prices: held, and eligible under the rules. An asset the
 * rules count at zero (HK: other crypto, A5; offshore: securities, which a crypto venue does not take) covers
 * no part of the loan, so it is neither in the LTV's denominator nor sold in a forced sale (issue 15).
 */
export function collateralOf(state: BrokerState, holdings: Holdings): CollateralHolding[] {
  const rules = state.rules.collateral;
  return BROKER_ASSETS.filter((asset) => holdings[asset] > 0 && rules[asset].eligible).map((asset) => ({
    asset,
    qty: holdings[asset],
    price: state.prices[asset],
  }));
}

export interface Valuation {
  /** Market value of the eligible holdings: the loan's cover, the denominator of LTV. */
  collateralValue: number;
  /** Market value of all holdings, eligible or not. */
  marketValue: number;
  lendingValue: number;
  cryptoShare: number;
}

/**
 * Market value, lending value and crypto share of lending value of the holdings at the broker's prices: the
 * same sums as collateral.ts, in the same order, in one pass without allocation (it runs on every margin
 * review; the rules were validated when the broker was created and holdings never go below zero).
 */
export function valueHoldings(state: BrokerState, holdings: Holdings): Valuation {
  const rules = state.rules.collateral;
  let collateral = 0;
  let market = 0;
  let lending = 0;
  let crypto = 0;
  for (const asset of BROKER_ASSETS) {
    const qty = holdings[asset];
    if (!(qty > 0)) continue;
    const value = qty * state.prices[asset];
    market += value;
    const rule = rules[asset];
    if (!rule.eligible) continue;
    collateral += value;
    const lends = value * (1 - rule.haircut);
    lending += lends;
    if (asset !== 'securities') crypto += lends;
  }
  return {
    collateralValue: collateral,
    marketValue: market,
    lendingValue: lending,
    cryptoShare: lending === 0 ? 0 : crypto / lending,
  };
}

/**
 * The same verdict as `assessClient(state, client).check.status === 'ok'`, computed without allocating: the
 * fast path of a margin review for a client with no open call, which is most reviews.
 */
export function isWithinLimits(state: BrokerState, client: Client): boolean {
  const { collateralValue, lendingValue } = valueHoldings(state, client.holdings);
  const netDebt = Math.max(0, clientDebt(client) - client.cash);
  if (netDebt === 0) return true;
  const { callLtv, liquidationLtv } = state.rules;
  if (collateralValue === 0) return false;
  if (netDebt / collateralValue >= liquidationLtv) return false;
  const lenient = netDebt / (1 + LIMIT_TOLERANCE);
  if (lenient === 0) return true;
  const ltv = lenient / collateralValue;
  const haircutLtv = lendingValue === 0 ? Infinity : lenient / lendingValue;
  return !(ltv > callLtv) && !(haircutLtv > 1) && !(ltv >= liquidationLtv);
}

/** debt / collateral value, or null for debt on no collateral (events carry finite numbers only). */
export function ltvOrNull(debt: number, value: number): number | null {
  const ltv = loanToValue(Math.max(0, debt), value);
  return Number.isFinite(ltv) ? ltv : null;
}

export interface ClientAssessment extends Valuation {
  debt: number;
  netDebt: number;
  ltv: number | null;
  /** status and triggers, with the tolerance applied */
  check: MarginCheck;
}

export function assessClient(state: BrokerState, client: Client): ClientAssessment {
  const valuation = valueHoldings(state, client.holdings);
  const debt = clientDebt(client);
  const netDebt = Math.max(0, debt - client.cash);
  const check = (debtChecked: number) =>
    checkMargin({
      debt: debtChecked,
      collateralValue: valuation.collateralValue,
      lendingValue: valuation.lendingValue,
      callLtv: state.rules.callLtv,
      liquidationLtv: state.rules.liquidationLtv,
    });
  // The forced-sale threshold is inclusive ("LTV ≥ 60%") and is checked as it stands; only the call
  // triggers, which the door and the forced-sale target sit exactly on, get the tolerance.
  const exact = check(netDebt);
  const lenient = exact.status === 'forced-sale' ? exact : check(netDebt / (1 + LIMIT_TOLERANCE));
  // Fields written out rather than spread from `valuation`: a spread costs more than the rest of the review.
  return {
    collateralValue: valuation.collateralValue,
    marketValue: valuation.marketValue,
    lendingValue: valuation.lendingValue,
    cryptoShare: valuation.cryptoShare,
    debt,
    netDebt,
    ltv: ltvOrNull(netDebt, valuation.collateralValue),
    check: lenient,
  };
}

/** Whether the client holds any eligible collateral (what a forced sale can sell). */
export function hasCollateral(state: BrokerState, client: Client): boolean {
  const rules = state.rules.collateral;
  return BROKER_ASSETS.some((asset) => client.holdings[asset] > 0 && rules[asset].eligible);
}
