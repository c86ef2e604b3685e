/**
 * One step of the venue: new index and traded prices arrive, the mark is rebuilt by the regime's method, the
 * operator tops up the insurance funds where a rule ties them to open interest, funding accrues (and settles on
 * the venue's clock hours), then every position below maintenance is liquidated.
 * Orders are placed between steps by whoever drives the run.
 */
import type { PerpEvent } from './events.ts';
import type { ExchangeState } from './exchange.ts';
import { accrueFunding } from './funding-schedule.ts';
import { liquidateUnderwater } from './liquidation.ts';
import { markPrice, updateBasisEma } from './mark-price.ts';
import type { MarketSeam } from './market-seam.ts';
import { MARKET_IDS, type MarketId } from './market.ts';
import { above, check } from '../validation/index.ts';

const PRICE = above(0);

export interface MarketQuote {
  index: number;
  traded: number;
}

/**
 * SFC [DEFAULT]: the insurance fund starts at a share (1%) of open interest. Open interest builds during a run, so
 * the operator pays in whenever that share of open interest's notional at the mark passes what it has paid in so
 * far; draws are not refilled. The payments count as deposits (conservation).
 */
function payIntoFunds(state: ExchangeState): void {
  const share = state.venue.fundShareOfOpenInterest;
  if (share === null) return;
  for (const id of MARKET_IDS) {
    const market = state.markets[id];
    const target = share * market.longOpenInterest * market.markPrice;
    const due = target - state.fundCommitted[id];
    if (due <= 0) continue;
    state.fundCommitted[id] = target;
    market.insuranceFund += due;
    state.totalDeposits += due;
  }
}

export function stepExchange(
  state: ExchangeState,
  quotes: Record<MarketId, MarketQuote>,
  seam: MarketSeam,
  events: PerpEvent[],
): void {
  state.step += 1;
  const { rules } = state;
  for (const id of MARKET_IDS) {
    const market = state.markets[id];
    const { index, traded } = quotes[id];
    if (!PRICE.accepts(index)) check(`${id} index price`, index, PRICE);
    if (!PRICE.accepts(traded)) check(`${id} traded price`, traded, PRICE);
    market.indexPrice = index;
    market.tradedPrice = traded;
    market.basisEma = updateBasisEma(
      market.basisEma,
      traded - index,
      state.stepSeconds,
      rules.markEmaSeconds,
    );
    market.markPrice = markPrice({
      method: rules.markMethod,
      index,
      lastTraded: traded,
      basisEma: market.basisEma,
      maxBasisFraction: rules.markBasisClamp,
    });
  }
  payIntoFunds(state);
  accrueFunding(state, seam, events);
  liquidateUnderwater(state, seam, events);
}
