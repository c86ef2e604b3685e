/**
 * Margin financing requests (model.md "Products: margin financing"; guardrails §1A, §1B): buying on credit,
 * borrowing cash, repaying and topping up. Every advance passes the door (advance-door.ts) or is refused with
 * an event; repayments go to interest first, then principal (B-MGN).
 */
import { requirePositive } from '../margin/validate.ts';
import type { BrokerEvent, LoanEvent } from './broker-events.ts';
import {
  holdingsWith,
  unitsOf,
  touchClient,
  type BrokerAsset,
  type BrokerState,
  type Client,
  type Holdings,
} from './broker-state.ts';
import { checkAdvance } from './advance-door.ts';
import { ltvOrNull, valueHoldingsNow } from './client-margin.ts';
import { clientDebt, clientOf } from './clients.ts';
import { chargeFirstHour } from './interest-accrual.ts';
import { lendCash, repayFromCash, repayWithEvent } from './loan-ledger.ts';
import { refuse } from './refusal.ts';
import { routineSinkFor } from './routine-sink.ts';
import { buyCost, fillClientOrder } from './spot.ts';
import type { SpotSeam } from './spot-seam.ts';

function advance(
  state: BrokerState,
  client: Client,
  loan: number,
  purpose: 'buy-on-credit' | 'cash',
  holdingsAfter: Holdings,
  events: BrokerEvent[],
) {
  lendCash(state, client, loan);
  chargeFirstHour(state, client, loan, events);
  // Read at once, before any other valuation (valueHoldingsNow's object is kept for the run).
  const after = valueHoldingsNow(state, holdingsAfter);
  const debtAfter = clientDebt(client);
  const lendingValueAfter = after.lendingValue;
  const ltvAfter = ltvOrNull(debtAfter, after.collateralValue);
  const brokerLoansAfter = state.broker.loansOutstanding;
  const sink = routineSinkFor(state.routine, events);
  if (
    sink === null ||
    !sink.loan(state.step, client.id, loan, purpose, debtAfter, lendingValueAfter, ltvAfter, brokerLoansAfter)
  )
    events.push({
      type: 'loan',
      step: state.step,
      client: client.id,
      amount: loan,
      purpose,
      debtAfter,
      lendingValueAfter,
      ltvAfter,
      brokerLoansAfter,
      // The run's tags (run/record.ts), given their places here so that tagging adds no property to the event.
      venue: undefined,
      trader: undefined,
    } as LoanEvent);
}

/**
 * Buys `qty` units paying with the client's cash first and borrowing the rest. With enough cash it is a plain
 * spot purchase and no lending rule applies. Returns whether the purchase was made.
 */
export function buyOnCredit(
  state: BrokerState,
  seam: SpotSeam,
  clientId: number,
  asset: BrokerAsset,
  qty: number,
  events: BrokerEvent[],
): boolean {
  requirePositive('buy quantity', qty);
  const client = clientOf(state, clientId);
  const price = seam.fillPrice(state, asset, 'buy', qty, 'order');
  const loan = Math.max(0, buyCost(state, qty, price) - Math.max(0, client.cash));
  const holdingsAfter = holdingsWith(client.holdings, asset, unitsOf(client.holdings, asset) + qty);
  if (loan > 0) {
    const refusal = checkAdvance(state, client, loan, holdingsAfter);
    if (refusal)
      return refuse(
        state,
        events,
        { client: clientId, request: 'buy-on-credit', asset, amount: qty },
        refusal,
      );
  }
  fillClientOrder(state, client, asset, 'buy', qty, price, events);
  // Lend exactly what the fill left unpaid, so the client's cash ends at 0 and not at float dust below it.
  if (loan > 0) advance(state, client, -client.cash, 'buy-on-credit', holdingsAfter, events);
  return true;
}

/** Lends `amount` of cash against the client's collateral (the cash itself is not collateral at the door). */
export function borrowCash(
  state: BrokerState,
  clientId: number,
  amount: number,
  events: BrokerEvent[],
): boolean {
  requirePositive('loan amount', amount);
  const client = clientOf(state, clientId);
  const refusal = checkAdvance(state, client, amount, client.holdings);
  if (refusal)
    return refuse(state, events, { client: clientId, request: 'borrow', asset: null, amount }, refusal);
  advance(state, client, amount, 'cash', client.holdings, events);
  return true;
}

/** Repays up to `amount` from the client's cash, interest first; refused when the cash is not there. */
export function repay(state: BrokerState, clientId: number, amount: number, events: BrokerEvent[]): boolean {
  requirePositive('repayment amount', amount);
  const client = clientOf(state, clientId);
  if (amount > client.cash)
    return refuse(
      state,
      events,
      { client: clientId, request: 'repay', asset: null, amount },
      { reason: 'insufficient-cash', limit: client.cash, requested: amount },
    );
  repayWithEvent(state, client, amount, 'repay', events);
  return true;
}

/** New cash from the client (a deposit), applied to the loan; any excess stays as cash. */
export function topUp(state: BrokerState, clientId: number, cash: number, events: BrokerEvent[]): void {
  requirePositive('top-up amount', cash);
  const client = clientOf(state, clientId);
  client.cash += cash;
  client.deposited += cash;
  touchClient(state, clientId);
  state.totalCash += cash;
  const r = repayFromCash(state, client, cash);
  events.push({
    type: 'top-up',
    step: state.step,
    client: clientId,
    amount: cash,
    interestPaid: r.interestPaid,
    principalPaid: r.principalPaid,
    debtAfter: clientDebt(client),
  });
}
