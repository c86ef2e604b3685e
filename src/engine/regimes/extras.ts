/**
 * Guardrails a regime sets that the engine's rule types (PerpRules, MarginFinancingRules) have no field for.
 * Each is a published rule or a guardrails.md [DEFAULT] that a later engine step can act on; until then they
 * are shown with their provenance like every other parameter.
 */
import { MARKET_IDS, type MarketId } from '../perp/market.ts';
import {
  above,
  atLeast,
  between,
  check,
  described,
  flag,
  isPlainRecord,
  oneOf,
  orNone,
} from '../validation/index.ts';
import type { RegimeRules } from './types.ts';

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
export function effectiveMaxLeverage(regime: Pick<RegimeRules, 'perp' | 'extras'>, market: MarketId): number {
  const own = regime.extras.maxLeverageByMarket[market];
  return own === undefined ? regime.perp.maxLeverage : Math.min(own, regime.perp.maxLeverage);
}

const RECORD = described('an object', isPlainRecord);
const LEVERAGE = atLeast(1);
const PER_MARKET = oneOf(MARKET_IDS);
const NEW_ACCOUNT_LEVERAGE = orNone(LEVERAGE);
const COOL_DOWN = orNone(atLeast(0, { unit: 's' }));
const SHARE_ABOVE_0 = orNone(above(0, 1));
const SHARE = orNone(between(0, 1));
const POSITIVE = orNone(above(0));
const NON_NEGATIVE = orNone(atLeast(0));
const SPREAD_BPS = between(0, 10_000, { unit: 'bp' });

/** Throws a Refusal naming the first unusable extra and what is allowed. */
export function validateExtras(extras: RegimeExtras): void {
  check('per-market leverage caps', extras.maxLeverageByMarket, RECORD);
  for (const [market, cap] of Object.entries(extras.maxLeverageByMarket)) {
    check('market of a per-market leverage cap', market, PER_MARKET);
    check(`${market} maximum leverage`, cap, LEVERAGE);
  }
  check('new-account maximum leverage', extras.newAccountMaxLeverage, NEW_ACCOUNT_LEVERAGE);
  check('partial-liquidation cool-down', extras.partialLiquidationCooldownSeconds, COOL_DOWN);
  check('backstop share of maintenance margin', extras.backstopEquityShareOfMaintenance, SHARE_ABOVE_0);
  check('insurance fund share of open interest', extras.insuranceFundShareOfOpenInterest, SHARE);
  check('client position limit', extras.clientPositionLimitNotional, POSITIVE);
  check('professional-investor portfolio minimum', extras.professionalPortfolioMinUsd, NON_NEGATIVE);
  check('financing for existing margin clients only', extras.financingExistingMarginClientsOnly, flag);
  check('no further advances under a margin call', extras.financingStopsAdvancesOnCall, flag);
  check('market-maker spreads', extras.marketMakerSpreadBps, RECORD);
  const { withoutAffiliated, withAffiliated } = extras.marketMakerSpreadBps;
  check('spread without an affiliated market maker', withoutAffiliated, SPREAD_BPS);
  check('spread with an affiliated market maker', withAffiliated, SPREAD_BPS);
}
