/**
 * What every chart is made of: a series against time, a marker, a data table, and the context (language,
 * formats, clock) the charts' words are written in. Pure, so tested without a DOM.
 */
import type { MessageKey } from '../../lib/i18n/catalogues.ts';
import type { MessageParams } from '../../lib/i18n/translate.ts';
import type { RunResult } from '../../engine/run/run.ts';
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

/**
 * How many of the results' frames a description or table reads: with `played` (a frame count, the charts before
 * the end is shown) only those played, "so far"; `soFar` when that is not all of them.
 */
export function framesRead(results: Pair, played: number): { upTo: number; soFar: boolean } {
  const all = results[0].frames.minute.length;
  const upTo = Math.max(1, Math.min(all, played));
  return { upTo, soFar: upTo < all };
}

/** A time table of the first `played` frames. */
export function playedTable(
  context: ChartContext,
  results: Pair,
  series: readonly ChartSeries[],
  played: number = Infinity,
): DataTable {
  const { upTo } = framesRead(results, played);
  return timeTable(
    context,
    results[0].frames.minute.subarray(0, upTo),
    series.map((s) => ({ ...s, values: s.values.subarray(0, upTo) })),
  );
}

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

export function pairSeries(
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

export interface Extreme {
  value: number;
  index: number;
}

export function lowest(values: Float64Array): Extreme {
  let index = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[index]!) index = i;
  return { value: values[index] ?? NaN, index };
}

export function highest(values: Float64Array): Extreme {
  let index = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[index]!) index = i;
  return { value: values[index] ?? NaN, index };
}

export const last = (values: Float64Array) => values[values.length - 1] ?? NaN;
