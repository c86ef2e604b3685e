/**
 * Where the broker may hand its routine events as numbers instead of events (issue 16): spot trades, loans,
 * the first hour's interest and repayments, most of a large run's broker events. A run that keeps no routine
 * event only folds them into its checksum and counts them, so it installs a sink (`BrokerState.routine`,
 * run/routine-fold.ts) that does that where each happens and declines those it wants as events (a followed
 * trader's). Without a sink (tests) every one is an event. Each method takes its event's fields in the order of
 * the event's one literal and returns false when it declines them.
 */
import type { BrokerAsset } from './broker-state.ts';
import type { BrokerEvent, LoanEvent, RepaymentEvent } from './broker-events.ts';
import type { SpotSide } from './spot-seam.ts';

export interface BrokerRoutineSink {
  spotTrade(
    step: number,
    client: number,
    asset: BrokerAsset,
    side: SpotSide,
    qty: number,
    price: number,
    fee: number,
  ): boolean;
  loan(
    step: number,
    client: number,
    amount: number,
    purpose: LoanEvent['purpose'],
    debtAfter: number,
    lendingValueAfter: number,
    ltvAfter: number | null,
    brokerLoansAfter: number,
  ): boolean;
  interest(
    step: number,
    client: number,
    principal: number,
    hours: number,
    hourlyRate: number,
    amount: number,
    interestAfter: number,
  ): boolean;
  repayment(
    step: number,
    client: number,
    source: RepaymentEvent['source'],
    interestPaid: number,
    principalPaid: number,
    debtAfter: number,
  ): boolean;
}

/**
 * The sink a routine event may go to now: none while events wait in the list, since the run records the list
 * in order after the broker's call, and an event the sink took at once would be counted ahead of them.
 */
export function routineSinkFor(
  sink: BrokerRoutineSink | null,
  events: readonly BrokerEvent[],
): BrokerRoutineSink | null {
  return events.length === 0 ? sink : null;
}
