/**
 * Funding on its schedule (mechanics §1.11): every step adds a sample of the published premium index, built from
 * the book's impact bid and ask for the impact margin notional against the index (B-FUND, B-IMN, HL-funding),
 * to the interval's time-weighted average. Settlements fall on the venue's clock hours, every `intervalHours`
 * from 00:00 UTC (B-FUND: 00:00, 08:00, 16:00; hourly venues every hour), not counted from the run's start; the
 * first average covers only the part of the interval the run saw. At a settlement the rate is computed, the
 * market's cumulative funding index moves by price × rate, and every position settles it lazily (O(1) each,
 * funding.ts). Payments are zero-sum because long and short open interest are equal (§4 item 3).
 */
import type { PerpEvent } from './events.ts';
import type { ExchangeState } from './exchange.ts';
import { accrueFundingIndex, fundingRate } from './funding.ts';
import type { MarketSeam } from './market-seam.ts';
import {
  accumulatePremium,
  averagePremium,
  emptyPremiumAverager,
  impactMarginNotional,
  premiumOf,
} from './premium.ts';

/**
 * The last two impact margin notionals taken and their maximum leverages (NaN: none yet, never equal): a
 * classroom run steps two venues in turn (Hong Kong's and the offshore one the leakage goes to), whose maximum
 * leverages differ, so one kept notional was taken again at every call.
 */
const lastNotional = { maxLeverage: NaN, notional: NaN, otherMaxLeverage: NaN, otherNotional: NaN };

/**
 * B-IMN: impact margin notional = 200 USDT / initial margin rate at the maximum leverage; taken again only when
 * the maximum leverage is neither of the last two (a venue's step asks every minute; the same input gives the
 * same bits).
 */
function impactNotionalAt(maxLeverage: number): number {
  const kept = lastNotional;
  if (maxLeverage === kept.maxLeverage) return kept.notional;
  if (maxLeverage === kept.otherMaxLeverage) return kept.otherNotional;
  kept.otherMaxLeverage = kept.maxLeverage;
  kept.otherNotional = kept.notional;
  kept.notional = impactMarginNotional(1 / maxLeverage);
  kept.maxLeverage = maxLeverage;
  return kept.notional;
}

export function accrueFunding(state: ExchangeState, seam: MarketSeam, events: PerpEvent[]): void {
  const { rules, stepSeconds } = state;
  const interval = rules.funding.intervalHours * 3600;
  const clock = state.venue.clockStartSecond + state.step * stepSeconds;
  // A settlement is due when this step crossed a multiple of the interval on the venue's UTC clock.
  const due = Math.floor(clock / interval) > Math.floor((clock - stepSeconds) / interval);
  const impactNotional = impactNotionalAt(rules.maxLeverage);
  // Listed markets only: an unlisted market has no positions to pay or receive funding.
  const listed = state.listed;
  const markets = state.listedMarkets;
  for (let j = 0; j < listed.length; j++) {
    const market = markets[j]!;
    // The impact bid and ask, as impactPrices gives them, without an object a minute and market.
    const mid = market.tradedPrice;
    const adverse = seam.impactSpread(state, listed[j]!, impactNotional);
    const premium = premiumOf(mid * (1 - adverse), mid * (1 + adverse), market.indexPrice);
    accumulatePremium(market.premium, premium, stepSeconds);
  }
  // Out of the sampling loop: a settlement falls on 3 (8-hourly) to 24 (hourly) of a day's 1,440 minutes.
  if (due) for (let j = 0; j < listed.length; j++) settleFunding(state, j, events);
}

/** A settlement of the market at position `j` of `state.listed`: the interval's rate moves its funding index. */
function settleFunding(state: ExchangeState, j: number, events: PerpEvent[]): void {
  const { funding } = state.rules;
  const id = state.listed[j]!;
  const market = state.listedMarkets[j]!;
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
