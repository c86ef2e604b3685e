/**
 * The margin-financing rules a regime sets for a broker lending to its clients (guardrails §1A, §1B, §2).
 * Presets with their sources live with the regimes; this file says what each parameter means and checks it.
 */
import { Refusal, above, atLeast, between, check, orNone } from '../validation/index.ts';
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

/** What the three LTV thresholds must satisfy together, in words (surfaces translate it by this text). */
export const LTV_ORDER = 'in the order target ≤ call < forced sale';

const FRACTION = between(0, 1);
const CALL_LTV = above(0, 1);
const SHARE_CAP = orNone(FRACTION);
const CURE_PERIOD = atLeast(0, { unit: 'minutes' });
const HOURLY_RATE = between(0, 0.01);
const MULTIPLE = orNone(above(0));

/** Throws a Refusal naming the first unusable parameter and what is allowed. */
export function validateFinancingRules(rules: MarginFinancingRules): void {
  validateRules(rules.collateral);
  // Above 0: a call at LTV 0 has no price (margin-call.ts refuses it mid-run).
  check('margin-call LTV', rules.callLtv, CALL_LTV);
  check('forced-sale LTV', rules.liquidationLtv, FRACTION);
  check('target LTV after a forced sale', rules.targetLtv, FRACTION);
  check('re-hypothecation share', rules.rehypothecationShare, FRACTION);
  check('crypto share of lending value', rules.maxCryptoShareOfLendingValue, SHARE_CAP);
  const { targetLtv, callLtv, liquidationLtv } = rules;
  if (!(targetLtv <= callLtv && callLtv < liquidationLtv))
    throw new Refusal('LTV thresholds', [targetLtv, callLtv, liquidationLtv], {
      kind: 'words',
      text: LTV_ORDER,
    });
  check('cure period', rules.curePeriodMinutes, CURE_PERIOD);
  check('hourly interest rate', rules.hourlyInterestRate, HOURLY_RATE);
  check('loans-to-capital multiple', rules.maxLoansToCapital, MULTIPLE);
}
