/**
 * A comparison judged over seeds, not one (issue 21): for runs of one regime on seeds s … s+N−1, the median
 * and the 10th and 90th percentiles of every summary figure. Pure, so the app's worker pool can use it too.
 */
import { summaryFigures } from './figure-paths.ts';
import type { RunSummary } from './summary.ts';

export interface Spread {
  p10: number;
  median: number;
  p90: number;
}

/**
 * The q-quantile of ascending values by linear interpolation between closest ranks (Hyndman–Fan type 7, the
 * default of R, NumPy and spreadsheets): position (n − 1)·q.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('a quantile needs at least one value');
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const low = sorted[below]!;
  return low + (sorted[above]! - low) * (position - below);
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { p10: quantile(sorted, 0.1), median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
}

/**
 * Every figure's spread over the summaries (one regime, several seeds). A figure some runs lack (an offshore
 * venue only some seeds' runs had) is judged over the runs that have it, and `runs` says how many.
 */
export function acrossSeeds(summaries: readonly RunSummary[]): Record<string, Spread & { runs: number }> {
  return acrossFigures(summaries.map(summaryFigures));
}

/**
 * As `acrossSeeds`, from each run's figures (`summaryFigures`) already read: a view that gets runs one by one
 * reads each run's figures once, not again at every update.
 */
export function acrossFigures(
  runs: readonly Record<string, number>[],
): Record<string, Spread & { runs: number }> {
  const values: Record<string, number[]> = {};
  for (const figures of runs)
    for (const [path, value] of Object.entries(figures)) (values[path] ??= []).push(value);
  const result: Record<string, Spread & { runs: number }> = {};
  for (const [path, list] of Object.entries(values)) result[path] = { ...spreadOf(list), runs: list.length };
  return result;
}
