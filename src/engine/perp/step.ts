/**
 * One step of the venue: new index and traded prices arrive, the mark is rebuilt by the regime's method, the
 * operator tops up the insurance funds where a rule ties them to open interest, funding accrues (and settles on
 * the venue's clock hours), then every position below maintenance is liquidated.
 * Venues liquidate continuously, not once a minute: where the quote carries the minute's extreme index prints
 * (its low and high), positions are first checked at those prints, in the order the minute visited them, and
 * only then at the close (model.md "Crashes"). Orders are placed between steps by whoever drives the run.
 */
import type { PerpEvent } from './events.ts';
import type { ExchangeState } from './exchange.ts';
import { accrueFunding } from './funding-schedule.ts';
import { liquidateUnderwater } from './liquidation.ts';
import { advanceBasisEma, basisEmaValue, markPriceAt } from './mark-price.ts';
import type { MarketSeam } from './market-seam.ts';
import { marketIn } from './by-market.ts';
import { MARKET_IDS, MARKET_INDEX, type MarketId } from './market.ts';
import { above, atLeast, check } from '../validation/index.ts';

const PRICE = above(0);

export interface MarketQuote {
  index: number;
  traded: number;
  /** The minute's lowest and highest index prints, when the driver knows them (market/intra-minute.ts). */
  low?: number;
  high?: number;
}

/**
 * SFC [DEFAULT]: the insurance fund starts at a share (1%) of open interest. Open interest builds during a run, so
 * the operator pays in whenever that share of open interest's notional at the mark passes what it has paid in so
 * far; draws are not refilled. The payments count as deposits (conservation).
 */
function payIntoFunds(state: ExchangeState): void {
  const share = state.venue.fundShareOfOpenInterest;
  if (share === null) return;
  const listed = state.listed;
  for (let j = 0; j < listed.length; j++) {
    const market = state.listedMarkets[j]!;
    // By name (by-market.ts): MARKET_INDEX under a changing name was a megamorphic keyed load a market a minute.
    const k = marketIn(MARKET_INDEX, listed[j]!);
    const target = share * market.longOpenInterest * market.markPrice;
    const due = target - state.fundCommitted[k]!;
    if (due <= 0) continue;
    state.fundCommitted[k] = target;
    market.insuranceFund += due;
    state.totalDeposits += due;
  }
}

/** Quotes for the listed markets (others may be left out: an unlisted market stays as it opened). */
export type MarketQuotes = Readonly<Partial<Record<MarketId, MarketQuote>>>;

function quoteOf(quotes: MarketQuotes, id: MarketId): MarketQuote {
  const quote = quotes[id];
  if (!quote) throw new RangeError(`no ${id} quote for a market the venue lists`);
  return quote;
}

export function stepExchange(
  state: ExchangeState,
  quotes: MarketQuotes,
  seam: MarketSeam,
  events: PerpEvent[],
): void {
  const listed = state.listed;
  for (let j = 0; j < listed.length; j++) byPosition[j] = quoteOf(quotes, listed[j]!);
  stepListed(state, byPosition, seam, events);
}

/** stepExchange's quotes by position in `listed` (kept from step to step). */
const byPosition: MarketQuote[] = [];

/**
 * stepExchange with the listed markets' quotes by position in `state.listed` (a run's venue feed keeps them so):
 * no market is looked up by name.
 */
export function stepListed(
  state: ExchangeState,
  quotes: readonly MarketQuote[],
  seam: MarketSeam,
  events: PerpEvent[],
): void {
  state.step += 1;
  const { rules } = state;
  // Listed markets only: an unlisted one has no positions, so it is neither priced nor funded.
  const listed = state.listed;
  const markets = state.listedMarkets;
  const n = listed.length;
  if (quotes.length < n) throw new RangeError(`${n} markets listed, ${quotes.length} quotes`);
  for (let j = 0; j < n; j++) {
    const { index, traded } = quotes[j]!;
    // Checked only when a price fails (the rule's call is the costly part of a passing check).
    if (!(index > 0 && index < Infinity)) check(`${listed[j]} index price`, index, PRICE);
    if (!(traded > 0 && traded < Infinity)) check(`${listed[j]} traded price`, traded, PRICE);
  }
  const prints = intraMinutePrints(listed, quotes);
  const method = rules.markMethod;
  const clamp = rules.markBasisClamp;
  // The basis EMA moves at the close only: the prints' marks read its value as the minute opened.
  const emaRead = method !== 'last-traded';
  const atOpen = emaAtOpen; // in a local (V8 11.3 reads a module's binding at every use, with a type check)
  for (let k = 0; k < prints; k++) {
    for (let j = 0; j < n; j++) {
      const market = markets[j]!;
      const quote = quotes[j]!;
      const index = quote.index;
      // A down minute visits its high first, then its low; an up minute the other way round.
      const down = index < market.indexPrice;
      const print = ((k === 0) === down ? quote.high : quote.low) ?? index;
      let premium, ema;
      if (k === 0) {
        premium = quote.traded / index;
        atOpen[j] = ema = emaRead ? basisEmaValue(market.basisEma) : 0;
      } else {
        premium = market.tradedPrice / market.indexPrice;
        ema = atOpen[j]!;
      }
      const traded = print * premium;
      market.previousMarkPrice = market.markPrice;
      market.indexPrice = print;
      market.tradedPrice = traded;
      market.markPrice = markPriceAt(method, print, traded, ema, clamp);
    }
    liquidateUnderwater(state, seam, events);
  }
  const stepSeconds = state.stepSeconds;
  const emaSeconds = rules.markEmaSeconds;
  for (let j = 0; j < n; j++) {
    const market = markets[j]!;
    const quote = quotes[j]!;
    const index = quote.index;
    // After intra-minute fills the traded price carries their gap: the close keeps the venue's premium.
    const close = prints === 0 ? quote.traded : index * (market.tradedPrice / market.indexPrice);
    const ema = market.basisEma;
    advanceBasisEma(ema, close - index, stepSeconds, emaSeconds);
    market.previousMarkPrice = market.markPrice;
    market.indexPrice = index;
    market.tradedPrice = close;
    market.markPrice = markPriceAt(method, index, close, emaRead ? basisEmaValue(ema) : 0, clamp);
  }
  payIntoFunds(state);
  accrueFunding(state, seam, events);
  liquidateUnderwater(state, seam, events);
}

/** Two extra checks (the minute's high and low) when any market's quote carries its extremes, else none. */
function intraMinutePrints(listed: readonly MarketId[], quotes: readonly MarketQuote[]): number {
  let prints = 0;
  for (let j = 0; j < listed.length; j++) {
    const id = listed[j]!;
    const { low, high, index } = quotes[j]!;
    if (low === undefined && high === undefined) continue;
    if (low === undefined || !(low > 0 && low <= index)) check(`${id} intra-minute low`, low, above(0));
    if (high === undefined || !(high >= index)) check(`${id} intra-minute high`, high, atLeast(index));
    prints = 2;
  }
  return prints;
}

/** Each listed market's basis EMA value as the minute opened (kept from step to step). */
const emaAtOpen = new Float64Array(MARKET_IDS.length);
