/**
 * What a called client does (model.md "Population: reaction to a margin call"). The engine does not decide:
 * whoever drives the run passes a ClientReactions plan, asked once for each call, when it opens (a client who
 * acts later does so between steps, through topUp or reduceCollateral).
 *   top-up  new cash, which repays the loan (financing.ts topUp)
 *   reduce  sells collateral voluntarily, at the ordinary order price and fee; the proceeds repay the loan.
 *           With no value given, sells what brings the client back within limits.
 */
import { requireNonNegative } from '../margin/validate.ts';
import type { BrokerEvent } from './broker-events.ts';
import type { BrokerState, Client, MarginCall } from './broker-state.ts';
import { assessClient } from './client-margin.ts';
import { clientOf } from './clients.ts';
import { planRestoringSale, planSaleByValue, sellCollateral } from './collateral-sale.ts';
import { topUp } from './financing.ts';
import type { SpotSeam } from './spot-seam.ts';

export type ClientReaction =
  { kind: 'top-up'; amount: number } | { kind: 'reduce'; value?: number } | { kind: 'nothing' };

export type ClientReactions = (
  state: Readonly<BrokerState>,
  clientId: number,
  call: Readonly<MarginCall>,
) => ClientReaction;

/** Lets every call run to its deadline. */
export const NO_REACTION: ClientReactions = () => ({ kind: 'nothing' });

/** Sells collateral worth `value` at current prices (or what restores the client) and repays the loan. */
export function reduceCollateral(
  state: BrokerState,
  seam: SpotSeam,
  clientId: number,
  value: number | undefined,
  events: BrokerEvent[],
): void {
  const client = clientOf(state, clientId);
  const plan =
    value === undefined
      ? planRestoringSale(state, client)
      : planSaleByValue(state, client, requireNonNegative('reduce value', value));
  const sales = sellCollateral(state, seam, client, plan, 'order');
  const after = assessClient(state, client);
  events.push({
    type: 'reduce',
    step: state.step,
    client: clientId,
    sales,
    debtAfter: after.debt,
    ltvAfter: after.ltv,
  });
}

/** Applies a reaction; returns what the client did. */
export function applyReaction(
  state: BrokerState,
  seam: SpotSeam,
  client: Client,
  reaction: ClientReaction,
  events: BrokerEvent[],
): ClientReaction['kind'] {
  if (reaction.kind === 'top-up') {
    if (requireNonNegative('top-up amount', reaction.amount) > 0)
      topUp(state, client.id, reaction.amount, events);
  } else if (reaction.kind === 'reduce') reduceCollateral(state, seam, client.id, reaction.value, events);
  return reaction.kind;
}
