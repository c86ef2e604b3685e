/**
 * Margin calls and forced sales, once per step for every margin client with debt or an open call
 * (guardrails §1A "What the simulator should do"; SMF Guidelines B2, B5):
 *
 * - within limits: an open call is cured (the price came back);
 * - LTV ≥ forced-sale LTV: collateral is sold at once, without waiting for the cure period;
 * - otherwise a call opens (event with LTV, lending value, debt and the deadline = step + cure period), the
 *   client's reaction is applied, and if the client is still in breach at the deadline its collateral is sold.
 * A call stays open while the client is in breach, which stops further advances (advance-door.ts), and clears
 * (a cure event) as soon as the client is back within limits. A client whose collateral is all gone and who
 * still owes keeps its call open: a top-up can still settle the debt.
 */
import type { BrokerEvent } from './broker-events.ts';
import type { BrokerState, Client, MarginCall } from './broker-state.ts';
import { assessClient, hasCollateral, isWithinLimits, type ClientAssessment } from './client-margin.ts';
import { clientDebt } from './clients.ts';
import { forceSale } from './forced-sales.ts';
import type { CureEvent } from './margin-events.ts';
import { applyReaction, type ClientReactions } from './reactions.ts';
import type { SpotSeam } from './spot-seam.ts';

function openCall(
  state: BrokerState,
  client: Client,
  a: ClientAssessment,
  events: BrokerEvent[],
): MarginCall {
  const deadlineStep = state.step + Math.ceil(state.rules.curePeriodMinutes / state.stepMinutes);
  client.marginCall = { sinceStep: state.step, deadlineStep, trigger: a.check.triggers };
  events.push({
    type: 'margin-call',
    step: state.step,
    client: client.id,
    ltv: a.ltv,
    callLtv: state.rules.callLtv,
    debt: a.netDebt,
    collateralValue: a.collateralValue,
    lendingValue: a.lendingValue,
    triggers: a.check.triggers,
    deadlineStep,
  });
  return client.marginCall;
}

function cure(
  state: BrokerState,
  client: Client,
  how: CureEvent['how'],
  a: ClientAssessment,
  events: BrokerEvent[],
) {
  const call = client.marginCall;
  if (!call) return;
  client.marginCall = null;
  events.push({
    type: 'cure',
    step: state.step,
    client: client.id,
    how,
    ltv: a.ltv,
    debt: a.netDebt,
    lendingValue: a.lendingValue,
    stepsUnderCall: state.step - call.sinceStep,
  });
}

/** After a forced sale: cured, or (a shortfall, or a sale that could not restore the client) a call stays open. */
function afterForcedSale(state: BrokerState, client: Client, events: BrokerEvent[]): void {
  const a = assessClient(state, client);
  if (a.check.status === 'ok') cure(state, client, 'forced-sale', a, events);
  else if (!client.marginCall) openCall(state, client, a, events);
}

function reviewClient(
  state: BrokerState,
  seam: SpotSeam,
  reactions: ClientReactions,
  client: Client,
  events: BrokerEvent[],
): void {
  if (!client.marginCall && isWithinLimits(state, client)) return; // nothing to cure, nothing to call
  const a = assessClient(state, client);
  if (a.check.status === 'ok') return cure(state, client, 'within-limits', a, events);
  if (a.check.status === 'forced-sale' && hasCollateral(state, client)) {
    forceSale(state, seam, client, 'liquidation-ltv', events);
    return afterForcedSale(state, client, events);
  }
  // The client answers a call once, when it opens (model.md: top up with some probability before the
  // deadline, or let it run); afterwards the broker only watches prices and the deadline.
  let how: ReturnType<typeof applyReaction> = 'nothing';
  if (!client.marginCall) {
    const opened = openCall(state, client, a, events);
    how = applyReaction(state, seam, client, reactions(state, client.id, opened), events);
  }
  const call = client.marginCall ?? { deadlineStep: Infinity };
  const reacted = how === 'nothing' ? a : assessClient(state, client);
  if (reacted.check.status === 'ok')
    return cure(state, client, how === 'nothing' ? 'within-limits' : how, reacted, events);
  if (state.step >= call.deadlineStep && hasCollateral(state, client)) {
    forceSale(state, seam, client, 'cure-period-ended', events);
    afterForcedSale(state, client, events);
  }
}

export function checkMargins(
  state: BrokerState,
  seam: SpotSeam,
  reactions: ClientReactions,
  events: BrokerEvent[],
): void {
  // The fast engine reviews only the clients its index cannot vouch for, in the same (id) order.
  const watch = state.watch;
  const clients = watch ? watch.candidates(state).map((id) => state.clients[id]!) : state.clients;
  for (const client of clients)
    if (client.financing && (client.marginCall !== null || clientDebt(client) > 0))
      reviewClient(state, seam, reactions, client, events);
  watch?.refresh(state);
}
