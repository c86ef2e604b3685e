/**
 * The perpetual-contract rules in force on a venue: the parameters a regime sets. Presets with their sources
 * live with the regimes; this file only says what each parameter means and checks that a set is usable.
 */
import type { TierSpec } from './tiers.ts';
import type { MarginMode } from './position.ts';
import type { AdlMethod } from './adl-ranking.ts';
import type { MarkPriceMethod } from './mark-price.ts';
import { CORE_MARKETS, MARKET_IDS, type MarketId } from './market.ts';
import {
  above,
  atLeast,
  between,
  check,
  described,
  flag,
  isPlainRecord,
  listOf,
  oneOf,
  orNone,
} from '../validation/index.ts';
import { MAX_INSURANCE_FUND_START, MIN_PARTIAL_NOTIONAL, MIN_SLICE_FRACTION } from '../validation/bounds.ts';

export type InvestorClass = 'retail' | 'professional';
export type MarkMethod = MarkPriceMethod;
/** What absorbs a loss beyond the bankruptcy price when the insurance fund cannot. */
export type LossAllocation = AdlMethod | 'socialised';

export interface FundingRules {
  /** 1, 2, 4 or 8 hours between settlements. */
  intervalHours: number;
  /** Interest component, per 8 hours (B-FUND: 0.01%). */
  interest: number;
  /** Clamp on (interest − premium), per 8 hours (B-FUND: 0.05%). */
  clamp: number;
  /** Cap on the rate of one interval, or null for none. */
  cap: number | null;
  /** The price funding payments are computed on (B-FUND: mark; HL-funding: oracle/index). */
  priceSource: 'mark' | 'index';
}

export interface PartialLiquidationRules {
  /** Share of the position sent to the market per slice (HL-liquidations: 20%). */
  sliceFraction: number;
  /** Positions with a notional below this are liquidated whole. */
  minNotional: number;
}

export interface PerpRules {
  /** Investor classes allowed to open perpetual positions (SFC framework P1: professional only). */
  eligibleClasses: readonly InvestorClass[];
  maxLeverage: number;
  marginModes: readonly MarginMode[];
  /**
   * Whether the venue lists the ALT perpetual besides BTC and ETH (SFC framework P3, W9: BTC and ETH only at
   * first). An unlisted market is quoted but refuses orders.
   */
  listsAlt: boolean;
  /** Maintenance tiers per market, as published floors and rates (an unlisted market's apply if it is listed). */
  tiers: Record<MarketId, readonly TierSpec[]>;
  takerFeeRate: number;
  makerFeeRate: number;
  /** Clearance fee on the notional liquidated, paid to the insurance fund (B-LIQP). */
  liquidationFeeRate: number;
  partialLiquidation: PartialLiquidationRules | null;
  markMethod: MarkMethod;
  /** Index-anchored mark: time constant of the basis EMA (seconds) and its clamp (fraction of index). */
  markEmaSeconds: number;
  markBasisClamp: number;
  funding: FundingRules;
  lossAllocation: LossAllocation;
  /** On: a trader can never lose more than the margin posted (SFC framework P5). */
  negativeBalanceProtection: boolean;
  /** Insurance fund per market at the start of a run (quote currency). */
  insuranceFundStart: number;
}

export const MARGIN_MODES: readonly MarginMode[] = ['isolated', 'cross'];
export const FUNDING_INTERVAL_HOURS: readonly number[] = [1, 2, 4, 8];

const LEVERAGE = atLeast(1);
const MODES = listOf(oneOf(MARGIN_MODES), { minLength: 1, distinct: true });
const FEE_RATE = between(0, 0.1);
const HALF = between(0, 0.5);
const POSITIVE = above(0);
const INTERVAL = oneOf(FUNDING_INTERVAL_HOURS, 'hours');
const FUNDING_INTEREST = between(-0.1, 0.1);
const FUNDING_CAP = orNone(between(0, 1));
const PARTIAL = orNone(described('an object with sliceFraction and minNotional', isPlainRecord));
const SLICE = between(MIN_SLICE_FRACTION, 1, { scale: 'percent' });
const FUND_START = between(0, MAX_INSURANCE_FUND_START, { unit: 'USD' });
const PARTIAL_NOTIONAL = atLeast(MIN_PARTIAL_NOTIONAL, { unit: 'USD' });

/** Throws a Refusal naming the first unusable parameter and what is allowed. */
export function validatePerpRules(rules: PerpRules): void {
  check('maximum leverage', rules.maxLeverage, LEVERAGE);
  check('ALT perpetual listed', rules.listsAlt, flag);
  check('margin modes', rules.marginModes, MODES);
  check('taker fee rate', rules.takerFeeRate, FEE_RATE);
  check('maker fee rate', rules.makerFeeRate, FEE_RATE);
  check('liquidation fee rate', rules.liquidationFeeRate, HALF);
  check('mark basis clamp', rules.markBasisClamp, HALF);
  check('mark EMA seconds', rules.markEmaSeconds, POSITIVE);
  check('funding interval', rules.funding.intervalHours, INTERVAL);
  check('funding interest', rules.funding.interest, FUNDING_INTEREST);
  check('funding clamp', rules.funding.clamp, FEE_RATE);
  check('funding cap', rules.funding.cap, FUNDING_CAP);
  const partial = check('partial liquidation', rules.partialLiquidation, PARTIAL);
  if (partial) {
    check('partial liquidation slice', partial.sliceFraction, SLICE);
    check('partial liquidation minimum notional', partial.minNotional, PARTIAL_NOTIONAL);
  }
  check('insurance fund at start', rules.insuranceFundStart, FUND_START);
}

/** The markets a venue under these rules trades: BTC and ETH always, ALT where listed. */
export function listedMarkets(rules: Pick<PerpRules, 'listsAlt'>): readonly MarketId[] {
  return rules.listsAlt ? MARKET_IDS : CORE_MARKETS;
}
