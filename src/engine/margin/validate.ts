/**
 * Argument checks shared by the margin-financing calculators, on the project's validation layer: each throws a
 * Refusal (a RangeError) that names the field, the value given and what is allowed
 * ("haircut must be between 0 and 1 (got 1.2)"). The rules are built once: some of these run every step.
 */
import { above, atLeast, between, check } from '../validation/index.ts';

const NON_NEGATIVE = atLeast(0);
const POSITIVE = above(0);
const FRACTION = between(0, 1);
const FRACTION_BELOW_1 = between(0, 1, { maxExcluded: true });
const THRESHOLD = above(0, 1);

export function requireNonNegative(field: string, value: number): number {
  return check(field, value, NON_NEGATIVE);
}

export function requirePositive(field: string, value: number): number {
  return check(field, value, POSITIVE);
}

/** A fraction in [0, 1], or in [0, 1) when `below1` (e.g. a target LTV: at 1 no sale can restore it). */
export function requireFraction(field: string, value: number, below1 = false): number {
  return check(field, value, below1 ? FRACTION_BELOW_1 : FRACTION);
}

/** A threshold in (0, 1]: an LTV trigger of 0 would fire on any debt, one above 1 only after insolvency. */
export function requireThreshold(field: string, value: number): number {
  return check(field, value, THRESHOLD);
}
