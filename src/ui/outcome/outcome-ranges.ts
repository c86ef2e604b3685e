/**
 * Each row of the outcome table over seeds: the figure it shows, read from `acrossSeeds` (engine/run/
 * across-seeds.ts, the command line's `compare --seeds` statistics) and never counted again here. Two rows show
 * a figure as the table words it, by an order-preserving map of one summary figure, under which a quantile
 * maps exactly (type 7 quantiles commute with monotone affine maps; a decreasing one swaps p10 and p90):
 * retail losses are −byClass.retail.pnl (a gain reads 0), the fund's drawdown is start − min (only when the
 * fund starts at the same size in every seed, else no range is claimed).
 */
import type { Spread } from '../../engine/run/across-seeds.ts';
import type { FigureSpreads } from '../../lib/seed-ranges.svelte.ts';

export type OutcomeRow =
  | 'liquidated'
  | 'lossesBeyond'
  | 'retailLosses'
  | 'adl'
  | 'fundDrawdown'
  | 'brokerShortfall'
  | 'dislocation'
  | 'refusedPerp';

/** The rows shown as one summary figure as it is. */
const PATHS: Partial<Record<OutcomeRow, string>> = {
  liquidated: 'liquidations.traders',
  lossesBeyond: 'lossesBeyondDeposits',
  adl: 'adl.count',
  brokerShortfall: 'brokerShortfall',
  dislocation: 'maxPriceDislocation',
  refusedPerp: 'refusedProducts.perp',
};

const spread = (s: Spread): Spread => ({ p10: s.p10, median: s.median, p90: s.p90 });

/** A row's median and 10th–90th percentile range over the seeds, or null where it has none. */
export function rowSpread(row: OutcomeRow, spreads: FigureSpreads): Spread | null {
  const path = PATHS[row];
  if (path) return spreads[path] ? spread(spreads[path]) : null;
  if (row === 'retailLosses') {
    const pnl = spreads['byClass.retail.pnl'];
    if (!pnl) return null;
    const loss = (v: number) => Math.max(0, -v);
    return { p10: loss(pnl.p90), median: loss(pnl.median), p90: loss(pnl.p10) };
  }
  const start = spreads['insuranceFund.start'];
  const min = spreads['insuranceFund.min'];
  if (!start || !min || start.p10 !== start.p90) return null;
  return { p10: start.median - min.p90, median: start.median - min.median, p90: start.median - min.p10 };
}

/**
 * How A's and B's ranges sit: apart (the difference holds over the middle 80% of seeds), overlapping (this
 * seed's difference may be luck), or the same single value in both.
 */
export type Verdict = 'apart' | 'overlap' | 'same';

export function verdict(a: Spread, b: Spread): Verdict {
  if (a.p10 === a.p90 && b.p10 === b.p90 && a.p10 === b.p10) return 'same';
  return a.p10 <= b.p90 && b.p10 <= a.p90 ? 'overlap' : 'apart';
}

export const OUTCOME_ROWS: readonly OutcomeRow[] = [
  'liquidated',
  'lossesBeyond',
  'retailLosses',
  'adl',
  'fundDrawdown',
  'brokerShortfall',
  'dislocation',
  'refusedPerp',
];

/** How many rows' ranges sit apart, overlap or agree, over the rows that have a range for both A and B. */
export function verdictCounts(spreads: readonly [FigureSpreads, FigureSpreads]): Record<Verdict, number> & {
  rows: number;
} {
  const counts = { apart: 0, overlap: 0, same: 0, rows: 0 };
  for (const row of OUTCOME_ROWS) {
    const a = rowSpread(row, spreads[0]);
    const b = rowSpread(row, spreads[1]);
    if (!a || !b) continue;
    counts[verdict(a, b)]++;
    counts.rows++;
  }
  return counts;
}
