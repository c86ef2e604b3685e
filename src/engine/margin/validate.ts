/**
 * Argument checks shared by the margin-financing calculators. Each throws a RangeError that names the field,
 * the value given and what is allowed (conventions: "haircut must be between 0 and 1 (got 1.2)").
 */

export function requireNonNegative(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${field} must be a finite number ≥ 0 (got ${value})`);
  return value;
}

export function requirePositive(field: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${field} must be a finite number > 0 (got ${value})`);
  return value;
}

/** A fraction in [0, 1], or in [0, 1) when `below1` (e.g. a target LTV: at 1 no sale can restore it). */
export function requireFraction(field: string, value: number, below1 = false): number {
  const ok = Number.isFinite(value) && value >= 0 && (below1 ? value < 1 : value <= 1);
  if (!ok)
    throw new RangeError(`${field} must be between 0 and 1${below1 ? ' (1 excluded)' : ''} (got ${value})`);
  return value;
}

/** A threshold in (0, 1]: an LTV trigger of 0 would fire on any debt, one above 1 only after insolvency. */
export function requireThreshold(field: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > 1)
    throw new RangeError(`${field} must be greater than 0 and at most 1 (got ${value})`);
  return value;
}
