/**
 * Each row of the outcome table over seeds: the figure it shows, read from `acrossSeeds` (engine/run/
 * across-seeds.ts, the command line's `compare --seeds` statistics) and never counted again here. Retail losses
 * (byClass.retail.loss) and the fund's drawdown (insuranceFund.drawdown, each seed's start − min: the fund is
 * sized per seed) are summary figures like the others (engine/run/summary.ts, outcome-figures.ts).
 */
import type { Spread } from '../../engine/run/across-seeds.ts';
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
  | 'refusedPerp'
  | 'altLiquidations'
  | 'refusedAlt';

/** The rows shown as one summary figure as it is. */
const PATHS: Record<OutcomeRow, string> = {
  liquidated: 'liquidations.traders',
  lossesBeyond: 'lossesBeyondDeposits',
  retailLosses: 'byClass.retail.loss',
  adl: 'adl.count',
  fundDrawdown: 'insuranceFund.drawdown',
  fundDrawn: 'insuranceFund.drawn',
  brokerShortfall: 'brokerShortfall',
  dislocation: 'maxPriceDislocation',
  refusedPerp: 'refusedProducts.perp',
  // Absent where the rule set does not list ALT: no range for that rule set.
  altLiquidations: 'markets.ALT.liquidations.count',
  refusedAlt: 'refusedProducts.altPerp',
};

const spread = (s: Spread): Spread => ({ p10: s.p10, median: s.median, p90: s.p90 });

/** A row's median and 10th–90th percentile range over the seeds' summaries, or null where it has none. */
export function rowSpread(row: OutcomeRow, spreads: FigureSpreads): Spread | null {
  const figure = spreads[PATHS[row]];
  return figure ? spread(figure) : null;
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
  'altLiquidations',
  'refusedAlt',
];

/** How many rows' ranges sit apart, overlap or agree, over the rows that have a range for both A and B. */
export function verdictCounts(
  spreads: readonly [FigureSpreads, FigureSpreads],
): Record<Verdict, number> & { rows: number } {
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
