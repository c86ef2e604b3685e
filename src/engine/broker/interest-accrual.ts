/**
 * Interest on margin loans, owed to the broker (mechanics §2 B-MGN; §4 item 12: on outstanding principal only,
 * repaid first). B-MGN charges each clock hour a loan touches, the first partial hour in full: a new loan is
 * charged one hour when it is made, and every principal outstanding is charged again at each top of the hour
 * (hourBoundariesCrossed). Borrowed 13:20 and repaid 14:15 is two hours (vector 62).
 */
import { hourBoundariesCrossed, hourlyInterest } from '../margin/interest.ts';
import type { BrokerEvent, InterestEvent } from './broker-events.ts';
import type { BrokerState, Client } from './broker-state.ts';
import { accrueHourlyInterestOnDebtors, chargeInterest } from './loan-ledger.ts';
import { routineSinkFor } from './routine-sink.ts';
import { DOUBLE } from '../fast/double-fields.ts';

function charge(state: BrokerState, client: Client, principal: number, hours: number, events: BrokerEvent[]) {
  const rate = state.rules.hourlyInterestRate;
  const amount = hourlyInterest(principal, rate) * hours;
  if (amount === 0) return;
  chargeInterest(state, client, amount);
  const sink = routineSinkFor(state.routine, events);
  if (sink === null || !sink.interest(state.step, client.id, principal, hours, rate, amount, client.interest))
    events.push({
      type: 'interest',
      step: state.step,
      client: client.id,
      principal,
      hours,
      hourlyRate: rate,
      amount,
      interestAfter: client.interest,
      // The run's tags (run/record.ts), given their places here so that tagging adds no property to the event.
      venue: undefined,
      trader: undefined,
    } as InterestEvent);
}

/** B-MGN: "the first partial hour counts as a full hour", charged on the amount just lent. */
export function chargeFirstHour(
  state: BrokerState,
  client: Client,
  newPrincipal: number,
  events: BrokerEvent[],
): void {
  charge(state, client, newPrincipal, 1, events);
}

/** Receives the hour's total (one object for the run, not one per hour). */
const accrued = { amount: DOUBLE }; // a double from the start (fast/double-fields.ts)
accrued.amount = 0;

/**
 * One accrual per top of the hour in (fromMinute, toMinute], on each client's principal at that moment.
 * Reported as one event for all clients (a per-client event every hour would swamp the stream at scale).
 */
export function accrueInterest(
  state: BrokerState,
  fromMinute: number,
  toMinute: number,
  events: BrokerEvent[],
): void {
  const hours = hourBoundariesCrossed(fromMinute, toMinute);
  if (hours === 0) return;
  const rate = state.rules.hourlyInterestRate;
  const clients = accrueHourlyInterestOnDebtors(state, rate, hours, accrued);
  const total = accrued.amount;
  if (clients > 0)
    events.push({
      type: 'interest-accrued',
      step: state.step,
      clients,
      hours,
      hourlyRate: rate,
      amount: total,
    });
}
