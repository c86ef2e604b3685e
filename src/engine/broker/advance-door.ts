/**
 * The checks a new advance (a cash loan or a purchase on credit) must pass at the door, in this order
 * (guardrails §1A, §1B). The first one failed is the refusal reported, with its limit and the amount asked:
 *
 * 1. the client's investor class is one the regime lets brokers lend to, and the client is a margin client
 *    (A1–A3: existing securities-margin clients; spot-only clients never borrow);
 * 2. the broker has not failed;
 * 3. the client is not under a margin call (SMF Guidelines "stopping further advances", W15, W20), where the
 *    preset says so (extras.financingStopsAdvancesOnCall);
 * 4. debt after the advance ≤ lending value of the collateral after it (model.md: "a loan may not exceed
 *    lending value at opening"); a purchased asset counts only if eligible (SFC 26EC5, A5: "other crypto
 *    bought on credit counts 0");
 * 5. LTV after the advance ≤ the call LTV, on the whole collateral (the maximum opening LTV: guardrails §1A
 *    derives the 33.3% fall to the forced sale from it) and on the VA part where the call is made
 *    (client-margin.ts), so that nobody is admitted straight into a margin call;
 * 6. the crypto share of lending value ≤ maxCryptoShareOfLendingValue. An assumption, not an SFC number:
 *    guardrails §1A [DEFAULT] reads "sufficient securities collateral" (A4) as securities supplying ≥ 50%;
 * 7. the broker's loans after it ≤ maxLoansToCapital × capital (SMF Guidelines 5×, guardrails B3).
 * Debt after includes the first hour's interest on the new loan (B-MGN charges it at once). Client cash is
 * not counted as collateral here: the broker lends against collateral, not against the cash it lends.
 */
import type { BrokerState, Client, Holdings } from './broker-state.ts';
import { LIMIT_TOLERANCE, valueHoldingsNow } from './client-margin.ts';
import { clientDebt } from './clients.ts';
import type { Refusal } from './refusal.ts';

const within = (value: number, limit: number) => value <= limit * (1 + LIMIT_TOLERANCE);

/** null when the advance may be made; otherwise why not, with the numbers. */
export function checkAdvance(
  state: BrokerState,
  client: Client,
  loan: number,
  holdingsAfter: Holdings,
): Refusal | null {
  return door(state, client, loan, holdingsAfter, false);
}

/**
 * Whether the door admits the advance: checkAdvance without building the refusal (the credit-capacity search
 * asks dozens of times a purchase, about half of them refused).
 */
export function admitsAdvance(
  state: BrokerState,
  client: Client,
  loan: number,
  holdingsAfter: Holdings,
): boolean {
  return door(state, client, loan, holdingsAfter, true) === null;
}

/** Stands for any refusal where only whether the door refuses is asked. */
const REFUSED: Refusal = Object.freeze({ reason: 'ltv-above-call', limit: null, requested: null });

function door(
  state: BrokerState,
  client: Client,
  loan: number,
  holdingsAfter: Holdings,
  quiet: boolean,
): Refusal | null {
  const { rules, broker } = state;
  if (!rules.eligibleClasses.includes(client.investorClass))
    return quiet ? REFUSED : { reason: 'investor-class-not-eligible', limit: null, requested: null };
  if (!client.financing)
    return quiet ? REFUSED : { reason: 'spot-only-client', limit: null, requested: null };
  if (state.failed) return quiet ? REFUSED : { reason: 'broker-failed', limit: null, requested: null };
  if (client.marginCall && state.stopsAdvancesOnCall)
    return quiet ? REFUSED : { reason: 'under-margin-call', limit: null, requested: loan };
  const after = valueHoldingsNow(state, holdingsAfter);
  const debtAfter = clientDebt(client) + loan * (1 + rules.hourlyInterestRate);
  if (!within(debtAfter, after.lendingValue))
    return quiet
      ? REFUSED
      : { reason: 'loan-exceeds-lending-value', limit: after.lendingValue, requested: debtAfter };
  const ltvAfter = debtAfter / after.collateralValue;
  if (!within(ltvAfter, rules.callLtv) || !within(debtAfter, after.callCover))
    return quiet ? REFUSED : { reason: 'ltv-above-call', limit: rules.callLtv, requested: ltvAfter };
  const cap = rules.maxCryptoShareOfLendingValue;
  if (cap !== null && !within(after.cryptoShare, cap))
    return quiet ? REFUSED : { reason: 'crypto-share-above-cap', limit: cap, requested: after.cryptoShare };
  if (rules.maxLoansToCapital !== null) {
    const limit = rules.maxLoansToCapital * broker.capital;
    const loansAfter = broker.loansOutstanding + loan;
    if (!within(loansAfter, limit))
      return quiet ? REFUSED : { reason: 'broker-loan-limit', limit, requested: loansAfter };
  }
  return null;
}
