/**
 * What happened to a followed trader over the whole run, gathered from every event as it is recorded, whatever
 * the run's event log keeps: the page's worker keeps notable events only (no fills, spot trades or loans), so
 * a followed trader's story must come from here, which travels with the trader's trace (issue 17, item 5).
 */
import { MARKET_IDS, type MarketId } from '../perp/market.ts';
import type { Population } from '../population/population.ts';
import type { ProductRefusedEvent, RunEvent } from './run-events.ts';

export type FactsVenue = 'onshore' | 'offshore' | 'broker';

export interface TraderFacts {
  /** The market the trader trades (perpetual market, or the asset bought through a broker). */
  market: MarketId;
  /** Where the trader first did anything (an order, a trade, a refusal by the venue); null: never acted. */
  venue: FactsVenue | null;
  /** The first product the rules refused the trader, and what they did instead. */
  refusal: Pick<ProductRefusedEvent, 'product' | 'substitute'> | null;
  /** Trades that opened or added to a holding (perpetual fills not to zero, spot buys). */
  entries: number;
  /** Trades that closed a holding: perpetual fills to a size of zero, spot sells. */
  exits: number;
  /** Minute of the first entry and of the last exit (null: none). */
  firstEntryMinute: number | null;
  lastExitMinute: number | null;
  /** Margin loans taken from the broker, and their total (USD). */
  loans: number;
  borrowed: number;
  /** Highest loan-to-value after a loan (null: no loan, or undefined). */
  ltvAfterLoan: number | null;
  marginCalls: number;
  /** Liquidation events against the trader, and the first one's minute and mark price. */
  liquidations: number;
  firstLiquidation: { minute: number; mark: number } | null;
  /** Forced sales by the broker, and the first one's minute, average price and LTV before. */
  forcedSales: number;
  firstForcedSale: { minute: number; price: number; ltvBefore: number | null } | null;
  /** Times the trader's position was reduced by auto-deleveraging, and the first minute. */
  deleveraged: number;
  firstDeleveragedMinute: number | null;
  /** Wealth at the start (cash and securities) and at the end of the run (USD). */
  startWealth: number;
  endWealth: number;
}

export function emptyFacts(population: Population, trader: number): TraderFacts {
  return {
    market: MARKET_IDS[population.asset[trader]!]!,
    venue: null,
    refusal: null,
    entries: 0,
    exits: 0,
    firstEntryMinute: null,
    lastExitMinute: null,
    loans: 0,
    borrowed: 0,
    ltvAfterLoan: null,
    marginCalls: 0,
    liquidations: 0,
    firstLiquidation: null,
    forcedSales: 0,
    firstForcedSale: null,
    deleveraged: 0,
    firstDeleveragedMinute: null,
    startWealth: population.capital[trader]! + population.securities[trader]!,
    endWealth: population.capital[trader]! + population.securities[trader]!,
  };
}

function entered(facts: TraderFacts, minute: number): void {
  facts.entries++;
  facts.firstEntryMinute ??= minute;
}

function exited(facts: TraderFacts, minute: number): void {
  facts.exits++;
  facts.lastExitMinute = minute;
}

/** Folds one event that concerns the trader (`event.trader`) into their facts. */
export function noteTraderEvent(facts: TraderFacts, event: RunEvent): void {
  if (event.type === 'product-refused') {
    facts.refusal ??= { product: event.product, substitute: event.substitute };
    return;
  }
  facts.venue ??= event.venue;
  switch (event.type) {
    case 'fill':
      // The market it trades: the one drawn, or ALT (alt-traders.ts) where the venue lists it.
      facts.market = event.market;
      if (event.sizeAfter === 0) exited(facts, event.step);
      else entered(facts, event.step);
      return;
    case 'spot-trade':
      if (event.side === 'sell') exited(facts, event.step);
      else entered(facts, event.step);
      return;
    case 'loan':
      facts.loans++;
      facts.borrowed += event.amount;
      if (event.ltvAfter !== null) facts.ltvAfterLoan = Math.max(facts.ltvAfterLoan ?? 0, event.ltvAfter);
      return;
    case 'margin-call':
      facts.marginCalls++;
      return;
    case 'liquidation':
      facts.liquidations++;
      facts.firstLiquidation ??= { minute: event.step, mark: event.markPrice };
      return;
    case 'forced-sale':
      facts.forcedSales++;
      facts.firstForcedSale ??= { minute: event.step, price: event.price, ltvBefore: event.ltvBefore };
      return;
    case 'adl':
      facts.deleveraged++;
      facts.firstDeleveragedMinute ??= event.step;
      return;
  }
}
