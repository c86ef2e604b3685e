/**
 * The market model behind the broker's spot seam: client orders and forced sales of collateral trade against
 * finite depth around the price path, the same way perpetual flow does on the venue (impact-seam.ts). The gap
 * between fills and the path decays back through arbitrage. An affiliated market maker without the SFC's
 * safeguards trades ahead of forced sales too.
 */
import type { BrokerAsset, BrokerState } from '../broker/broker-state.ts';
import type { SpotSeam } from '../broker/spot-seam.ts';
import { frontRunsForcedFlow, type LiquiditySettings, type MarketMakerSwitches } from './liquidity.ts';
import { above, check } from '../validation/index.ts';
import { AssetNumbers } from './asset-numbers.ts';
import * as fdlibm from '../math/fdlibm.ts';

const DEPTH = above(0);

export interface SpotImpactState {
  gap: Record<BrokerAsset, number>;
  depthPerPercent: number;
  frontRunGain: number;
}

export function createSpotImpactState(depthPerPercent: number): SpotImpactState {
  check('spot market depth in USD per 1% of price', depthPerPercent, DEPTH);
  // The gaps with double fields (asset-numbers.ts): a literal's were tagged, a new heap number per write.
  return { gap: new AssetNumbers(0, 0, 0, 0), depthPerPercent, frontRunGain: 0 };
}

/**
 * Arbitrage on the spot gaps, every minute. Asset by asset by name (a number stored under a computed name is
 * boxed anew each time); a gap of 0 stays 0, so while every gap is 0 (no forced sale yet) the power is not
 * taken, and it is taken again only when its inputs change (the same inputs give the same bits).
 */
export function decaySpotGap(impact: SpotImpactState, liquidity: LiquiditySettings, minutes: number): void {
  const gap = impact.gap;
  if (gap.BTC === 0 && gap.ETH === 0 && gap['other-crypto'] === 0 && gap.securities === 0) return;
  const keep = spotKeep(minutes, liquidity.gapHalfLifeMinutes);
  gap.BTC *= keep;
  gap.ETH *= keep;
  gap['other-crypto'] *= keep;
  gap.securities *= keep;
}

/** The last factor taken and its inputs (NaN: none yet). */
const lastKeep = { minutes: NaN, halfLife: NaN, keep: 1 };

function spotKeep(minutes: number, halfLife: number): number {
  if (minutes !== lastKeep.minutes || halfLife !== lastKeep.halfLife) {
    lastKeep.keep = fdlibm.halfToThe(minutes / halfLife);
    lastKeep.minutes = minutes;
    lastKeep.halfLife = halfLife;
  }
  return lastKeep.keep;
}

const MAX_IMPACT = 0.5;

export function spotImpactSeam(
  impact: SpotImpactState,
  liquidity: LiquiditySettings,
  maker: MarketMakerSwitches,
): SpotSeam {
  const frontRun = frontRunsForcedFlow(maker);
  return {
    fillPrice(state: BrokerState, asset, side, qty, purpose) {
      const s = side === 'buy' ? 1 : -1;
      const price = state.prices[asset] * (1 + impact.gap[asset]);
      // Securities trade on a deep exchange of their own, and clients' own orders are worked patiently: only
      // forced sales of crypto move the price.
      const move =
        asset === 'securities' || purpose === 'order'
          ? 0
          : Math.min(MAX_IMPACT, (qty * price) / (impact.depthPerPercent * 100));
      let adverse = liquidity.halfSpread + move / 2;
      if (purpose === 'forced-sale' && frontRun) {
        adverse += move * liquidity.frontRunShareOfImpact;
        impact.frontRunGain += qty * price * move * liquidity.frontRunShareOfImpact;
      }
      impact.gap[asset] = Math.max(-0.95, impact.gap[asset] + s * move);
      return price * (1 + s * adverse);
    },
  };
}
