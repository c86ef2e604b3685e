/**
 * The perpetual-contract rules in force on a venue: the parameters a regime sets. Presets with their sources
 * live with the regimes; this file only says what each parameter means and checks that a set is usable.
 */
import type { TierSpec } from './tiers.ts';
import type { MarginMode } from './position.ts';
import type { AdlMethod } from './adl-ranking.ts';

export type InvestorClass = 'retail' | 'professional';
export type MarkMethod = 'index-anchored' | 'last-traded';
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
  /** Maintenance tiers per market, as published floors and rates. */
  tiers: { BTC: readonly TierSpec[]; ETH: readonly TierSpec[] };
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

/** Throws a RangeError naming the first unusable parameter and what is allowed. */
export function validatePerpRules(rules: PerpRules): void {
  const rate = (name: string, value: number, max = 1) => {
    if (!Number.isFinite(value) || value < 0 || value > max)
      throw new RangeError(`${name} must be between 0 and ${max} (got ${value})`);
  };
  if (!(rules.maxLeverage >= 1) || !Number.isFinite(rules.maxLeverage))
    throw new RangeError(`maximum leverage must be a number ≥ 1 (got ${rules.maxLeverage})`);
  if (rules.marginModes.length === 0)
    throw new RangeError('at least one margin mode must be allowed (got none)');
  rate('taker fee rate', rules.takerFeeRate, 0.1);
  rate('maker fee rate', rules.makerFeeRate, 0.1);
  rate('liquidation fee rate', rules.liquidationFeeRate, 0.5);
  rate('mark basis clamp', rules.markBasisClamp, 0.5);
  if (!(rules.markEmaSeconds > 0))
    throw new RangeError(`mark EMA seconds must be > 0 (got ${rules.markEmaSeconds})`);
  if (![1, 2, 4, 8].includes(rules.funding.intervalHours))
    throw new RangeError(`funding interval must be 1, 2, 4 or 8 hours (got ${rules.funding.intervalHours})`);
  rate('funding interest', Math.abs(rules.funding.interest), 0.1);
  rate('funding clamp', rules.funding.clamp, 0.1);
  if (rules.funding.cap !== null) rate('funding cap', rules.funding.cap, 1);
  if (rules.partialLiquidation) {
    const { sliceFraction, minNotional } = rules.partialLiquidation;
    if (!(sliceFraction > 0 && sliceFraction <= 1))
      throw new RangeError(`partial liquidation slice must be in (0, 1] (got ${sliceFraction})`);
    if (!(minNotional >= 0))
      throw new RangeError(`partial liquidation minimum notional must be ≥ 0 (got ${minNotional})`);
  }
  if (!(rules.insuranceFundStart >= 0) || !Number.isFinite(rules.insuranceFundStart))
    throw new RangeError(`insurance fund at start must be ≥ 0 (got ${rules.insuranceFundStart})`);
}
