/**
 * Funding on its schedule (mechanics §1.11): every step adds a premium sample, (traded − index)/index, to the
 * interval's time-weighted average; at the end of each interval the rate is computed, the market's cumulative
 * funding index moves by price × rate, and every position settles it lazily (O(1) each, funding.ts). Payments
 * are zero-sum because long and short open interest are equal (§4 item 3).
 */
import type { PerpEvent } from './events.ts';
import type { ExchangeState } from './exchange.ts';
import { accrueFundingIndex, fundingRate } from './funding.ts';
import { MARKET_IDS } from './market.ts';
import { addPremiumSample, averagePremium, emptyPremiumAverager } from './premium.ts';

export function accrueFunding(state: ExchangeState, events: PerpEvent[]): void {
  const { funding } = state.rules;
  const intervalSteps = Math.max(1, Math.round((funding.intervalHours * 3600) / state.stepSeconds));
  for (const id of MARKET_IDS) {
    const market = state.markets[id];
    const premium = (market.tradedPrice - market.indexPrice) / market.indexPrice;
    market.premium = addPremiumSample(market.premium, premium, state.stepSeconds);
    if (state.step % intervalSteps !== 0) continue;
    const rate = fundingRate({
      premium: averagePremium(market.premium),
      interest: funding.interest,
      clamp: funding.clamp,
      ...(funding.cap === null ? {} : { cap: funding.cap }),
      intervalHours: funding.intervalHours,
    });
    const price = funding.priceSource === 'mark' ? market.markPrice : market.indexPrice;
    market.fundingIndex = accrueFundingIndex(market.fundingIndex, price, rate);
    market.lastFundingRate = rate;
    market.premium = emptyPremiumAverager();
    events.push({
      type: 'funding',
      step: state.step,
      market: id,
      rate,
      price,
      paidByLongs: market.longOpenInterest * price * rate,
    });
  }
}
