import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MARKET_IDS, MARKET_INDEX } from '../perp/market.ts';
import { createExchange } from '../perp/exchange.ts';
import { testRules } from '../perp/test-support.ts';
import {
  BOOK_THICKENING,
  bookWalk,
  createImpactState,
  CROWDING_PREMIUM,
  decayGap,
  impactSeam,
  quotedBasis,
  TREND_PREMIUM,
} from './impact-seam.ts';
import { BASE_LIQUIDITY, effectiveLiquidity } from './liquidity.ts';

const venue = () => createExchange(testRules(), { BTC: 50_000, ETH: 2_500, ALT: 100 });
const noMaker = { affiliated: false, safeguards: true };
/**
 * The distance an order walks from the index when the book at distance d holds (1 + d / BOOK_THICKENING) times
 * its near-index depth: ∫(1 + x/c) dx = flat-book move u gives d = c(√(1 + 2u/c) − 1).
 */
const walk = (flatMove: number) => BOOK_THICKENING * (Math.sqrt(1 + (2 * flatMove) / BOOK_THICKENING) - 1);

describe('market impact of taker flow', () => {
  it('fills a sell below the traded price by half spread + half impact and leaves the price moved', () => {
    const state = venue();
    const impact = createImpactState(1_000_000); // 1m USD moves the price 1% in a flat book
    const seam = impactSeam(impact, BASE_LIQUIDITY, noMaker);
    const price = seam.fillPrice(state, 'BTC', 'short', 20, 'liquidation'); // 1m notional
    const move = walk(0.01); // 0.83%: the book thickens away from the index
    expect(move).toBeCloseTo(0.02 * (Math.SQRT2 - 1), 12);
    expect(price).toBeCloseTo(50_000 * (1 - 0.0002 - move / 2), 6);
    expect(impact.gap[MARKET_INDEX.BTC]!).toBeCloseTo(-move, 12);
    expect(state.markets.BTC.tradedPrice).toBeCloseTo(50_000 * (1 - move), 6);
    // The next forced order starts from the moved price: the cascade compounds.
    expect(seam.fillPrice(state, 'BTC', 'short', 20, 'liquidation')).toBeLessThan(price);
  });

  it('needs 3.5 times a flat book’s notional to push the price 10% below the index (assumption)', () => {
    const impact = createImpactState(1_000_000);
    const seam = impactSeam(impact, BASE_LIQUIDITY, noMaker);
    seam.fillPrice(venue(), 'BTC', 'short', (3.5 * 10 * 1_000_000) / 50_000, 'liquidation');
    expect(impact.gap[MARKET_INDEX.BTC]!).toBeCloseTo(-0.1, 12);
    // The next order starts where the last left the book: selling further takes more per percent.
    const before = impact.gap[MARKET_INDEX.BTC]!;
    seam.fillPrice(venue(), 'BTC', 'short', 20, 'liquidation');
    expect(before - impact.gap[MARKET_INDEX.BTC]!).toBeLessThan(walk(0.01));
  });

  it('lets arbitrage pull the gap back: half of it per half-life', () => {
    const impact = createImpactState(1_000_000);
    impact.gap[MARKET_INDEX.BTC] = -0.04;
    decayGap(impact, BASE_LIQUIDITY, BASE_LIQUIDITY.gapHalfLifeMinutes);
    expect(impact.gap[MARKET_INDEX.BTC]!).toBeCloseTo(-0.02, 12);
  });

  it('an affiliated market maker adds depth; the spread is the regime’s quoted one (guardrails §1D)', () => {
    const spreads = { withoutAffiliated: 20, withAffiliated: 8 };
    const withMaker = effectiveLiquidity(BASE_LIQUIDITY, { affiliated: true, safeguards: true }, spreads);
    const without = effectiveLiquidity(BASE_LIQUIDITY, noMaker, spreads);
    expect(withMaker.depthPerPercentPerDeposit).toBeGreaterThan(BASE_LIQUIDITY.depthPerPercentPerDeposit);
    expect(without.depthPerPercentPerDeposit).toBe(BASE_LIQUIDITY.depthPerPercentPerDeposit);
    expect(withMaker.halfSpread).toBeCloseTo(0.0004, 15); // 8 bp quoted
    expect(without.halfSpread).toBeCloseTo(0.001, 15); // 20 bp quoted
  });

  it('quotes impact bid and ask for the premium index without moving the price (B-FUND, B-IMN)', () => {
    const state = venue();
    const impact = createImpactState(1_000_000);
    const seam = impactSeam(impact, BASE_LIQUIDITY, noMaker);
    const { bid, ask } = seam.impactPrices(state, 'BTC', 100_000); // about 0.1% impact, half on the average
    const move = walk(0.001);
    expect(bid).toBeCloseTo(50_000 * (1 - 0.0002 - move / 2), 6);
    expect(ask).toBeCloseTo(50_000 * (1 + 0.0002 + move / 2), 6);
    expect(state.markets.BTC.tradedPrice).toBe(50_000);
    expect(impact.gap[MARKET_INDEX.BTC]!).toBe(0);
  });

  it('quotes the wider of the two walks, with a gap or without (one walk taken when there is none)', () => {
    const gaps = fc.oneof(fc.constant(0), fc.constant(-0), fc.double({ min: -0.95, max: 0.5, noNaN: true }));
    fc.assert(
      fc.property(
        gaps,
        fc.double({ min: 0.02, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1e8, noNaN: true }),
        fc.constantFrom(...MARKET_IDS),
        (gap, share, notional, market) => {
          const state = venue();
          const impact = createImpactState(1_000_000);
          impact.gap[MARKET_INDEX[market]] = gap;
          impact.depthShare[MARKET_INDEX[market]] = share;
          const move = Math.max(
            bookWalk(impact, market, -1, notional),
            bookWalk(impact, market, 1, notional),
          );
          const mid = state.markets[market].tradedPrice;
          const adverse = BASE_LIQUIDITY.halfSpread + move / 2;
          const quoted = impactSeam(impact, BASE_LIQUIDITY, noMaker).impactPrices(state, market, notional);
          expect(quoted).toEqual({ bid: mid * (1 - adverse), ask: mid * (1 + adverse) });
        },
      ),
    );
  });

  it('leans the book with crowding and the trend (assumption)', () => {
    expect(quotedBasis(1, 0)).toBeCloseTo(CROWDING_PREMIUM, 15);
    expect(quotedBasis(0, -0.15)).toBeCloseTo(-0.15 * TREND_PREMIUM, 15);
    expect(quotedBasis(-0.5, 0.1)).toBeCloseTo(-0.5 * CROWDING_PREMIUM + 0.1 * TREND_PREMIUM, 15);
  });

  it('without safeguards it trades ahead of forced orders: worse fills, its gain reported; with them, none', () => {
    const fills = (safeguards: boolean) => {
      const state = venue();
      const impact = createImpactState(1_000_000);
      const seam = impactSeam(impact, BASE_LIQUIDITY, { affiliated: true, safeguards });
      const liquidation = seam.fillPrice(state, 'BTC', 'short', 20, 'liquidation');
      const voluntary = seam.fillPrice(venue(), 'BTC', 'short', 20, 'order');
      return { liquidation, voluntary, gain: impact.frontRunGain };
    };
    const guarded = fills(true);
    const unguarded = fills(false);
    expect(guarded.gain).toBe(0);
    expect(unguarded.liquidation).toBeLessThan(guarded.liquidation);
    expect(unguarded.gain).toBeCloseTo(20 * 50_000 * walk(0.01) * BASE_LIQUIDITY.frontRunShareOfImpact, 6);
    expect(unguarded.voluntary).toBe(guarded.voluntary); // only forced flow is traded ahead of
    expect(unguarded.voluntary).toBeCloseTo(50_000 * (1 - BASE_LIQUIDITY.halfSpread), 6); // and moves no price
  });

  it('refuses a depth that is not a positive number', () => {
    expect(() => createImpactState(0)).toThrow(
      'market depth in USD per 1% of price must be a number greater than 0 (got 0)',
    );
  });
});
