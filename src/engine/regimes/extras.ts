/**
 * Guardrails a regime sets that the engine's rule types (PerpRules, MarginFinancingRules) have no field for.
 * Each is a published rule or a guardrails.md [DEFAULT] that a later engine step can act on; until then they
 * are shown with their provenance like every other parameter.
 */
import type { MarketId } from '../perp/market.ts';
import type { Regime } from './types.ts';

export interface RegimeExtras {
  /** Lower leverage caps for single markets (Hyperliquid: BTC 40×, ETH 25×, W39); missing = perp.maxLeverage. */
  maxLeverageByMarket: Readonly<Partial<Record<MarketId, number>>>;
  /** Cap for accounts younger than 60 days (Binance: 20×, W31), or null for none. */
  newAccountMaxLeverage: number | null;
  /** Pause between partial-liquidation slices (Hyperliquid: 30 s, W42), or null for none. */
  partialLiquidationCooldownSeconds: number | null;
  /** Backstop takeover when equity falls below this share of maintenance margin (Hyperliquid: ⅔, W38). */
  backstopEquityShareOfMaintenance: number | null;
  /** Insurance fund at start as a share of open interest (SFC [DEFAULT]: 1%); null: perp.insuranceFundStart. */
  insuranceFundShareOfOpenInterest: number | null;
  /** Largest notional one client may hold per market (quote currency), or null for no limit. */
  clientPositionLimitNotional: number | null;
  /** Smallest portfolio of a professional investor in USD (HK: HK$8m, W23), or null where unused. */
  professionalPortfolioMinUsd: number | null;
  /** Margin loans only for the broker's existing securities-margin clients (26EC5 as read by W4). */
  financingExistingMarginClientsOnly: boolean;
  /** A client with an outstanding margin call gets no further advances (W20; W15 "stopping further advances"). */
  financingStopsAdvancesOnCall: boolean;
  /** Quoted spread without and with an affiliated market maker, in basis points (guardrails §1D [DEFAULT]). */
  marketMakerSpreadBps: { withoutAffiliated: number; withAffiliated: number };
}

/** The leverage cap on one market: the regime's cap, lowered by a per-market cap where there is one. */
export function effectiveMaxLeverage(regime: Pick<Regime, 'perp' | 'extras'>, market: MarketId): number {
  const own = regime.extras.maxLeverageByMarket[market];
  return own === undefined ? regime.perp.maxLeverage : Math.min(own, regime.perp.maxLeverage);
}

function nullOr(name: string, value: number | null, ok: (v: number) => boolean, allowed: string): void {
  if (value !== null && !(Number.isFinite(value) && ok(value)))
    throw new RangeError(`${name} must be ${allowed} or none (got ${value})`);
}

function flag(name: string, value: unknown): void {
  if (typeof value !== 'boolean')
    throw new RangeError(`${name} must be true or false (got ${String(value)})`);
}

/** Throws a RangeError naming the first unusable extra and what is allowed. */
export function validateExtras(extras: RegimeExtras): void {
  for (const [market, cap] of Object.entries(extras.maxLeverageByMarket)) {
    if (market !== 'BTC' && market !== 'ETH')
      throw new RangeError(`per-market leverage caps apply to BTC or ETH (got ${market})`);
    if (!(typeof cap === 'number' && Number.isFinite(cap) && cap >= 1))
      throw new RangeError(`${market} maximum leverage must be a number ≥ 1 (got ${String(cap)})`);
  }
  nullOr('new-account maximum leverage', extras.newAccountMaxLeverage, (v) => v >= 1, 'a number ≥ 1');
  nullOr('partial-liquidation cool-down', extras.partialLiquidationCooldownSeconds, (v) => v >= 0, '≥ 0 s');
  nullOr(
    'backstop share of maintenance margin',
    extras.backstopEquityShareOfMaintenance,
    (v) => v > 0 && v <= 1,
    'in (0, 1]',
  );
  nullOr(
    'insurance fund share of open interest',
    extras.insuranceFundShareOfOpenInterest,
    (v) => v >= 0 && v <= 1,
    'between 0 and 1',
  );
  nullOr('client position limit', extras.clientPositionLimitNotional, (v) => v > 0, '> 0');
  nullOr('professional-investor portfolio minimum', extras.professionalPortfolioMinUsd, (v) => v >= 0, '≥ 0');
  flag('financing for existing margin clients only', extras.financingExistingMarginClientsOnly);
  flag('no further advances under a margin call', extras.financingStopsAdvancesOnCall);
  const { withoutAffiliated, withAffiliated } = extras.marketMakerSpreadBps;
  for (const [name, bps] of [
    ['spread without', withoutAffiliated],
    ['spread with', withAffiliated],
  ] as const)
    if (!(Number.isFinite(bps) && bps >= 0 && bps <= 10_000))
      throw new RangeError(`${name} an affiliated market maker must be between 0 and 10,000 bp (got ${bps})`);
}
