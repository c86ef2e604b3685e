/**
 * The margin-financing rules a regime sets for a broker lending to its clients (guardrails §1A, §1B, §2).
 * Presets with their sources live with the regimes; this file says what each parameter means and checks it.
 */
import { validateRules, type CollateralRules } from './collateral.ts';
import type { InvestorClass } from '../perp/rules.ts';

export interface MarginFinancingRules {
  /** Whether this regime's brokers lend at all, and to which investor classes. */
  eligibleClasses: readonly InvestorClass[];
  /** Per-asset eligibility and haircut (SFC 26EC5, guardrails A5–A6: BTC/ETH only, haircut ≥ 60%). */
  collateral: CollateralRules;
  /** Margin call when LTV (debt ÷ collateral market value) exceeds this, or the loan exceeds lending value. */
  callLtv: number;
  /** Immediate forced sale at or above this LTV, without waiting for the cure period. */
  liquidationLtv: number;
  /** A forced sale sells collateral until LTV is back at this level (or sells everything). */
  targetLtv: number;
  /** Time a called client has to top up or reduce, in minutes of market time. */
  curePeriodMinutes: number;
  /** Interest per hour on principal, charged per clock hour touched (B-MGN). */
  hourlyInterestRate: number;
  /** Largest share of a client's lending value that may come from crypto collateral, or null for no cap. */
  maxCryptoShareOfLendingValue: number | null;
  /** Broker's total loans may not exceed this multiple of its capital (SMF Guidelines: 5×, guardrails B3). */
  maxLoansToCapital: number | null;
  /** Share of client crypto collateral the broker may re-use (re-hypothecate); 0 under 26EC5 (guardrails A7). */
  rehypothecationShare: number;
}

/** Throws a RangeError naming the first unusable parameter and what is allowed. */
export function validateFinancingRules(rules: MarginFinancingRules): void {
  validateRules(rules.collateral);
  const fraction = (name: string, value: number) => {
    if (!Number.isFinite(value) || value < 0 || value > 1)
      throw new RangeError(`${name} must be between 0% and 100% (got ${value * 100}%)`);
  };
  fraction('margin-call LTV', rules.callLtv);
  fraction('forced-sale LTV', rules.liquidationLtv);
  fraction('target LTV after a forced sale', rules.targetLtv);
  fraction('re-hypothecation share', rules.rehypothecationShare);
  if (rules.maxCryptoShareOfLendingValue !== null)
    fraction('crypto share of lending value', rules.maxCryptoShareOfLendingValue);
  if (!(rules.targetLtv <= rules.callLtv && rules.callLtv < rules.liquidationLtv))
    throw new RangeError(
      `LTV thresholds must satisfy target ≤ call < forced sale (got ${rules.targetLtv}, ${rules.callLtv}, ${rules.liquidationLtv})`,
    );
  if (!(rules.curePeriodMinutes >= 0) || !Number.isFinite(rules.curePeriodMinutes))
    throw new RangeError(`cure period must be ≥ 0 minutes (got ${rules.curePeriodMinutes})`);
  if (!(rules.hourlyInterestRate >= 0) || rules.hourlyInterestRate > 0.01)
    throw new RangeError(
      `hourly interest rate must be between 0% and 1% (got ${rules.hourlyInterestRate * 100}%)`,
    );
  if (rules.maxLoansToCapital !== null && !(rules.maxLoansToCapital > 0))
    throw new RangeError(`loans-to-capital multiple must be > 0 (got ${rules.maxLoansToCapital})`);
}
