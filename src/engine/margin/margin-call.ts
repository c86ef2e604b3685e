/**
 * Which trigger a margin loan has crossed (guardrails §1A "What the simulator should do", §1B B5).
 *
 *   margin call  when LTV > call LTV                  (HK [DEFAULT] "margin call at LTV > 40%")
 *                or debt > lending value               (W21: debit balance exceeds the marginable value)
 *   forced sale  when LTV ≥ liquidation LTV           (HK [DEFAULT] "immediate forced sale at LTV ≥ 60%")
 * LTV is debt / collateral market value and haircut-LTV is debt / lending value (loan-to-value.ts).
 * A forced sale outranks a call: the call's cure period no longer protects the client.
 */
import { haircutLoanToValue, loanToValue } from './loan-to-value.ts';
import { Refusal, below } from '../validation/index.ts';
import { requireThreshold } from './validate.ts';

export type MarginStatus = 'ok' | 'margin-call' | 'forced-sale';

export type MarginTrigger = 'ltv-above-call' | 'loan-exceeds-lending-value' | 'ltv-at-liquidation';

export interface MarginCheckInput {
  /** principal + accrued interest */
  debt: number;
  collateralValue: number;
  lendingValue: number;
  callLtv: number;
  liquidationLtv: number;
}

export interface MarginCheck {
  status: MarginStatus;
  /** every trigger crossed, in the order listed in MarginTrigger */
  triggers: MarginTrigger[];
  ltv: number;
  haircutLtv: number;
}

export function checkMargin(input: MarginCheckInput): MarginCheck {
  requireThreshold('call LTV', input.callLtv);
  requireThreshold('liquidation LTV', input.liquidationLtv);
  if (input.callLtv >= input.liquidationLtv)
    throw new Refusal('call LTV', input.callLtv, below(input.liquidationLtv, 'the liquidation LTV').allowed);
  const ltv = loanToValue(input.debt, input.collateralValue);
  const haircutLtv = haircutLoanToValue(input.debt, input.lendingValue);
  const triggers: MarginTrigger[] = [];
  if (ltv > input.callLtv) triggers.push('ltv-above-call');
  if (haircutLtv > 1) triggers.push('loan-exceeds-lending-value');
  if (ltv >= input.liquidationLtv) triggers.push('ltv-at-liquidation');
  const status: MarginStatus = triggers.includes('ltv-at-liquidation')
    ? 'forced-sale'
    : triggers.length > 0
      ? 'margin-call'
      : 'ok';
  return { status, triggers, ltv, haircutLtv };
}
