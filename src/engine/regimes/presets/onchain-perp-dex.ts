/**
 * An on-chain perpetuals exchange in the style of Hyperliquid (guardrails §2, W38–W42; mechanics HL-*):
 * permissionless, hourly funding on the oracle price, partial liquidations, a liquidator vault and ADL.
 */
import type { RegimeRules } from '../types.ts';
import { INSURANCE_FUND_START, DEEP_BOOK_SPREAD_BPS, NO_FINANCING, SPOT_TAKER_FEE_RATE } from './shared.ts';

/** HL-margin-tiers: maintenance rate = half the initial margin at the tier's maximum leverage. */
const mmrAt = (maxLeverage: number) => 1 / maxLeverage / 2;

export const ONCHAIN_PERP_DEX: RegimeRules = {
  id: 'onchain-perp-dex',
  title: 'On-chain perpetuals exchange (Hyperliquid-style)',
  shortTitle: 'On-chain DEX',
  description:
    'A permissionless on-chain exchange: anyone with a wallet can trade BTC at up to 40×, ETH at 25× and the ALT altcoin at 20×, with hourly funding on the oracle price. Large positions are liquidated in 20% slices; a liquidator vault and auto-deleveraging absorb what margin cannot.',
  perp: {
    eligibleClasses: ['retail', 'professional'],
    maxLeverage: 40,
    marginModes: ['isolated', 'cross'],
    listsAlt: true,
    tiers: {
      // vector 12: 40× up to US$150m, 20× above
      BTC: [
        { floor: 0, mmr: mmrAt(40) },
        { floor: 150_000_000, mmr: mmrAt(20) },
      ],
      // 25× up to US$100m, 15× above
      ETH: [
        { floor: 0, mmr: mmrAt(25) },
        { floor: 100_000_000, mmr: mmrAt(15) },
      ],
      // SOL's row of the same page: 20× up to US$70m, 10× above
      ALT: [
        { floor: 0, mmr: mmrAt(20) },
        { floor: 70_000_000, mmr: mmrAt(10) },
      ],
    },
    takerFeeRate: 0.00045,
    makerFeeRate: 0.00015,
    liquidationFeeRate: 0,
    partialLiquidation: { sliceFraction: 0.2, minNotional: 100_000 },
    markMethod: 'median-of-three',
    markEmaSeconds: 150,
    markBasisClamp: 0.005,
    funding: { intervalHours: 1, interest: 0.0001, clamp: 0.0005, cap: 0.04, priceSource: 'index' },
    lossAllocation: 'hyperliquid',
    negativeBalanceProtection: true,
    insuranceFundStart: INSURANCE_FUND_START,
  },
  financing: NO_FINANCING,
  spot: { takerFeeRate: SPOT_TAKER_FEE_RATE },
  marketMaker: { affiliatedAllowed: true, safeguards: false },
  retailLeverageAppetite: 2,
  extras: {
    maxLeverageByMarket: { BTC: 40, ETH: 25, ALT: 20 },
    newAccountMaxLeverage: null,
    partialLiquidationCooldownSeconds: 30,
    backstopEquityShareOfMaintenance: 2 / 3,
    insuranceFundShareOfOpenInterest: null,
    clientPositionLimitNotional: null,
    professionalPortfolioMinUsd: null,
    financingExistingMarginClientsOnly: false,
    financingStopsAdvancesOnCall: false,
    marketMakerSpreadBps: DEEP_BOOK_SPREAD_BPS,
  },
};
