/**
 * Everything the broker venue reports. Each event carries the numbers behind it, so the interface can explain
 * it in words without recomputing anything. Money in USD, quantities in units of the asset. An LTV is `null`
 * where it is undefined: debt owed on no collateral at all (the shortfall event says how much).
 */
import type { BrokerAsset } from './broker-state.ts';
import type {
  BrokerFailureLossEvent,
  BrokerFailureReturnEvent,
  CureEvent,
  ForcedSaleEvent,
  MarginCallEvent,
  ReduceEvent,
  ShortfallEvent,
} from './margin-events.ts';

export type BrokerRequest = 'buy' | 'sell' | 'buy-on-credit' | 'borrow' | 'repay';

export type BrokerRefusalReason =
  | 'insufficient-cash'
  | 'insufficient-holdings'
  | 'investor-class-not-eligible'
  | 'spot-only-client'
  | 'broker-failed'
  | 'under-margin-call'
  | 'loan-exceeds-lending-value'
  | 'ltv-above-call'
  | 'crypto-share-above-cap'
  | 'broker-loan-limit';

export interface BrokerRefusedEvent {
  type: 'broker-refused';
  step: number;
  client: number;
  request: BrokerRequest;
  asset: BrokerAsset | null;
  /** units asked for (buy, sell) or cash asked for (borrow, repay) */
  amount: number;
  reason: BrokerRefusalReason;
  /** The limit breached (cash available, lending value, call LTV, cap, room under the broker limit). */
  limit: number | null;
  /** What the request needed against that limit. */
  requested: number | null;
}

export interface SpotTradeEvent {
  type: 'spot-trade';
  step: number;
  client: number;
  asset: BrokerAsset;
  side: 'buy' | 'sell';
  qty: number;
  price: number;
  fee: number;
}

export interface LoanEvent {
  type: 'loan';
  step: number;
  client: number;
  amount: number;
  purpose: 'buy-on-credit' | 'cash';
  /** principal + interest after the loan, including the first hour's interest (B-MGN) */
  debtAfter: number;
  lendingValueAfter: number;
  ltvAfter: number | null;
  brokerLoansAfter: number;
}

/** The hourly accrual on every client's principal, as one event. */
export interface InterestAccruedEvent {
  type: 'interest-accrued';
  step: number;
  clients: number;
  hours: number;
  hourlyRate: number;
  amount: number;
}

export interface InterestEvent {
  type: 'interest';
  step: number;
  client: number;
  principal: number;
  hours: number;
  hourlyRate: number;
  amount: number;
  interestAfter: number;
}

export interface RepaymentEvent {
  type: 'repayment';
  step: number;
  client: number;
  /** repay: the client's request; set-off: idle cash applied before a forced sale; sale: sale proceeds */
  source: 'repay' | 'set-off' | 'sale';
  interestPaid: number;
  principalPaid: number;
  debtAfter: number;
}

export interface TopUpEvent {
  type: 'top-up';
  step: number;
  client: number;
  amount: number;
  interestPaid: number;
  principalPaid: number;
  debtAfter: number;
}

export type BrokerEvent =
  | BrokerRefusedEvent
  | SpotTradeEvent
  | LoanEvent
  | InterestEvent
  | InterestAccruedEvent
  | RepaymentEvent
  | MarginCallEvent
  | TopUpEvent
  | ReduceEvent
  | CureEvent
  | ForcedSaleEvent
  | ShortfallEvent
  | BrokerFailureLossEvent
  | BrokerFailureReturnEvent;
