/**
 * Hourly interest on a margin loan (mechanics §2, B-MGN; §4 item 12).
 *
 * B-MGN: interest accrues at the top of each hour on the outstanding principal (never on interest), and the
 * first partial hour counts as a full hour. So the hours charged are the clock hours the loan touches:
 * borrowed 13:20 and repaid 14:15 is charged for the 13:00 and 14:00 hours, 2 hours (vector 62), although
 * only 55 minutes passed (ceil of the elapsed time would give 1).
 *
 * Time is market time in minutes from the run's origin, which is a top of the hour; the engine has no clock.
 * Minute m lies in hour floor(m / 60). A top-of-hour accrual at minute m comes before a repayment at minute m.
 */
import { Refusal, atLeast, check, described } from '../validation/index.ts';
import { requireNonNegative } from './validate.ts';

const MINUTES_PER_HOUR = 60;

const MINUTE = described(
  'a finite number of minutes',
  (v): v is number => typeof v === 'number' && Number.isFinite(v),
);

function requireMinute(field: string, minute: number): number {
  return check(field, minute, MINUTE);
}

/** Tops of the hour in (fromMinute, toMinute]: the accruals a stepping simulation applies over that step. */
export function hourBoundariesCrossed(fromMinute: number, toMinute: number): number {
  // The checks and their rule calls only when an input would fail them: the broker asks every minute (issue 16).
  if (!(Number.isFinite(fromMinute) && Number.isFinite(toMinute) && toMinute >= fromMinute)) {
    requireMinute('from minute', fromMinute);
    requireMinute('to minute', toMinute);
    if (toMinute < fromMinute) throw new Refusal('to minute', toMinute, atLeast(fromMinute).allowed);
  }
  return Math.floor(toMinute / MINUTES_PER_HOUR) - Math.floor(fromMinute / MINUTES_PER_HOUR);
}

/** B-MGN: hours charged = 1 (the first, partial hour, charged on borrowing) + tops of the hour until repayment. */
export function chargedHours(borrowedAtMinute: number, repaidAtMinute: number): number {
  return 1 + hourBoundariesCrossed(borrowedAtMinute, repaidAtMinute);
}

/** One accrual: principal × hourly rate. */
export function hourlyInterest(principal: number, hourlyRate: number): number {
  requireNonNegative('principal', principal);
  requireNonNegative('hourly rate', hourlyRate);
  return principal * hourlyRate;
}

export interface LoanPeriod {
  principal: number;
  /** e.g. 0.00001 for 0.001% per hour */
  hourlyRate: number;
  borrowedAtMinute: number;
  repaidAtMinute: number;
}

/** B-MGN: Interest = Principal × HourlyRate × hours charged, for a principal unchanged over the period. */
export function interestForPeriod(loan: LoanPeriod): number {
  return (
    hourlyInterest(loan.principal, loan.hourlyRate) * chargedHours(loan.borrowedAtMinute, loan.repaidAtMinute)
  );
}

export interface LoanBalance {
  principal: number;
  /** accrued, unpaid interest */
  interest: number;
}

export interface RepaymentResult extends LoanBalance {
  interestPaid: number;
  principalPaid: number;
  /** the part of the payment larger than the whole debt, returned to the payer */
  excess: number;
}

/** B-MGN: "Repayment applies to interest first, then principal." */
export function applyRepayment(balance: LoanBalance, amount: number): RepaymentResult {
  requireNonNegative('principal', balance.principal);
  requireNonNegative('interest', balance.interest);
  requireNonNegative('repayment amount', amount);
  const interestPaid = Math.min(amount, balance.interest);
  const principalPaid = Math.min(amount - interestPaid, balance.principal);
  return {
    principal: balance.principal - principalPaid,
    interest: balance.interest - interestPaid,
    interestPaid,
    principalPaid,
    excess: amount - interestPaid - principalPaid,
  };
}
