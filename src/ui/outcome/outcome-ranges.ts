/**
 * Each row of the outcome table over seeds: the figure it shows, read from `acrossSeeds` (engine/run/
 * across-seeds.ts, the command line's `compare --seeds` statistics) and never counted again here. Retail losses
 * are −byClass.retail.pnl (a gain reads 0): an order-preserving map of one figure, under which a quantile maps
 * exactly (type 7 quantiles commute with monotone maps; a decreasing one swaps p10 and p90). The fund's
 * drawdown is start − min, two figures, and the fund is sized per seed (it follows the population): its
 * spread is taken over each seed's start − min with the same `spreadOf`.
 */
import { spreadOf, type Spread } from '../../engine/run/across-seeds.ts';
import type { RunSummary } from '../../engine/run/summary.ts';
import type { FigureSpreads } from '../../lib/seed-ranges.svelte.ts';

export type OutcomeRow =
  | 'liquidated'
  | 'lossesBeyond'
  | 'retailLosses'
  | 'adl'
  | 'fundDrawdown'
  | 'fundDrawn'
  | 'brokerShortfall'
  | 'dislocation'
  | 'refusedPerp';

/** The rows shown as one summary figure as it is. */
const PATHS: Partial<Record<OutcomeRow, string>> = {
  liquidated: 'liquidations.traders',
  lossesBeyond: 'lossesBeyondDeposits',
  adl: 'adl.count',
  fundDrawn: 'insuranceFund.drawn',
  brokerShortfall: 'brokerShortfall',
  dislocation: 'maxPriceDislocation',
  refusedPerp: 'refusedProducts.perp',
};

const spread = (s: Spread): Spread => ({ p10: s.p10, median: s.median, p90: s.p90 });

/** A row's median and 10th–90th percentile range over the seeds' summaries, or null where it has none. */
export function rowSpread(
  row: OutcomeRow,
  spreads: FigureSpreads,
  summaries: readonly RunSummary[],
): Spread | null {
  const path = PATHS[row];
  if (path) return spreads[path] ? spread(spreads[path]) : null;
  if (row === 'retailLosses') {
    const pnl = spreads['byClass.retail.pnl'];
    if (!pnl) return null;
    const loss = (v: number) => Math.max(0, -v);
    return { p10: loss(pnl.p90), median: loss(pnl.median), p90: loss(pnl.p10) };
  }
  if (summaries.length === 0) return null;
  return spreadOf(summaries.map((s) => s.insuranceFund.start - s.insuranceFund.min));
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
  'fundDrawn',
  'brokerShortfall',
  'dislocation',
  'refusedPerp',
];

/** How many rows' ranges sit apart, overlap or agree, over the rows that have a range for both A and B. */
export function verdictCounts(
  spreads: readonly [FigureSpreads, FigureSpreads],
  summaries: readonly [readonly RunSummary[], readonly RunSummary[]],
): Record<Verdict, number> & { rows: number } {
  const counts = { apart: 0, overlap: 0, same: 0, rows: 0 };
  for (const row of OUTCOME_ROWS) {
    const a = rowSpread(row, spreads[0], summaries[0]);
    const b = rowSpread(row, spreads[1], summaries[1]);
    if (!a || !b) continue;
    counts[verdict(a, b)]++;
    counts.rows++;
  }
  return counts;
}
