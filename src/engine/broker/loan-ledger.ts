/**
 * The money movements of a margin loan, kept in one place so that Σ client principal = broker loans
 * outstanding and Σ client interest = interest receivable hold by construction (broker-invariants.ts):
 * lending moves cash from the broker to the client; interest is a claim, not cash, until paid; repayment moves
 * cash back, interest first, then principal (B-MGN, via the margin calculator's applyRepayment).
 */
import { applyRepayment, type RepaymentResult } from '../margin/interest.ts';
import { requireNonNegative } from '../margin/validate.ts';
import type { BrokerEvent, RepaymentEvent } from './broker-events.ts';
import { touchClient, trackDebtor, type BrokerState, type Client } from './broker-state.ts';
import { clientDebt } from './clients.ts';
import { recordPass, settleInterest } from './interest-book.ts';
import { routineSinkFor } from './routine-sink.ts';

export function lendCash(state: BrokerState, client: Client, amount: number): void {
  requireNonNegative('loan amount', amount);
  settleInterest(client); // the passes before this loan, on the principal before it
  state.broker.cash -= amount;
  state.broker.loansOutstanding += amount;
  client.cash += amount;
  client.principal += amount;
  trackDebtor(state, client);
  touchClient(state, client.id);
}

/** Adds accrued interest to the client's debt and to the broker's receivable. */
export function chargeInterest(state: BrokerState, client: Client, amount: number): void {
  requireNonNegative('interest', amount);
  settleInterest(client);
  client.interest += amount;
  touchClient(state, client.id);
  state.broker.interestReceivable += amount;
}

/**
 * The top-of-the-hour accrual on every debtor (B-MGN: principal × hourly rate, per top of the hour crossed):
 * like `chargeInterest` but without marking the client touched, since every debtor accrues every hour (see
 * `Client.hourlyInterest`). One tight pass over the interest book's arrays, no client read: the class sums and
 * the receivable are carried in slots of a kept array and take the same additions in the same order as one
 * call per client would, so every figure is the same bit for bit; each client's own interest takes the pass's
 * amount when it is next settled (interest-book.ts). Returns the number of clients charged; `accrued.amount`
 * receives Σ amounts in debtor order.
 */
export function accrueHourlyInterestOnDebtors(
  state: BrokerState,
  hourlyRate: number,
  hours: number,
  accrued: { amount: number },
): number {
  requireNonNegative('hourly rate', hourlyRate);
  const byClass = state.hourlyInterestByClass;
  const sums = hourSums;
  sums[RETAIL] = byClass.retail;
  sums[PROFESSIONAL] = byClass.professional;
  sums[RECEIVABLE] = state.broker.interestReceivable;
  sums[TOTAL] = 0;
  sums[CHARGED] = 0;
  const debtors = state.debtors;
  const book = state.interestBook;
  const owing = chargeDebtors(book.principal, book.professional, debtors, hourlyRate, hours, sums);
  if (owing !== debtors.length) debtors.length = owing; // those that repaid since the last pass leave
  recordPass(book, hourlyRate, hours);
  byClass.retail = sums[RETAIL]!;
  byClass.professional = sums[PROFESSIONAL]!;
  state.broker.interestReceivable = sums[RECEIVABLE]!;
  accrued.amount = sums[TOTAL]!;
  return sums[CHARGED]!;
}

/** The hour's running sums, by slot (a Float64Array adds and stores doubles exactly as locals would). */
const hourSums = new Float64Array(5);
const RETAIL = 0;
const PROFESSIONAL = 1;
const RECEIVABLE = 2;
const TOTAL = 3;
const CHARGED = 4;

/**
 * The pass itself, apart, with nothing after its loop but its return (the number of debtors kept, packed at
 * the front of the list): a long first pass is compiled on the stack (OSR) before code after the loop has run,
 * and that code then left the compiled pass every hour (700 deoptimisations a 100,000 × 30 d run,
 * `node --trace-deopt`).
 */
function chargeDebtors(
  principals: readonly number[],
  professional: readonly number[],
  debtors: number[],
  hourlyRate: number,
  hours: number,
  sums: Float64Array,
): number {
  let owing = 0;
  for (let k = 0; k < debtors.length; k++) {
    const id = debtors[k]!;
    const principal = principals[id]!;
    if (!(principal > 0)) continue; // repaid since the last pass (trackDebtor): dropped from the list
    debtors[owing++] = id;
    // hourlyInterest(principal, rate) × hours, as margin/interest.ts computes it (and settleInterest again).
    const amount = principal * hourlyRate * hours;
    if (!(amount > 0)) continue;
    if (professional[id] === 1) sums[PROFESSIONAL] = sums[PROFESSIONAL]! + amount;
    else sums[RETAIL] = sums[RETAIL]! + amount;
    sums[RECEIVABLE] = sums[RECEIVABLE]! + amount;
    sums[CHARGED] = sums[CHARGED]! + 1;
    sums[TOTAL] = sums[TOTAL]! + amount;
  }
  return owing;
}

/**
 * Pays up to `amount` of the client's debt from its cash, interest first. Never pays more than the debt or the
 * cash; returns what was paid (excess = what was offered but not needed).
 */
export function repayFromCash(state: BrokerState, client: Client, amount: number): RepaymentResult {
  const offered = Math.min(requireNonNegative('repayment amount', amount), Math.max(0, client.cash));
  settleInterest(client);
  const result = applyRepayment({ principal: client.principal, interest: client.interest }, offered);
  const paid = result.interestPaid + result.principalPaid;
  client.cash -= paid;
  client.principal = result.principal;
  trackDebtor(state, client);
  client.interest = result.interest;
  state.broker.cash += paid;
  state.broker.loansOutstanding -= result.principalPaid;
  state.broker.interestReceivable -= result.interestPaid;
  touchClient(state, client.id);
  return result;
}

/** Repays up to `amount` from the client's cash and reports it when anything was paid. */
export function repayWithEvent(
  state: BrokerState,
  client: Client,
  amount: number,
  source: RepaymentEvent['source'],
  events: BrokerEvent[],
): RepaymentResult {
  const r = repayFromCash(state, client, amount);
  if (!(r.interestPaid + r.principalPaid > 0)) return r; // nothing paid, nothing reported
  const debtAfter = clientDebt(client);
  const sink = routineSinkFor(state.routine, events);
  if (
    sink === null ||
    !sink.repayment(state.step, client.id, source, r.interestPaid, r.principalPaid, debtAfter)
  )
    events.push({
      type: 'repayment',
      step: state.step,
      client: client.id,
      source,
      interestPaid: r.interestPaid,
      principalPaid: r.principalPaid,
      debtAfter,
      // The run's tags (run/record.ts), given their places here so that tagging adds no property to the event.
      venue: undefined,
      trader: undefined,
    } as RepaymentEvent);
  return r;
}

/** Applies all the client's idle cash to its debt (before a forced sale: the broker uses the credit first). */
export function setOffCash(state: BrokerState, client: Client, events: BrokerEvent[]): void {
  if (client.cash > 0 && clientDebt(client) > 0)
    repayWithEvent(state, client, client.cash, 'set-off', events);
}
