/**
 * Events of margin calls, forced sales and a broker failure (the client-request events are in
 * broker-events.ts). Each carries the numbers behind it; an LTV is `null` where debt is owed on no collateral.
 */
import type { MarginTrigger } from '../margin/margin-call.ts';
import type { BrokerAsset } from './broker-state.ts';

export interface MarginCallEvent {
  type: 'margin-call';
  step: number;
  client: number;
  ltv: number | null;
  callLtv: number;
  debt: number;
  collateralValue: number;
  lendingValue: number;
  triggers: MarginTrigger[];
  deadlineStep: number;
}

export interface SaleLine {
  asset: BrokerAsset;
  qty: number;
  /** average fill price */
  price: number;
  proceeds: number;
  fee: number;
}

export interface ReduceEvent {
  type: 'reduce';
  step: number;
  client: number;
  sales: SaleLine[];
  debtAfter: number;
  ltvAfter: number | null;
}

export interface CureEvent {
  type: 'cure';
  step: number;
  client: number;
  /** within-limits: prices moved back, or the client repaid between steps */
  how: 'within-limits' | 'top-up' | 'reduce' | 'forced-sale' | 'call-met';
  ltv: number | null;
  debt: number;
  lendingValue: number;
  stepsUnderCall: number;
}

export interface ForcedSaleEvent extends SaleLine {
  type: 'forced-sale';
  step: number;
  client: number;
  reason: 'liquidation-ltv' | 'cure-period-ended';
  ltvBefore: number | null;
  ltvAfter: number | null;
  debtAfter: number;
}

export interface ShortfallEvent {
  type: 'shortfall';
  step: number;
  client: number;
  /** debt left once every unit of collateral is sold: still owed by the client, at risk for the broker */
  amount: number;
}

export interface BrokerFailureLossEvent {
  type: 'broker-failure-loss';
  step: number;
  client: number;
  asset: BrokerAsset;
  /** units re-used by the broker and moved to the estate */
  qty: number;
  value: number;
  /** part of the client's debt set off against the value lost */
  setOff: number;
  /** value lost beyond the set-off: an unsecured claim on the estate, counted as lost */
  netLoss: number;
}

export interface BrokerFailureReturnEvent {
  type: 'broker-failure-return';
  step: number;
  client: number;
  /** collateral returned (all of it where none was re-used), at current prices */
  value: number;
  /** still owed to the broker's estate */
  debt: number;
}
