/**
 * Liquidity on a venue: how much notional it takes to move the traded price, the spread, and how fast
 * arbitrage pulls the traded price back to the index (model.md, "Forced flow moves prices").
 *
 * All three numbers are assumptions of this simulator, not published figures: depth is expressed relative to
 * the simulated population's capital so that a classroom of 200 traders and an analyst's 100,000 see the same
 * dynamics; the values were chosen so that a 10–15% fall with offshore leverage produces a visible cascade.
 */
export interface LiquiditySettings {
  /** Notional (USD) that moves the traded price by 1%, per USD of traders' total deposits. */
  depthPerPercentPerDeposit: number;
  /** Half the bid–ask spread, as a fraction of price. */
  halfSpread: number;
  /** Half-life of the gap between traded price and index, in minutes (arbitrage). */
  gapHalfLifeMinutes: number;
  /** Extra adverse fill on forced orders when a market maker trades ahead of them, as a fraction of the impact. */
  frontRunShareOfImpact: number;
}

export interface MarketMakerSwitches {
  /** An affiliated market maker quotes on the venue (SFC circular on affiliated market makers, W7). */
  affiliated: boolean;
  /** The SFC's safeguards on it (functional independence, no use of client flow). */
  safeguards: boolean;
}

/**
 * Assumption: liquidity providers' depth without an affiliated market maker. The spread is the regime's quoted
 * market-maker spread (extras.marketMakerSpreadBps), set by `effectiveLiquidity`; 4 bp here is only a default.
 */
export const BASE_LIQUIDITY: LiquiditySettings = {
  depthPerPercentPerDeposit: 0.1,
  halfSpread: 0.0002,
  gapHalfLifeMinutes: 5,
  frontRunShareOfImpact: 0.5,
};

/** Assumption: an affiliated market maker adds half again the depth. */
export const AFFILIATED_DEPTH_MULTIPLIER = 1.5;

/** Quoted spreads in basis points, without and with an affiliated market maker (guardrails §1D [DEFAULT]). */
export interface QuotedSpreads {
  withoutAffiliated: number;
  withAffiliated: number;
}

/**
 * The venue's liquidity: half the regime's quoted spread (with or without an affiliated market maker), and the
 * affiliated market maker's extra depth. Without `spreads` the base spread stands.
 */
export function effectiveLiquidity(
  base: LiquiditySettings,
  maker: MarketMakerSwitches,
  spreads?: QuotedSpreads,
): LiquiditySettings {
  const spreadBps = spreads && (maker.affiliated ? spreads.withAffiliated : spreads.withoutAffiliated);
  const halfSpread = spreadBps === undefined ? base.halfSpread : spreadBps / 2 / 10_000;
  return {
    ...base,
    depthPerPercentPerDeposit:
      base.depthPerPercentPerDeposit * (maker.affiliated ? AFFILIATED_DEPTH_MULTIPLIER : 1),
    halfSpread,
  };
}

/** Whether forced orders are traded ahead of: only an affiliated market maker without the safeguards can. */
export function frontRunsForcedFlow(maker: MarketMakerSwitches): boolean {
  return maker.affiliated && !maker.safeguards;
}
