/**
 * The venue feed's minute (venue-feed.ts) against the per-market functions it stands for, bit for bit: depth
 * share, arbitrage on the gap (its power kept between minutes), basis and the minute's quote with its extremes.
 */
import { describe, expect, it } from 'vitest';
import {
  crowdingOf,
  decayGap,
  quotedBasis,
  stressedDepthShare,
  STRESS_WINDOW_MINUTES,
  TREND_WINDOW_MINUTES,
  type ImpactState,
} from '../market/impact-seam.ts';
import { extremesAt } from '../market/intra-minute.ts';
import { MARKET_INDEX } from '../perp/market.ts';
import { DEFAULT_RUN } from './config.ts';
import { createRun, indexSeries, type RunState, type Venue } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';
import { quoteMinute } from './venue-feed.ts';

/** The minute as the step took it before the feed: market by market, by name. */
function expectedMinute(run: RunState, venue: Venue, impact: ImpactState, minute: number) {
  const before = Math.max(0, minute - STRESS_WINDOW_MINUTES);
  const trendFrom = Math.max(0, minute - TREND_WINDOW_MINUTES);
  for (const id of venue.exchange.listed) {
    const series = indexSeries(run.path, id);
    impact.depthShare[MARKET_INDEX[id]] = stressedDepthShare(series[minute]!, series[before]!);
  }
  decayGap(impact, venue.liquidity, 1);
  const quotes: Record<string, number[]> = {};
  for (const id of venue.exchange.listed) {
    const series = indexSeries(run.path, id);
    const index = series[minute]!;
    impact.basis[MARKET_INDEX[id]] = quotedBasis(
      crowdingOf(venue.exchange, id),
      index / series[trendFrom]! - 1,
    );
    const { low, high } = extremesAt(run.intraMinute[id]!, minute, series[minute - 1]!, index);
    quotes[id] = [
      index,
      index * (1 + impact.gap[MARKET_INDEX[id]]! + impact.basis[MARKET_INDEX[id]]!),
      low,
      high,
    ];
  }
  return quotes;
}

/** A number's exact value as text (the shortest text that reads back to the same double), −0 told apart. */
const bits = (x: number) => (Object.is(x, -0) ? '-0' : String(x));
const bitsOf = (values: Float64Array) => Array.from(values, bits);

describe('the venue feed', () => {
  it.each([
    ['offshore-cex', true],
    ['hk-sfc-2026', true],
    ['offshore-cex', false],
  ] as const)(
    'quotes every minute as the per-market functions do, bit for bit (%s, per-path tables %s)',
    (regime, usesTables) => {
      const run = createRun({
        ...DEFAULT_RUN,
        regime,
        population: { ...DEFAULT_RUN.population, traders: 60 },
      });
      const venue = run.onshore;
      venue.feed.usesTables = usesTables; // without: as a path too long to keep is quoted
      let compared = 0;
      while (!isFinished(run)) {
        stepRun(run);
        const minute = run.minute + 1;
        if (minute > run.path.minutes) break;
        // Gaps as forced flow leaves them (different per market, some 0), so arbitrage has work to do.
        const start = structuredClone(venue.impact);
        if (minute % 3 !== 0) start.gap[MARKET_INDEX.BTC] = -0.02 - minute * 1e-6;
        start.gap[MARKET_INDEX.ETH] = minute % 5 === 0 ? 0 : 0.004;
        const expected = structuredClone(start);
        const expectedQuotes = expectedMinute(run, venue, expected, minute);
        const actual = structuredClone(start);
        quoteMinute(venue.feed, actual, venue.liquidity, minute);
        expect(bitsOf(actual.gap)).toEqual(bitsOf(expected.gap));
        expect(bitsOf(actual.basis)).toEqual(bitsOf(expected.basis));
        expect(bitsOf(actual.depthShare)).toEqual(bitsOf(expected.depthShare));
        for (const id of venue.exchange.listed) {
          const q = venue.quotes[id];
          expect([q.index, q.traded, q.low!, q.high!].map(bits)).toEqual(expectedQuotes[id]!.map(bits));
        }
        compared++;
      }
      expect(compared).toBe(run.path.minutes - 1);
    },
  );
});
