/**
 * The values of a sweep, from → to in steps − 1 equal intervals, rounded to 12 significant digits (0.3, not
 * 0.30000000000000004). Its own module: the embeddable figure's page script uses it without the rule sets.
 */
export function sweepValues(from: number, to: number, steps: number): number[] {
  return Array.from({ length: steps }, (_, k) =>
    k === steps - 1 ? to : Number((from + ((to - from) * k) / (steps - 1)).toPrecision(12)),
  );
}
