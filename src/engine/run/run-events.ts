/**
 * The run's event stream: every venue's events tagged with where they happened and which trader they concern
 * (trader ids index the population; null for the liquidity provider), plus the population's own decisions.
 */
import type { BrokerEvent } from '../broker/broker-events.ts';
import type { PerpEvent } from '../perp/events.ts';

export type VenueName = 'onshore' | 'offshore';

export type PerpRunEvent = PerpEvent & {
  venue: VenueName;
  trader: number | null;
  bankruptTrader?: number | null;
};
export type BrokerRunEvent = BrokerEvent & { venue: 'broker'; trader: number | null };

/**
 * A trader whose wished-for product the rules refuse, and what they do instead (an assumption: labelled):
 * perpetuals or margin financing refused to its investor class, or the ALT perpetual to everyone where the
 * venue lists BTC and ETH only (SFC framework P3), who then trades its BTC or ETH perpetual or goes offshore.
 */
export type ProductRefusedEvent = {
  type: 'product-refused';
  venue: 'population';
  step: number;
  trader: number;
} & (
  | {
      product: 'perp' | 'margin';
      reason: 'investor-class-excluded';
      substitute: 'offshore' | 'spot' | 'stay-out';
    }
  | { product: 'altPerp'; reason: 'market-not-listed'; substitute: 'offshore' | 'BTC' | 'ETH' }
);

export type RunEvent = PerpRunEvent | BrokerRunEvent | ProductRefusedEvent;

/**
 * Routine events: every fill, spot trade, loan, interest charge and repayment. Counted and folded into the
 * checksum always; kept in a 'notable' event log never (the feed, the markers and the export show what
 * matters: liquidations, margin calls, forced sales, ADL, fund draws, refusals), which folds most of them where
 * they are built, never building them (routine-fold.ts).
 */
export const ROUTINE_EVENT_TYPES: ReadonlySet<string> = new Set([
  'fill',
  'spot-trade',
  'loan',
  'interest',
  'interest-accrued',
  'repayment',
]);

/** A 'notable' event log keeps at most this many events; the rest are counted (memory stays flat). */
export const NOTABLE_EVENT_LIMIT = 20_000;
