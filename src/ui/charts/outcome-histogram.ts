/**
 * The distribution of trader outcomes at the end: return on starting wealth in bins, per rule set and investor
 * class, read off the worker's sorted returns; its description in words (medians, half lost) and data table.
 */
import { bisectLeft, bisectRight, bisector, tickStep } from 'd3-array';
import type { MessageParams } from '../../lib/i18n/translate.ts';
import { RULE_SETS, type ChartContext, type DataTable, type Pair } from './chart-series.ts';

export interface OutcomeBin {
  /** Return on starting wealth: [x0, x1). */
  x0: number;
  x1: number;
  /** Traders in the bin: [rule set][class], class 0 = retail, 1 = professional. */
  counts: [[number, number], [number, number]];
}

export interface OutcomeHistogramData {
  bins: OutcomeBin[];
  /** Traders per class: [retail, professional]. */
  traders: [number, number];
  maxCount: number;
}

/** Float dust below −100% (−1.0000000000000004) is "lost everything", not a debt. */
const DUST = 1e-9;

/** Float dust just below −100% counts as −100% (monotone, so sorted values stay sorted). */
const cleanReturn = (v: number) => (v < -1 && v > -1 - DUST ? -1 : v);

/**
 * Indices [from, to) of the finite values in values sorted ascending (−∞ first, then +∞, then NaN). d3's
 * bisectors order NaN after every number, as the sort does.
 */
function finiteRange(sorted: Float64Array): [number, number] {
  const from = bisectRight(sorted, -Infinity);
  const to = bisectLeft(sorted, Infinity);
  return [from, Math.max(from, to)];
}

const CLASSES = ['retail', 'professional'] as const;

/**
 * Empty bins covering [lo, hi] in nice steps (5%, 10%, 20%, 50%…), about 16 of them, with −100% ("lost
 * everything") on an edge; and the bin of a return (float dust below −100% counts as −100%).
 */
export function outcomeBins(lo: number, hi: number): { bins: OutcomeBin[]; binOf: (v: number) => number } {
  const step = tickStep(lo, hi, 16);
  const from = Math.floor(lo / step + DUST) * step;
  const to = Math.ceil(hi / step - DUST) * step;
  const count = Math.max(1, Math.round((to - from) / step));
  const bins: OutcomeBin[] = Array.from({ length: count }, (_, k) => ({
    x0: from + k * step,
    x1: from + (k + 1) * step,
    counts: [
      [0, 0],
      [0, 0],
    ],
  }));
  const binOf = (v: number) =>
    Math.min(count - 1, Math.max(0, Math.floor((cleanReturn(v) - from) / step + DUST)));
  return { bins, binOf };
}

/**
 * The outcome histogram, read off each class's sorted returns (`RunResult.sortedReturns`, sorted in the
 * worker) by binary search: the bin of a value is a non-decreasing function of it, so each bin is one run of
 * the sorted array. The same counts as a pass over every trader, in O(bins × log traders) on the main thread.
 */
export function outcomeHistogram(results: Pair): OutcomeHistogramData {
  let lo = -1;
  let hi = 0.1;
  for (const result of results)
    for (const c of CLASSES) {
      const sorted = result.sortedReturns[c];
      const [from, to] = finiteRange(sorted);
      if (from === to) continue;
      lo = Math.min(lo, cleanReturn(sorted[from]!));
      hi = Math.max(hi, cleanReturn(sorted[to - 1]!));
    }
  const { bins, binOf } = outcomeBins(lo, hi);
  const count = bins.length;
  const traders: [number, number] = [0, 0];
  results.forEach((result, r) => {
    CLASSES.forEach((name, c) => {
      const sorted = result.sortedReturns[name];
      const [from, to] = finiteRange(sorted);
      if (r === 0) traders[c] = to - from;
      const byBin = bisector(binOf);
      let start = from;
      for (let k = 0; k < count; k++) {
        const end = byBin.right(sorted, k, from, to);
        bins[k]!.counts[r]![c] = end - start;
        start = end;
      }
    });
  });
  let maxCount = 0;
  for (const b of bins) for (const row of b.counts) for (const n of row) maxCount = Math.max(maxCount, n);
  return { bins, traders, maxCount };
}

/**
 * Median of values sorted ascending, as d3's `median` computes it (the mean of the two middle values for an
 * even count); undefined when there are none.
 */
function sortedMedian(sorted: Float64Array): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const i = (n - 1) * 0.5;
  const i0 = Math.floor(i);
  const value0 = sorted[i0]!;
  return i0 === i ? value0 : value0 + (sorted[i0 + 1]! - value0) * (i - i0);
}

export function outcomeDescription(context: ChartContext, results: Pair): string {
  const { t, formats } = context;
  const params: MessageParams = {};
  CLASSES.forEach((name, c) => {
    const key = c === 0 ? 'Retail' : 'Pro';
    results.forEach((result, r) => {
      const sorted = result.sortedReturns[name];
      // NaN sorts last and is left out, as d3's median leaves it out.
      const numbers = bisectRight(sorted, Infinity);
      const halfLost = bisectLeft(sorted, -0.5, 0, numbers);
      if (r === 0) params[`traders${key}`] = formats.count(sorted.length);
      params[`half${key}${RULE_SETS[r]}`] = formats.count(halfLost);
      params[`median${key}${RULE_SETS[r]}`] = formats.change(
        sortedMedian(sorted.subarray(0, numbers)) ?? NaN,
      );
    });
  });
  return t('charts.outcomes.description', params);
}

export function outcomeTable(context: ChartContext, data: OutcomeHistogramData): DataTable {
  const { t, formats } = context;
  const percent = (v: number) => formats.change(v);
  return {
    columns: [
      t('charts.table.return'),
      t('charts.table.retail', { ruleSet: 'A' }),
      t('charts.table.retail', { ruleSet: 'B' }),
      t('charts.table.professional', { ruleSet: 'A' }),
      t('charts.table.professional', { ruleSet: 'B' }),
    ],
    rows: data.bins.map((b) => [
      t('charts.outcomes.range', { from: percent(b.x0), to: percent(b.x1) }),
      formats.count(b.counts[0][0]),
      formats.count(b.counts[1][0]),
      formats.count(b.counts[0][1]),
      formats.count(b.counts[1][1]),
    ]),
    note: t('charts.table.bins', { rows: formats.count(data.bins.length) }),
  };
}
