/**
 * Arbitrage on the spot gaps (decaySpotGap) asset by asset by name, its power kept between minutes: bit for bit
 * what a loop over every broker asset with a fresh power each minute gives.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BROKER_ASSETS, type BrokerAsset } from '../broker/broker-state.ts';
import { BASE_LIQUIDITY } from './liquidity.ts';
import { createSpotImpactState, decaySpotGap } from './spot-impact-seam.ts';

const looped = (gap: Record<BrokerAsset, number>, halfLife: number, minutes: number) => {
  const keep = Math.pow(0.5, minutes / halfLife);
  for (const asset of BROKER_ASSETS) gap[asset] *= keep;
};

const exactly = (gap: Record<BrokerAsset, number>) =>
  BROKER_ASSETS.map((asset) => (Object.is(gap[asset], -0) ? '-0' : String(gap[asset])));

describe('decaySpotGap', () => {
  it('decays every broker asset’s gap as a loop over the list does, a kept power or a fresh one', () => {
    const gaps = fc.tuple(
      ...BROKER_ASSETS.map(() =>
        fc.oneof(fc.constant(0), fc.constant(-0), fc.double({ min: -0.95, max: 0.5, noNaN: true })),
      ),
    );
    const minute = fc.record({
      halfLife: fc.constantFrom(5, 7.5, 5),
      minutes: fc.constantFrom(1, 2),
    });
    fc.assert(
      fc.property(gaps, fc.array(minute, { minLength: 1, maxLength: 6 }), (start, minutes) => {
        const impact = createSpotImpactState(1e6);
        for (const [k, asset] of BROKER_ASSETS.entries()) impact.gap[asset] = start[k]!;
        const expected = { ...impact.gap };
        for (const { halfLife, minutes: m } of minutes) {
          decaySpotGap(impact, { ...BASE_LIQUIDITY, gapHalfLifeMinutes: halfLife }, m);
          looped(expected, halfLife, m);
          expect(exactly(impact.gap)).toEqual(exactly(expected));
        }
      }),
    );
  });
});
