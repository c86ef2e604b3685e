import { describe, expect, it } from 'vitest';
import { MARKET_INDEX } from '../perp/market.ts';
import { createImpactState, decayGap } from './impact-seam.ts';
import { BASE_LIQUIDITY } from './liquidity.ts';
import {
  gapHalfLife,
  MAX_GAP_HALF_LIFE_MINUTES,
  stressedDepthShare,
  venueDepthMultiplier,
} from './venue-depth.ts';

describe('venue books in a crash (guardrails §3: depth −98% on 10 Oct 2025)', () => {
  it('keeps almost all the book in calm minutes and 2% of it after a 10% move in 15 minutes', () => {
    expect(stressedDepthShare(100.3, 100)).toBeGreaterThan(0.95);
    expect(stressedDepthShare(90, 100)).toBeCloseTo(0.02, 12);
    expect(stressedDepthShare(110, 100)).toBeCloseTo(0.02, 12); // a rally thins the book as much
    expect(stressedDepthShare(97, 100)).toBeCloseTo(1 / (1 + 0.49 * 9), 12);
    expect(stressedDepthShare(60, 100)).toBe(0.02); // never below the deepest fall on record
  });

  it('lets arbitrage close a gap more slowly in a thin book, within an hour', () => {
    expect(gapHalfLife(5, 1)).toBe(5);
    expect(gapHalfLife(5, 0.25)).toBeCloseTo(10, 12);
    expect(gapHalfLife(5, 0.0001)).toBe(MAX_GAP_HALF_LIFE_MINUTES);
    const impact = createImpactState(1_000_000);
    impact.gap[MARKET_INDEX.BTC] = -0.04;
    impact.gap[MARKET_INDEX.ETH] = -0.04;
    impact.depthShare[MARKET_INDEX.ETH] = 0.25;
    decayGap(impact, BASE_LIQUIDITY, 5);
    expect(impact.gap[MARKET_INDEX.BTC]!).toBeCloseTo(-0.02, 12);
    expect(impact.gap[MARKET_INDEX.ETH]!).toBeCloseTo(-0.04 * Math.SQRT1_2, 12);
  });

  it('gives the offshore venue the deepest book and a custom rule set its base preset’s', () => {
    expect(venueDepthMultiplier('offshore-cex')).toBe(1);
    expect(venueDepthMultiplier('onchain-perp-dex')).toBeLessThan(1);
    expect(venueDepthMultiplier('custom', 'onchain-perp-dex')).toBe(venueDepthMultiplier('onchain-perp-dex'));
  });
});
