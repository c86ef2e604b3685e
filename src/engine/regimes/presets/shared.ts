/**
 * Parameters several presets share: assumptions held equal across regimes so that a comparison shows the
 * effect of the rules that differ, and the "no margin financing" block. Their provenance is in
 * shared.provenance.ts.
 */
import type { MarginFinancingRules } from '../../margin/financing-rules.ts';
import type { FundingRules } from '../../perp/rules.ts';
import type { RegimeExtras } from '../extras.ts';

/** Spot is the control case (guardrails §1E): the same fee everywhere. */
export const SPOT_TAKER_FEE_RATE = 0.001;

/** Perp fees where the regime publishes none: the offshore preset's, so fees do not drive the comparison. */
export const PERP_FEES = { takerFeeRate: 0.0005, makerFeeRate: 0.0002 };

/** Starting insurance fund per market, equal across regimes so its size does not drive differences. */
export const INSURANCE_FUND_START = 1_000_000;

/** The HK [DEFAULT] funding (guardrails §1C), reused as a stand-in where a regime's contract has no funding. */
export const HK_DEFAULT_FUNDING: FundingRules = {
  intervalHours: 8,
  interest: 0.0001,
  clamp: 0.0005,
  cap: 0.0035,
  priceSource: 'mark',
};

/** guardrails §1D [DEFAULT], illustrative: spread 20 bp without an affiliated market maker, 8 bp with one. */
export const MARKET_MAKER_SPREAD_BPS = { withoutAffiliated: 20, withAffiliated: 8 };

/**
 * A deep offshore book: 4 bp quoted, 2.4 bp with an affiliated market maker (the simulator's earlier liquidity
 * assumption; BTC and ETH perpetuals on the largest offshore venues quote tighter still).
 */
export const DEEP_BOOK_SPREAD_BPS = { withoutAffiliated: 4, withAffiliated: 2.4 };

/** Extras that do not apply unless a preset says otherwise. */
export const NO_EXTRAS: RegimeExtras = {
  maxLeverageByMarket: {},
  newAccountMaxLeverage: null,
  partialLiquidationCooldownSeconds: null,
  backstopEquityShareOfMaintenance: null,
  insuranceFundShareOfOpenInterest: null,
  clientPositionLimitNotional: null,
  professionalPortfolioMinUsd: null,
  financingExistingMarginClientsOnly: false,
  financingStopsAdvancesOnCall: false,
  marketMakerSpreadBps: MARKET_MAKER_SPREAD_BPS,
};

/** Margin financing for a regime whose venue lends nothing: no class may borrow, no asset lends value. */
export const NO_FINANCING: MarginFinancingRules = {
  eligibleClasses: [],
  collateral: {
    BTC: { eligible: false, haircut: 1 },
    ETH: { eligible: false, haircut: 1 },
    'other-crypto': { eligible: false, haircut: 1 },
    securities: { eligible: false, haircut: 1 },
  },
  callLtv: 0.5,
  liquidationLtv: 0.6,
  targetLtv: 0.5,
  curePeriodMinutes: 1440,
  hourlyInterestRate: 0,
  maxCryptoShareOfLendingValue: null,
  maxLoansToCapital: null,
  rehypothecationShare: 0,
};
