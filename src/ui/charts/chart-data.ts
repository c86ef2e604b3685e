/**
 * What each chart shows, read off the results of A and B: its series, markers, a description in words generated
 * from the numbers, and a data table. Pure functions of (results, language), so they are tested without a DOM.
 */
import { bisectLeft, bisectRight, bisector, tickStep } from 'd3-array';
import type { MessageKey } from '../../lib/i18n/catalogues.ts';
import type { MessageParams } from '../../lib/i18n/translate.ts';
import type { RunResult } from '../../engine/run/run.ts';
import type { RunEvent } from '../../engine/run/run-events.ts';
import type { ChartFormats, Clock } from './chart-format.ts';
import { tableIndices } from './decimate.ts';

export type Translate = (key: MessageKey, params?: MessageParams) => string;
export type Pair = readonly [RunResult, RunResult];

export const RULE_SETS = ['A', 'B'] as const;

/** Okabe–Ito: A blue, B vermilion; the index in neutral grey. Dashes are the second cue (solid A, dashed B). */
export const STYLE = {
  colour: ['var(--long)', 'var(--short)'] as const,
  index: 'var(--chart-index, #5f6672)',
  dash: ['', '7 4'] as const,
  markDash: ['2 3', '7 3 2 3'] as const,
};

export interface ChartSeries {
  id: string;
  label: string;
  values: Float64Array;
  colour: string;
  dash?: string;
  width?: number;
  /** Formats this series' values in the read-out and the table. */
  format: (value: number) => string;
}

export interface ChartMarker {
  minute: number;
  value: number;
  kind: 'liquidation' | 'adl';
  ruleSet: 0 | 1;
}

export interface DataTable {
  columns: string[];
  /** Row header first, then one cell per column. */
  rows: string[][];
  note: string;
}

export interface ChartContext {
  t: Translate;
  formats: ChartFormats;
  clock: Clock;
}

const TABLE_ROWS = 200;

/** A table of the series against time, at most 200 rows, with each series' extremes among them. */
export function timeTable(
  context: ChartContext,
  minutes: Float64Array,
  series: readonly ChartSeries[],
): DataTable {
  const rows = tableIndices(
    minutes,
    series.map((s) => s.values),
    TABLE_ROWS,
  );
  return {
    columns: [context.t('charts.table.time'), ...series.map((s) => s.label)],
    rows: Array.from(rows, (i) => [
      context.clock.format(minutes[i]!),
      ...series.map((s) => s.format(s.values[i]!)),
    ]),
    note:
      rows.length < minutes.length
        ? context.t('charts.table.decimated', {
            rows: context.formats.count(rows.length),
            total: context.formats.count(minutes.length),
          })
        : context.t('charts.table.all', { rows: context.formats.count(rows.length) }),
  };
}

function pairSeries(
  context: ChartContext,
  results: Pair,
  id: string,
  values: (result: RunResult) => Float64Array,
  format: (value: number) => string,
): ChartSeries[] {
  return results.map((result, r) => ({
    id: `${id}-${RULE_SETS[r]}`,
    label: context.t('charts.series.ruleSet', { ruleSet: RULE_SETS[r]! }),
    values: values(result),
    colour: STYLE.colour[r]!,
    dash: STYLE.dash[r]!,
    width: 2,
    format,
  }));
}

interface Extreme {
  value: number;
  index: number;
}

function lowest(values: Float64Array): Extreme {
  let index = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[index]!) index = i;
  return { value: values[index] ?? NaN, index };
}

function highest(values: Float64Array): Extreme {
  let index = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[index]!) index = i;
  return { value: values[index] ?? NaN, index };
}

const last = (values: Float64Array) => values[values.length - 1] ?? NaN;

/* ---------------------------------------------------------------- 1. prices */

export function priceSeries(context: ChartContext, results: Pair): ChartSeries[] {
  const { t, formats } = context;
  const [a, b] = results;
  const traded = (result: RunResult, r: 0 | 1): ChartSeries => ({
    id: `traded-${RULE_SETS[r]}`,
    label: t('charts.series.traded', { ruleSet: RULE_SETS[r] }),
    values: result.frames.btcTraded,
    colour: STYLE.colour[r],
    dash: STYLE.dash[r],
    width: 2,
    format: formats.price,
  });
  const mark = (result: RunResult, r: 0 | 1): ChartSeries => ({
    id: `mark-${RULE_SETS[r]}`,
    label: t('charts.series.mark', { ruleSet: RULE_SETS[r] }),
    values: result.frames.btcMark,
    colour: STYLE.colour[r],
    dash: STYLE.markDash[r],
    width: 1.25,
    format: formats.price,
  });
  return [
    {
      id: 'index',
      label: t('charts.series.index'),
      values: a.frames.btcIndex,
      colour: STYLE.index,
      width: 1.5,
      format: formats.price,
    },
    traded(a, 0),
    mark(a, 0),
    traded(b, 1),
    mark(b, 1),
  ];
}

/** Liquidations and ADL on the rule set's own venue, BTC market, at the minute and price they happened. */
export function priceMarkers(results: Pair): ChartMarker[] {
  const markers: ChartMarker[] = [];
  results.forEach((result, r) => {
    for (const event of result.events) {
      const marker = markerOf(event, r as 0 | 1);
      if (marker) markers.push(marker);
    }
  });
  return markers;
}

function markerOf(event: RunEvent, ruleSet: 0 | 1): ChartMarker | null {
  if (event.venue !== 'onshore') return null;
  if (event.type === 'liquidation' && event.market === 'BTC')
    return { minute: event.step, value: event.fillPrice ?? event.markPrice, kind: 'liquidation', ruleSet };
  if (event.type === 'adl' && event.market === 'BTC')
    return { minute: event.step, value: event.price, kind: 'adl', ruleSet };
  return null;
}

export function priceDescription(
  context: ChartContext,
  results: Pair,
  markers: readonly ChartMarker[],
): string {
  const { t, formats, clock } = context;
  const minutes = results[0].frames.minute;
  const index = results[0].frames.btcIndex;
  const start = index[0] ?? NaN;
  const low = lowest(index);
  const high = highest(index);
  const fell = start - low.value >= high.value - start;
  const turn = fell ? low : high;
  const move = t(fell ? 'charts.price.fell' : 'charts.price.rose', {
    start: formats.price(start),
    extreme: formats.price(turn.value),
    change: formats.change(turn.value / start - 1),
    time: clock.format(minutes[turn.index]!),
    end: formats.price(last(index)),
  });
  const gap = (result: RunResult) => {
    const { btcTraded, btcIndex } = result.frames;
    let worst = 0;
    let at = 0;
    for (let i = 0; i < btcTraded.length; i++) {
      const g = btcTraded[i]! / btcIndex[i]! - 1;
      if (Math.abs(g) > Math.abs(worst)) {
        worst = g;
        at = i;
      }
    }
    return worst === 0
      ? t('charts.price.noGap')
      : t('charts.price.gapAt', { gap: formats.change(worst), time: clock.format(minutes[at]!) });
  };
  const count = (kind: ChartMarker['kind'], ruleSet: 0 | 1) =>
    formats.count(markers.filter((m) => m.kind === kind && m.ruleSet === ruleSet).length);
  return t('charts.price.description', {
    move,
    gap: t('charts.price.gap', { a: gap(results[0]), b: gap(results[1]) }),
    markers: t('charts.price.markers', {
      liquidationsA: count('liquidation', 0),
      liquidationsB: count('liquidation', 1),
      adlA: count('adl', 0),
      adlB: count('adl', 1),
    }),
  });
}

export function priceTable(context: ChartContext, results: Pair, series: readonly ChartSeries[]): DataTable {
  const { t, formats } = context;
  const counts = results.flatMap((result, r): ChartSeries[] => [
    {
      id: `liquidations-${RULE_SETS[r]}`,
      label: t('charts.table.liquidations', { ruleSet: RULE_SETS[r]! }),
      values: result.frames.liquidations,
      colour: '',
      format: formats.count,
    },
    {
      id: `adl-${RULE_SETS[r]}`,
      label: t('charts.table.adl', { ruleSet: RULE_SETS[r]! }),
      values: result.frames.adlEvents,
      colour: '',
      format: formats.count,
    },
  ]);
  return timeTable(context, results[0].frames.minute, [...series, ...counts]);
}

/* ------------------------------------------------- 2–4. fund, interest, funding */

export function insuranceFundSeries(context: ChartContext, results: Pair): ChartSeries[] {
  return pairSeries(context, results, 'fund', (r) => r.frames.insuranceFund, context.formats.money);
}

export function insuranceFundDescription(context: ChartContext, results: Pair): string {
  const { t, formats } = context;
  const part = (result: RunResult) => {
    const fund = result.frames.insuranceFund;
    return {
      start: formats.money(fund[0] ?? NaN),
      end: formats.money(last(fund)),
      low: formats.money(lowest(fund).value),
    };
  };
  const a = part(results[0]);
  const b = part(results[1]);
  return t('charts.fund.description', {
    startA: a.start,
    endA: a.end,
    lowA: a.low,
    startB: b.start,
    endB: b.end,
    lowB: b.low,
  });
}

export function openInterestSeries(context: ChartContext, results: Pair): ChartSeries[] {
  return pairSeries(context, results, 'interest', (r) => r.frames.openInterest, context.formats.money);
}

export function openInterestDescription(context: ChartContext, results: Pair): string {
  const { t, formats, clock } = context;
  const minutes = results[0].frames.minute;
  const peak = (result: RunResult) => highest(result.frames.openInterest);
  const [pa, pb] = [peak(results[0]), peak(results[1])];
  return t('charts.interest.description', {
    peakA: formats.money(pa.value),
    timeA: clock.format(minutes[pa.index]!),
    peakB: formats.money(pb.value),
    timeB: clock.format(minutes[pb.index]!),
    endA: formats.money(last(results[0].frames.openInterest)),
    endB: formats.money(last(results[1].frames.openInterest)),
  });
}

export function fundingSeries(context: ChartContext, results: Pair): ChartSeries[] {
  return pairSeries(context, results, 'funding', (r) => r.frames.fundingRateBtc, context.formats.rate);
}

export function fundingDescription(context: ChartContext, results: Pair): string {
  const { t, formats } = context;
  const range = (result: RunResult) => [
    formats.rate(lowest(result.frames.fundingRateBtc).value),
    formats.rate(highest(result.frames.fundingRateBtc).value),
  ];
  const [a, b] = [range(results[0]), range(results[1])];
  return t('charts.funding.description', { minA: a[0]!, maxA: a[1]!, minB: b[0]!, maxB: b[1]! });
}

/* ---------------------------------------------------------- 5. equity by class */

export function equitySeries(
  context: ChartContext,
  results: Pair,
  investorClass: 'retail' | 'professional',
): ChartSeries[] {
  return pairSeries(
    context,
    results,
    `equity-${investorClass}`,
    (r) => (investorClass === 'retail' ? r.frames.equityRetail : r.frames.equityProfessional),
    context.formats.money,
  );
}

/** From the summaries: what each class brought and what it had at the end, under A and under B. */
export function equityDescription(context: ChartContext, results: Pair): string {
  const { t, formats } = context;
  const params: MessageParams = {};
  for (const investorClass of ['retail', 'professional'] as const) {
    const key = investorClass === 'retail' ? 'Retail' : 'Pro';
    const deposits = results[0].summary.byClass[investorClass].deposits;
    params[`deposits${key}`] = formats.money(deposits);
    results.forEach((result, r) => {
      const pnl = result.summary.byClass[investorClass].pnl;
      params[`end${key}${RULE_SETS[r]}`] = formats.money(deposits + pnl);
      params[`change${key}${RULE_SETS[r]}`] = formats.change(deposits > 0 ? pnl / deposits : NaN);
    });
  }
  return t('charts.equity.description', params);
}

export function equityTable(context: ChartContext, results: Pair): DataTable {
  const { t } = context;
  const labelled = (investorClass: 'retail' | 'professional') =>
    equitySeries(context, results, investorClass).map((s, r) => ({
      ...s,
      label: t(investorClass === 'retail' ? 'charts.table.retail' : 'charts.table.professional', {
        ruleSet: RULE_SETS[r]!,
      }),
    }));
  return timeTable(context, results[0].frames.minute, [...labelled('retail'), ...labelled('professional')]);
}

/* ------------------------------------------------------------- 6. outcomes */

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
