/**
 * US CFTC-regulated "perp-style" futures (guardrails §2; W45): Coinbase Derivatives' nano BTC and ETH
 * contracts for US retail through futures brokers, funding accrued hourly. Leverage was not found: the
 * guardrails [DEFAULT] of 10× follows Coinbase International (W46).
 */
import type { RegimeRules } from '../types.ts';
import {
  HK_DEFAULT_FUNDING,
  INSURANCE_FUND_START,
  NO_EXTRAS,
  NO_FINANCING,
  PERP_FEES,
  SPOT_TAKER_FEE_RATE,
} from './shared.ts';

/** The HK [DEFAULT] cap of 0.35% per 8 h, spread over hourly settlements. */
const HOURLY_CAP = 0.0035 / 8;

export const US_CFTC: RegimeRules = {
  id: 'us-cftc',
  title: 'US CFTC-regulated perpetual-style futures',
  shortTitle: 'US CFTC',
  description:
    'US retail traders reach perpetual-style BTC and ETH futures through regulated futures brokers, with funding accrued every hour. Losses beyond the margin remain the customer’s debt.',
  perp: {
    eligibleClasses: ['retail', 'professional'],
    maxLeverage: 10,
    marginModes: ['cross'],
    listsAlt: false,
    tiers: { BTC: [{ floor: 0, mmr: 0.05 }], ETH: [{ floor: 0, mmr: 0.05 }], ALT: [{ floor: 0, mmr: 0.05 }] },
    ...PERP_FEES,
    liquidationFeeRate: 0,
    partialLiquidation: null,
    markMethod: 'index-anchored',
    markEmaSeconds: 150,
    markBasisClamp: 0.005,
    funding: { ...HK_DEFAULT_FUNDING, intervalHours: 1, cap: HOURLY_CAP },
    lossAllocation: 'socialised',
    negativeBalanceProtection: false,
    insuranceFundStart: INSURANCE_FUND_START,
  },
  financing: NO_FINANCING,
  spot: { takerFeeRate: SPOT_TAKER_FEE_RATE },
  marketMaker: { affiliatedAllowed: true, safeguards: true },
  retailLeverageAppetite: 1,
  extras: NO_EXTRAS,
};
