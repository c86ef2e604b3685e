/**
 * Hong Kong SFC guardrails of 11 Feb 2026 (guardrails.md §1): perpetual contracts on licensed platforms for
 * professional investors only, and VA margin financing by brokers under circular 26EC5, "Circular" reading
 * (BTC/ETH count at a 60% haircut). Where the public record gives no number, the guardrails [DEFAULT] is used
 * and labelled an assumption.
 */
import type { RegimeRules } from '../types.ts';
import {
  HK_DEFAULT_FUNDING,
  INSURANCE_FUND_START,
  MARKET_MAKER_SPREAD_BPS,
  PERP_FEES,
  SPOT_TAKER_FEE_RATE,
} from './shared.ts';

/** HK best lending rate, % a year: not in the sources, used for W21's "Prime + 4%". */
const HK_PRIME = 0.0525;
const HOURS_PER_YEAR = 365 * 24;
/**
 * The [DEFAULT] names no liquidation fee: the offshore preset's 0.5% clearance fee, held equal so the fee does
 * not drive the comparison. It must sit below the 5% maintenance rate, or no slice could restore maintenance.
 */
const HK_LIQUIDATION_FEE_RATE = 0.005;

export const HK_SFC_2026: RegimeRules = {
  id: 'hk-sfc-2026',
  title: 'Hong Kong SFC 2026 guardrails',
  shortTitle: 'HK SFC 2026',
  description:
    'Perpetual contracts on SFC-licensed platforms for professional investors only, pre-funded, with losses limited to the margin posted. Brokers may lend against securities and against BTC and ETH at a haircut of at least 60%, without re-using the crypto.',
  perp: {
    eligibleClasses: ['professional'],
    maxLeverage: 10,
    marginModes: ['isolated', 'cross'],
    listsAlt: false,
    tiers: {
      BTC: [{ floor: 0, mmr: 0.05 }],
      ETH: [{ floor: 0, mmr: 0.05 }],
      ALT: [{ floor: 0, mmr: 0.05 }],
    },
    ...PERP_FEES,
    liquidationFeeRate: HK_LIQUIDATION_FEE_RATE,
    partialLiquidation: { sliceFraction: 0.2, minNotional: 100_000 },
    markMethod: 'index-anchored',
    markEmaSeconds: 150,
    markBasisClamp: 0.005,
    funding: HK_DEFAULT_FUNDING,
    lossAllocation: 'binance',
    negativeBalanceProtection: true,
    insuranceFundStart: INSURANCE_FUND_START,
  },
  financing: {
    eligibleClasses: ['retail', 'professional'],
    collateral: {
      BTC: { eligible: true, haircut: 0.6 },
      ETH: { eligible: true, haircut: 0.6 },
      'other-crypto': { eligible: false, haircut: 1 },
      securities: { eligible: true, haircut: 0.4 },
    },
    callLtv: 0.4,
    liquidationLtv: 0.6,
    targetLtv: 0.4,
    curePeriodMinutes: 24 * 60,
    hourlyInterestRate: (HK_PRIME + 0.04) / HOURS_PER_YEAR,
    maxCryptoShareOfLendingValue: 0.5,
    maxLoansToCapital: 5,
    rehypothecationShare: 0,
  },
  spot: { takerFeeRate: SPOT_TAKER_FEE_RATE },
  marketMaker: { affiliatedAllowed: true, safeguards: true },
  retailLeverageAppetite: 1,
  extras: {
    maxLeverageByMarket: {},
    newAccountMaxLeverage: null,
    partialLiquidationCooldownSeconds: 30,
    backstopEquityShareOfMaintenance: null,
    insuranceFundShareOfOpenInterest: 0.01,
    clientPositionLimitNotional: null,
    // HK$8m at the 7.80 HKD/USD peg
    professionalPortfolioMinUsd: Math.round(8_000_000 / 7.8),
    financingExistingMarginClientsOnly: true,
    financingStopsAdvancesOnCall: true,
    marketMakerSpreadBps: MARKET_MAKER_SPREAD_BPS,
  },
};
