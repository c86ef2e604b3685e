/**
 * Margin calls and forced sales, reviewed every step for every margin client with debt or an open call
 * (guardrails §1A "What the simulator should do"; SMF Guidelines B2, B5):
 *
 * - LTV ≥ forced-sale LTV: collateral is sold at once, at any minute, without waiting for a cure period
 *   (HK [DEFAULT] "immediate forced sale"; Binance closes a margin account out at margin level 1.1);
 * - a breach short of that is called only at the broker's set check, the day's close (00:00 UTC): brokers
 *   under the securities-margin framework make calls on the day's closing values, due T+1/T+2 (guardrails
 *   §1A–1B, W21 "one business day"), they do not watch every tick. The call event carries LTV, lending value,
 *   debt and the deadline = call + cure period; the client's reaction is applied once, when it opens;
 * - a call keeps its deadline until it is met: a tick back over the line does not erase it (issue 15). It is
 *   met when the client has paid or sold down to the debt the call asked for (a call is for an amount), or
 *   when a later day's check or the deadline finds it within limits. At the deadline a client still in
 *   breach has its collateral sold.
 * A call stops further advances where the preset says so (advance-door.ts). A client whose collateral is all
 * gone and who still owes keeps its call open: a top-up can still settle the debt.
 */
import type { BrokerEvent } from './broker-events.ts';
import type { BrokerState, Client, MarginCall } from './broker-state.ts';
import {
  assessClient,
  hasCollateral,
  isWithinLimits,
  LIMIT_TOLERANCE,
  type ClientAssessment,
} from './client-margin.ts';
import { clientDebt } from './clients.ts';
import { forceSale } from './forced-sales.ts';
import type { CureEvent } from './margin-events.ts';
import { applyReaction, type ClientReactions } from './reactions.ts';
import type { SpotSeam } from './spot-seam.ts';

/** The broker's day: calls are made once a day, at the day's close (00:00 UTC). */
export const CALL_CHECK_MINUTES = 24 * 60;

/** Whether the step ends at (or just past) a day's close, where the broker makes its margin calls. */
export function isCallCheckStep(state: BrokerState, step: number = state.step): boolean {
  const end = state.startMinuteOfDay + step * state.stepMinutes;
  const start = end - state.stepMinutes;
  return Math.floor(end / CALL_CHECK_MINUTES) > Math.floor(start / CALL_CHECK_MINUTES);
}

/** The first step after the current one that is a call check. */
export function nextCallCheckStep(state: BrokerState): number {
  const now = state.startMinuteOfDay + state.step * state.stepMinutes;
  const close = (Math.floor(now / CALL_CHECK_MINUTES) + 1) * CALL_CHECK_MINUTES;
  return Math.ceil((close - state.startMinuteOfDay) / state.stepMinutes);
}

function openCall(
  state: BrokerState,
  client: Client,
  a: ClientAssessment,
  events: BrokerEvent[],
): MarginCall {
  const deadlineStep = state.step + Math.ceil(state.rules.curePeriodMinutes / state.stepMinutes);
  client.marginCall = {
    sinceStep: state.step,
    deadlineStep,
    trigger: a.check.triggers,
    metAtNetDebt: a.callCover,
  };
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

/** Net debt down to what the call asked for: only a payment or a sale gets there (interest only adds). */
function isMet(call: MarginCall, a: ClientAssessment): boolean {
  return a.netDebt <= call.metAtNetDebt * (1 + LIMIT_TOLERANCE);
}

/**
 * After a forced sale: cured (within limits, or the sale paid what an open call asked for), or (a shortfall,
 * or a sale that could not restore the client) a call stays or opens. No review leaves a met call open, so
 * the fast engine need not look at a called client until a payment touches it.
 */
function afterForcedSale(state: BrokerState, client: Client, events: BrokerEvent[]): void {
  const a = assessClient(state, client);
  const call = client.marginCall;
  if (a.check.status === 'ok' || (call && isMet(call, a))) cure(state, client, 'forced-sale', a, events);
  else if (!call) openCall(state, client, a, events);
}

function reviewClient(
  state: BrokerState,
  seam: SpotSeam,
  reactions: ClientReactions,
  client: Client,
  events: BrokerEvent[],
): void {
  const call = client.marginCall;
  if (!call && isWithinLimits(state, client)) return; // nothing to cure, nothing to call
  const a = assessClient(state, client);
  if (a.check.status === 'forced-sale' && hasCollateral(state, client)) {
    forceSale(state, seam, client, 'liquidation-ltv', events);
    return afterForcedSale(state, client, events);
  }
  if (call) {
    // Met by paying or selling down to the amount called for (only a payment or sale lowers net debt).
    if (a.netDebt <= call.metAtNetDebt * (1 + LIMIT_TOLERANCE))
      return cure(state, client, 'call-met', a, events);
    if (a.check.status === 'ok') {
      if (isCallCheckStep(state) || state.step >= call.deadlineStep)
        cure(state, client, 'within-limits', a, events);
      return; // otherwise the call stands until the day's check: a tick back does not erase it
    }
    if (state.step >= call.deadlineStep && hasCollateral(state, client)) {
      forceSale(state, seam, client, 'cure-period-ended', events);
      afterForcedSale(state, client, events);
    }
    return;
  }
  // In breach short of the forced-sale LTV and not yet called: the call waits for the day's check.
  if (a.check.status === 'ok' || !isCallCheckStep(state)) return;
  // The client answers a call once, when it opens (model.md: top up with some probability before the
  // deadline, or let it run); afterwards the broker only watches prices and the deadline.
  const opened = openCall(state, client, a, events);
  const how = applyReaction(state, seam, client, reactions(state, client.id, opened), events);
  const reacted = how === 'nothing' ? a : assessClient(state, client);
  if (how !== 'nothing' && (reacted.check.status === 'ok' || isMet(opened, reacted)))
    return cure(state, client, how, reacted, events);
  if (state.step >= opened.deadlineStep && hasCollateral(state, client)) {
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
  // Every client (the reference engine) or those the fast engine's index cannot vouch for, in id order. The
  // inputs in one kept object read by one plain visitor: a closure over them was made every minute.
  const { state: outerState, seam: outerSeam, reactions: outerReactions, events: outerEvents } = review;
  review.state = state;
  review.seam = seam;
  review.reactions = reactions;
  review.events = events;
  try {
    state.watch.eachCandidate(state, visitClient);
  } finally {
    review.state = outerState;
    review.seam = outerSeam;
    review.reactions = outerReactions;
    review.events = outerEvents;
  }
}

const review: {
  state: BrokerState | null;
  seam: SpotSeam | null;
  reactions: ClientReactions | null;
  events: BrokerEvent[] | null;
} = { state: null, seam: null, reactions: null, events: null };

function visitClient(client: Client): void {
  if (client.financing && (client.marginCall !== null || clientDebt(client) > 0))
    reviewClient(review.state!, review.seam!, review.reactions!, client, review.events!);
}
