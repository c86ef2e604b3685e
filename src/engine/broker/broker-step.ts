/**
 * One step of the broker venue: new prices arrive, interest accrues on every clock hour the step touches,
 * then margin is checked client by client (calls, reactions, forced sales). Client requests (spot orders,
 * purchases on credit, repayments) are made between steps by whoever drives the run.
 */
import type { BrokerEvent } from './broker-events.ts';
import { requirePrices, type AssetPrices, type BrokerState } from './broker-state.ts';
import { accrueInterest } from './interest-accrual.ts';
import { checkMargins } from './margin-calls.ts';
import type { ClientReactions } from './reactions.ts';
import type { SpotSeam } from './spot-seam.ts';

export function stepBroker(
  state: BrokerState,
  prices: AssetPrices,
  seam: SpotSeam,
  reactions: ClientReactions,
  events: BrokerEvent[],
): void {
  requirePrices(prices);
  const fromMinute = state.step * state.stepMinutes;
  state.step += 1;
  // Copied field by field into the broker's own object: the caller may reuse its object next step. By name,
  // not in a loop over BROKER_ASSETS: a number stored under a computed name is boxed anew each time.
  const own = state.prices;
  own.BTC = prices.BTC;
  own.ETH = prices.ETH;
  own['other-crypto'] = prices['other-crypto'];
  own.securities = prices.securities;
  accrueInterest(state, fromMinute, state.step * state.stepMinutes, events);
  // The usual minute the fast engine's index knows nobody is due or near a trigger (margin-watch.ts `quiet`).
  if (!state.watch.quiet(state)) checkMargins(state, seam, reactions, events);
}
