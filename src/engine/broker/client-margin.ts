/**
 * Where a client stands against its loan, at the broker's current prices (guardrails §1A "What the simulator
 * should do"). Reuses the margin calculators; adds only what a stateful account needs:
 *
 * - Idle cash in the margin account is set off against the debt (a credit balance reduces the debit balance),
 *   so margin is checked on net debt = max(0, principal + interest − cash). The door (advance-door.ts) does
 *   not count cash: the broker lends against collateral, not against the cash it has just lent.
 * - The call LTV applies to the VA part, not to the whole portfolio (guardrails §1A [DEFAULT] "margin call at
 *   LTV > 40% on the VA part"; issue 15): securities cover the loan first, up to their lending value, and
 *   the rest of the net debt is the VA part's loan, called when it exceeds callLtv × the VA collateral's
 *   market value. The call is therefore crossed when net debt > call cover = securities' lending value +
 *   callLtv × VA market value. Under HK defaults (VA haircut 60%, call 40%) the call cover is the lending
 *   value: a call exactly when the debit balance exceeds the marginable value (W21). A client with no VA
 *   collateral is all securities, and the call LTV applies to them, so a securities-only loan is still
 *   called before the forced sale at 60%. On a crypto venue (securities not eligible) the VA part is the
 *   whole account: offshore, the call is at LTV 1/1.3, Binance's margin-call level (B-MGN: "1.1 < margin
 *   level ≤ 1.3: margin call"). Debt above lending value alone is not a call: on Binance a margin level
 *   ≤ 1.5 (debt above ⅔ of collateral, the 3× lending value) only stops new borrowing (B-MGN), which the
 *   door enforces; the trigger is still listed when crossed, beside a call.
 * - The forced-sale threshold (LTV ≥ liquidation LTV) stays on the whole eligible collateral, checked exactly.
 * - The call trigger allows a relative 1e-9, so that float rounding at a limit the client was admitted at (the
 *   door admits up to LTV = the call LTV) is not read as a breach.
 */
import type { CollateralHolding } from '../margin/collateral.ts';
import { loanToValue } from '../margin/loan-to-value.ts';
import {
  checkMargin,
  type MarginCheck,
  type MarginStatus,
  type MarginTrigger,
} from '../margin/margin-call.ts';
import { BROKER_ASSETS, type BrokerState, type Client, type Holdings } from './broker-state.ts';
import { clientDebt } from './clients.ts';
import { DOUBLE } from '../fast/double-fields.ts';

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
  /**
   * The net debt the call allows: securities' lending value + callLtv × the VA collateral's market value, or
   * callLtv × the securities' value when no VA collateral is held (see the header). A positive combination of
   * prices, like the two values above (margin-watch.ts relies on it).
   */
  callCover: number;
}

/**
 * Market value, lending value and crypto share of lending value of the holdings at the broker's prices: the
 * same sums as collateral.ts, in the same order, in one pass without allocation (it runs on every margin
 * review; the rules were validated when the broker was created and holdings never go below zero).
 */
export function valueHoldings(state: BrokerState, holdings: Holdings): Valuation {
  return valueHoldingsInto(state, holdings, emptyValuation());
}

/** Doubles from the start (fast/double-fields.ts); valueHoldingsInto writes every field. */
const emptyValuation = (): Valuation => ({
  collateralValue: DOUBLE,
  marketValue: DOUBLE,
  lendingValue: DOUBLE,
  cryptoShare: DOUBLE,
  callCover: DOUBLE,
});

const scratch: Valuation = emptyValuation();

/**
 * valueHoldings into one object kept here, valid until the next call: for the margin reviews, the door's
 * checks and the margin index, which read it at once (a new valuation per call was 6% of a 10,000-trader
 * run's allocation).
 */
export function valueHoldingsNow(state: BrokerState, holdings: Holdings): Readonly<Valuation> {
  return valueHoldingsInto(state, holdings, scratch);
}

function valueHoldingsInto(state: BrokerState, holdings: Holdings, out: Valuation): Valuation {
  const rules = state.rules.collateral;
  const prices = state.prices;
  let collateral = 0;
  let market = 0;
  let lending = 0;
  let crypto = 0;
  let vaValue = 0;
  // The assets by name in BROKER_ASSETS order, the same additions in the same order as a loop over the list,
  // without its keyed loads (issue 16: this runs for every margin review, door check and index entry).
  let qty = holdings.BTC;
  if (qty > 0) {
    const value = qty * prices.BTC;
    market += value;
    if (rules.BTC.eligible) {
      collateral += value;
      const lends = value * (1 - rules.BTC.haircut);
      lending += lends;
      crypto += lends;
      vaValue += value;
    }
  }
  qty = holdings.ETH;
  if (qty > 0) {
    const value = qty * prices.ETH;
    market += value;
    if (rules.ETH.eligible) {
      collateral += value;
      const lends = value * (1 - rules.ETH.haircut);
      lending += lends;
      crypto += lends;
      vaValue += value;
    }
  }
  qty = holdings['other-crypto'];
  if (qty > 0) {
    const value = qty * prices['other-crypto'];
    market += value;
    if (rules['other-crypto'].eligible) {
      collateral += value;
      const lends = value * (1 - rules['other-crypto'].haircut);
      lending += lends;
      crypto += lends;
      vaValue += value;
    }
  }
  qty = holdings.securities;
  if (qty > 0) {
    const value = qty * prices.securities;
    market += value;
    if (rules.securities.eligible) {
      collateral += value;
      lending += value * (1 - rules.securities.haircut);
    }
  }
  const { callLtv } = state.rules;
  const securitiesLending = lending - crypto;
  out.collateralValue = collateral;
  out.marketValue = market;
  out.lendingValue = lending;
  out.cryptoShare = lending === 0 ? 0 : crypto / lending;
  out.callCover = vaValue > 0 ? securitiesLending + callLtv * vaValue : callLtv * collateral;
  return out;
}

/**
 * The same verdict as `assessClient(state, client).check.status === 'ok'`, computed without allocating: the
 * fast path of a margin review for a client with no open call, which is most reviews.
 */
export function isWithinLimits(state: BrokerState, client: Client): boolean {
  const { collateralValue, callCover } = valueHoldingsNow(state, client.holdings);
  const netDebt = Math.max(0, clientDebt(client) - client.cash);
  if (netDebt === 0) return true;
  if (collateralValue === 0) return false;
  if (netDebt / collateralValue >= state.rules.liquidationLtv) return false;
  return !(netDebt / (1 + LIMIT_TOLERANCE) > callCover);
}

/** debt / collateral value, or null for debt on no collateral (events carry finite numbers only). */
export function ltvOrNull(debt: number, value: number): number | null {
  const ltv = loanToValue(Math.max(0, debt), value);
  return Number.isFinite(ltv) ? ltv : null;
}

/** ltvOrNull with 0 for null, for a column of numbers: a number, never boxed as `number | null` is. */
export function ltvOrZero(debt: number, value: number): number {
  const ltv = loanToValue(Math.max(0, debt), value);
  return Number.isFinite(ltv) ? ltv : 0;
}

/** `assessClient(state, client).ltv` alone, without the rest of the assessment (a traced client's every frame). */
export function clientLtv(state: BrokerState, client: Client): number | null {
  const netDebt = Math.max(0, clientDebt(client) - client.cash);
  return ltvOrNull(netDebt, valueHoldingsNow(state, client.holdings).collateralValue);
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
  // The calculator gives LTV, haircut-LTV and the forced-sale trigger (checked exactly: "LTV ≥ 60%"); the
  // call is decided here, on the VA part (see the header), with the tolerance.
  const whole = checkMargin({
    debt: netDebt,
    collateralValue: valuation.collateralValue,
    lendingValue: valuation.lendingValue,
    callLtv: state.rules.callLtv,
    liquidationLtv: state.rules.liquidationLtv,
  });
  const called = netDebt / (1 + LIMIT_TOLERANCE) > valuation.callCover;
  const forced = whole.triggers.includes('ltv-at-liquidation');
  const triggers: MarginTrigger[] = [];
  if (called) triggers.push('ltv-above-call');
  if ((called || forced) && whole.haircutLtv > 1 + LIMIT_TOLERANCE)
    triggers.push('loan-exceeds-lending-value');
  if (forced) triggers.push('ltv-at-liquidation');
  const status: MarginStatus = forced ? 'forced-sale' : called ? 'margin-call' : 'ok';
  // Fields written out rather than spread from `valuation`: a spread costs more than the rest of the review.
  return {
    collateralValue: valuation.collateralValue,
    marketValue: valuation.marketValue,
    lendingValue: valuation.lendingValue,
    cryptoShare: valuation.cryptoShare,
    callCover: valuation.callCover,
    debt,
    netDebt,
    ltv: ltvOrNull(netDebt, valuation.collateralValue),
    check: { status, triggers, ltv: whole.ltv, haircutLtv: whole.haircutLtv },
  };
}

/** Whether the client holds any eligible collateral (what a forced sale can sell). */
export function hasCollateral(state: BrokerState, client: Client): boolean {
  const rules = state.rules.collateral;
  return BROKER_ASSETS.some((asset) => client.holdings[asset] > 0 && rules[asset].eligible);
}
