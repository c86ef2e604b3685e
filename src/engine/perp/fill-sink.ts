/**
 * Where a venue may hand its fills as numbers instead of events (issue 16). A fill is the venue's routine
 * event: a large run builds one for every order, and a run that keeps no routine event only folds it into its
 * checksum and counts it, so the run installs a sink (`ExchangeState.fills`, run/routine-fold.ts) that does
 * that from the fill's numbers where it happens, and declines the fills it wants as events (a followed
 * trader's). Without a sink (tests, the reference engine standalone) every fill is an event.
 */
import type { PerpEvent } from './events.ts';
import type { MarketId } from './market.ts';
import type { Side } from './side.ts';

export interface FillSink {
  /**
   * Takes one fill's fields, those of a FillEvent in its order; false when the sink declines it and the venue
   * must report it as an event.
   */
  fill(
    step: number,
    account: number,
    counterparty: number,
    market: MarketId,
    side: Side,
    qty: number,
    price: number,
    fee: number,
    realisedPnl: number,
    sizeAfter: number,
  ): boolean;
}

/**
 * The sink a fill may go to now: none while events wait in the list, since the run records the list in order
 * after the venue's call, and a fill the sink took at once would be counted ahead of them.
 */
export function fillSinkFor(sink: FillSink | null, events: readonly PerpEvent[]): FillSink | null {
  return events.length === 0 ? sink : null;
}
