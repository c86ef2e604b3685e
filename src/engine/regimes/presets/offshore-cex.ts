/**
 * An offshore centralised exchange in the style of Binance USDⓈ-M futures and Binance margin (guardrails §2;
 * mechanics B-LIQ, B-FUND, B-ADL, B-MGN). Venue parameters change over time: the tier table is the 2021
 * BTCUSDT one used by the mechanics test vectors.
 */
import type { RegimeRules } from '../types.ts';
import { BINANCE_ALT_50X_2021, BINANCE_BTCUSDT_2021 } from '../../perp/tiers.ts';
import { INSURANCE_FUND_START, DEEP_BOOK_SPREAD_BPS, SPOT_TAKER_FEE_RATE } from './shared.ts';

/** B-CAP: capped funding rate = ±k·MMR with k = 0.75, on the first bracket's 0.4% (W30). */
const FUNDING_CAP = 0.75 * 0.004;
/** B-MGN, 3× cross margin: margin call at margin level 1.3, liquidation at 1.1 (margin level = 1 / LTV). */
const CALL_MARGIN_LEVEL = 1.3;
const LIQUIDATION_MARGIN_LEVEL = 1.1;
/** 3× cross margin: a loan of at most 2 per 1 of equity, so lending value is ⅔ of collateral value. */
const CROSS_3X_HAIRCUT = 1 / 3;

export const OFFSHORE_CEX: RegimeRules = {
  id: 'offshore-cex',
  title: 'Offshore exchange (Binance-style)',
  shortTitle: 'Offshore CEX',
  description:
    'A large offshore exchange open to retail traders worldwide: up to 125× on BTC with a 0.4% maintenance rate and 50× on the ALT altcoin, partial liquidation, an insurance fund and auto-deleveraging. Crypto margin loans at 3× with no limit on re-using client collateral and an in-house market maker without separation rules.',
  perp: {
    eligibleClasses: ['retail', 'professional'],
    maxLeverage: 125,
    marginModes: ['isolated', 'cross'],
    listsAlt: true,
    // copies: freezing the preset must not freeze the perp module's own table
    tiers: {
      BTC: BINANCE_BTCUSDT_2021.map((t) => ({ ...t })),
      ETH: BINANCE_BTCUSDT_2021.map((t) => ({ ...t })),
      ALT: BINANCE_ALT_50X_2021.map((t) => ({ ...t })),
    },
    takerFeeRate: 0.0005,
    makerFeeRate: 0.0002,
    liquidationFeeRate: 0.005,
    partialLiquidation: { sliceFraction: 0.5, minNotional: 50_000 },
    markMethod: 'index-anchored',
    markEmaSeconds: 30,
    markBasisClamp: 0.005,
    funding: { intervalHours: 8, interest: 0.0001, clamp: 0.0005, cap: FUNDING_CAP, priceSource: 'mark' },
    lossAllocation: 'binance',
    negativeBalanceProtection: true,
    insuranceFundStart: INSURANCE_FUND_START,
  },
  financing: {
    eligibleClasses: ['retail', 'professional'],
    collateral: {
      BTC: { eligible: true, haircut: CROSS_3X_HAIRCUT },
      ETH: { eligible: true, haircut: CROSS_3X_HAIRCUT },
      'other-crypto': { eligible: true, haircut: CROSS_3X_HAIRCUT },
      securities: { eligible: false, haircut: 1 },
    },
    callLtv: 1 / CALL_MARGIN_LEVEL,
    liquidationLtv: 1 / LIQUIDATION_MARGIN_LEVEL,
    targetLtv: 1 / 1.5,
    curePeriodMinutes: 30 * 24 * 60,
    hourlyInterestRate: 0.00001,
    maxCryptoShareOfLendingValue: null,
    maxLoansToCapital: null,
    rehypothecationShare: 1,
  },
  spot: { takerFeeRate: SPOT_TAKER_FEE_RATE },
  marketMaker: { affiliatedAllowed: true, safeguards: false },
  retailLeverageAppetite: 2,
  extras: {
    maxLeverageByMarket: { ALT: 50 },
    newAccountMaxLeverage: 20,
    partialLiquidationCooldownSeconds: null,
    backstopEquityShareOfMaintenance: null,
    insuranceFundShareOfOpenInterest: null,
    clientPositionLimitNotional: null,
    professionalPortfolioMinUsd: null,
    financingExistingMarginClientsOnly: false,
    financingStopsAdvancesOnCall: true,
    marketMakerSpreadBps: DEEP_BOOK_SPREAD_BPS,
  },
};
