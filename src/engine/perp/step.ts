/**
 * One step of the venue: new index and traded prices arrive, the mark is rebuilt by the regime's method,
 * funding accrues (and settles at interval ends), then every position below maintenance is liquidated.
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
  accrueFunding(state, events);
  liquidateUnderwater(state, seam, events);
}
