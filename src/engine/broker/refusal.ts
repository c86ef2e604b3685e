/**
 * A client request the broker turns down is an event with the reason and the numbers, never an exception
 * (conventions; the perpetual venue's orders.ts does the same). Exceptions are kept for invalid arguments.
 */
import type { BrokerEvent, BrokerRefusalReason, BrokerRequest } from './broker-events.ts';
import type { BrokerAsset, BrokerState } from './broker-state.ts';

export interface Refusal {
  reason: BrokerRefusalReason;
  limit: number | null;
  requested: number | null;
}

export function refuse(
  state: BrokerState,
  events: BrokerEvent[],
  request: { client: number; request: BrokerRequest; asset: BrokerAsset | null; amount: number },
  refusal: Refusal,
): false {
  events.push({ type: 'broker-refused', step: state.step, ...request, ...refusal });
  return false;
}
