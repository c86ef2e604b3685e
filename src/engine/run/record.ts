/**
 * Folding venue events into the run: tag each with its venue and trader, update the counters, the checksum
 * and the liquidated flags. One place, so every path keeps the same bookkeeping. The routine events a notable
 * event log drops are folded where they are built instead, with the same bookkeeping (routine-fold.ts).
 */
import type { BrokerEvent } from '../broker/broker-events.ts';
import type { PerpEvent } from '../perp/events.ts';
import { foldRunEvent } from './checksum.ts';
import { NOTABLE_EVENT_LIMIT, ROUTINE_EVENT_TYPES, type RunEvent } from './run-events.ts';
import type { RunState, Venue } from './run-state.ts';
import { foldFigure } from './outcome-figures.ts';
import { noteTraderEvent } from './trader-facts.ts';

/** Tags a venue's event in place (the venue's list is emptied after recording; nothing else holds it). */
function tag<E extends object, V extends string>(
  e: E,
  venue: V,
  trader: number | null,
): E & { venue: V; trader: number | null } {
  const tagged = e as E & { venue: V; trader: number | null };
  tagged.venue = venue;
  tagged.trader = trader;
  return tagged;
}

/** A trader liquidated (or force-sold) for the first time joins the run's list of liquidated traders. */
function markLiquidated(run: RunState, trader: number): void {
  if (run.liquidated[trader]) return;
  run.liquidated[trader] = 1;
  run.tally.liquidatedTraders.push(trader);
}

export function record(run: RunState, event: RunEvent): void {
  // A refusal of the ALT perpetual changes no venue and no broker: the trader trades the BTC or ETH perpetual
  // it would have traded before ALT existed, or goes offshore (whose events are folded). It is counted
  // (refusedProducts.altPerp) and kept in the log but not folded, so a rule set that lists BTC and ETH only
  // keeps the checksums its runs had before the ALT market was added (2026-12-07).
  if (event.type !== 'product-refused' || event.product !== 'altPerp') foldRunEvent(run.checksum, event);
  foldFigure(run.figures, event);
  const tally = run.tally;
  tally.events++;
  if (event.type === 'product-refused') tally.refusedProducts[event.product]++;
  // A followed trader's facts see every event, before the event log drops routine ones (issue 17).
  if (event.trader !== null) {
    const facts = run.facts.get(event.trader);
    if (facts) noteTraderEvent(facts, event);
  }
  if (run.notableOnly && (ROUTINE_EVENT_TYPES.has(event.type) || run.events.length >= NOTABLE_EVENT_LIMIT))
    tally.eventsOmitted++;
  else run.events.push(event);
}

/**
 * `knownAccount` and `knownTrader`, where the caller acted for one trader, spare each of its own events a look-up
 * in `venue.traderOf` (a trader leaving reads it far from where the last trader's was: a cache miss).
 */
export function recordPerpEvents(
  run: RunState,
  venue: Venue,
  events: PerpEvent[],
  knownAccount = -1,
  knownTrader = -1,
): void {
  for (const e of events) {
    // Every perpetual event but funding names an account (read by name: an `in` test per event cost more).
    const account = (e as { account?: number }).account;
    const trader = traderBehind(account, venue.traderOf, knownAccount, knownTrader);
    const tagged = tag(e, venue.name, trader === -1 ? null : trader);
    if (e.type === 'adl') {
      const bankrupt = venue.traderOf[e.bankruptAccount] ?? null;
      Object.assign(tagged, { bankruptTrader: bankrupt === -1 ? null : bankrupt });
    }
    if (venue.name === 'onshore') {
      if (e.type === 'liquidation') {
        run.tally.liquidations++;
        run.tally.liquidatedNotional += e.qty * e.markPrice;
      } else if (e.type === 'adl') {
        run.tally.adlEvents++;
        run.tally.adlNotional += e.qty * e.price;
      }
    }
    if (e.type === 'liquidation' && trader !== null && trader >= 0) markLiquidated(run, trader);
    // The fast engine learns here which positions vanished, where the reference scan would notice next step.
    if ((e.type === 'liquidation' || e.type === 'adl') && trader !== null && trader >= 0)
      if (!venue.exchange.accounts[e.account]!.positions[e.market]) run.engine.positionVanished(trader);
    record(run, tagged);
  }
  if (events.length !== 0) events.length = 0;
}

/**
 * The trader behind an event's account or client id (null when the event names none): `knownTrader` for the
 * caller's own `knownId`, else the venue's or the broker's look-up.
 */
function traderBehind(
  id: number | undefined,
  traderOf: readonly number[],
  knownId: number,
  knownTrader: number,
): number | null {
  if (id === undefined) return null;
  return id === knownId ? knownTrader : (traderOf[id] ?? null);
}

/** `knownClient` and `knownTrader` as recordPerpEvents' known account and trader. */
export function recordBrokerEvents(
  run: RunState,
  events: BrokerEvent[],
  knownClient = -1,
  knownTrader = -1,
): void {
  for (const e of events) {
    const client = (e as { client?: number }).client;
    const trader = traderBehind(client, run.brokerTraderOf, knownClient, knownTrader);
    if (e.type === 'forced-sale' && trader !== null) markLiquidated(run, trader);
    record(run, tag(e, 'broker', trader));
  }
  if (events.length !== 0) events.length = 0; // setting a length costs ~30 ns even at 0
}
