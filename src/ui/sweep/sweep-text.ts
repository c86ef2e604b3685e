/**
 * A frontier in words and numbers: the guardrail's values and the outcomes formatted in the page's language,
 * the summary sentence computed from the points ("Forced sales of collateral falls to zero at a BTC collateral
 * haircut of 60% and above"), the data table, and the CSV and JSON downloads. Pure: tested without a page.
 */
import type { SweepScale } from '../../engine/guardrail-catalogue/sweep-ranges.ts';
import { SWEEP_RANGES } from '../../engine/guardrail-catalogue/sweep-ranges.ts';
import { SWEEP_OUTCOMES, type SweepOutcome, type SweepPoint } from '../../engine/run/sweep.ts';
import type { SweepRequest } from '../../engine/run/sweep.ts';
import type { MessageKey } from '../../lib/i18n/catalogues.ts';
import type { MessageParams } from '../../lib/i18n/translate.ts';
import { numberFormat } from '../../lib/i18n/number-format.ts';
import type { DataTable } from '../charts/chart-data.ts';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface SweepWords {
  t: Translate;
  locale: string;
}

export function scaleOf(guardrail: string): SweepScale {
  return SWEEP_RANGES[guardrail]?.scale ?? 'plain';
}

/** A value of the swept guardrail: 0.6 → "60%", 20 → "20×", 1440 minutes → "24 h", 1e6 → "US$1,000,000". */
export function formatValue(words: SweepWords, guardrail: string, value: number): string {
  const { t, locale } = words;
  switch (scaleOf(guardrail)) {
    case 'percent':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(value);
    case 'times':
      return t('sweep.value.times', {
        value: numberFormat(locale, { maximumFractionDigits: 2 }).format(value),
      });
    case 'hours':
      return t('sweep.value.hours', {
        value: numberFormat(locale, { maximumFractionDigits: 2 }).format(value / 60),
      });
    case 'usd':
      return numberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(
        value,
      );
    case 'plain':
      return numberFormat(locale, { maximumFractionDigits: 3 }).format(value);
  }
}

const COUNTS: ReadonlySet<SweepOutcome> = new Set([
  'liquidations.traders',
  'adl.count',
  'broker.forcedSales',
]);

/** An outcome's median or percentile: counts to one decimal (a median of an even number of runs), else US$. */
export function formatOutcome(locale: string, outcome: SweepOutcome, value: number): string {
  if (COUNTS.has(outcome)) return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return numberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);
}

export function outcomeLabel(t: Translate, outcome: SweepOutcome): string {
  return t(`sweep.o.${outcome}` as MessageKey);
}

export function guardrailLabel(t: Translate, guardrail: string): string {
  return t(`sweep.g.${guardrail}` as MessageKey);
}

/** A label inside a sentence: "Maximum leverage" → "maximum leverage", but "BTC haircut" stays as it is. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** Below this an amount in dollars is zero (a cent of rounding is no loss); counts are whole or halves. */
const ZERO = 0.005;

/**
 * What the medians do across the values, as one sentence: where the outcome reaches zero and stays there, where
 * it leaves zero, or from what to what it goes. Read against the table: the value named is a row of it.
 */
export function summarySentence(
  words: SweepWords,
  guardrail: string,
  outcome: SweepOutcome,
  points: readonly SweepPoint[],
): string {
  const { t, locale } = words;
  if (points.length === 0) return '';
  const medians = points.map((p) => p[outcome]?.median ?? 0);
  const zero = medians.map((m) => Math.abs(m) < ZERO);
  const value = (k: number) => formatValue(words, guardrail, points[k]!.value);
  const amount = (k: number) => formatOutcome(locale, outcome, medians[k]!);
  const common = {
    outcome: inSentence(outcomeLabel(t, outcome)),
    guardrail: inSentence(guardrailLabel(t, guardrail)),
  };
  const last = points.length - 1;
  if (zero.every(Boolean))
    return t('sweep.summary.allZero', { ...common, first: value(0), last: value(last) });
  // Zero from some value to the end, not before: where it falls to zero.
  if (zero[last]) {
    let k = last;
    while (k > 0 && zero[k - 1]) k--;
    return t('sweep.summary.zeroFrom', { ...common, value: value(k) });
  }
  // Zero from the start up to some value, not after.
  if (zero[0]) {
    let k = 0;
    while (k < last && zero[k + 1]) k++;
    return t('sweep.summary.zeroUpTo', {
      ...common,
      value: value(k),
      last: amount(last),
      lastValue: value(last),
    });
  }
  if (medians.every((m) => m === medians[0]))
    return t('sweep.summary.flat', { ...common, median: amount(0), first: value(0), last: value(last) });
  return t('sweep.summary.change', {
    ...common,
    first: value(0),
    last: value(last),
    firstMedian: amount(0),
    lastMedian: amount(last),
  });
}

/** The points as an accessible table: the value, then the outcome's median and percentiles. */
export function sweepTable(
  words: SweepWords,
  guardrail: string,
  outcome: SweepOutcome,
  points: readonly SweepPoint[],
  seeds: number,
): DataTable {
  const { t, locale } = words;
  const cell = (v: number | undefined) => (v === undefined ? '–' : formatOutcome(locale, outcome, v));
  return {
    columns: [
      t('sweep.table.value', { guardrail: guardrailLabel(t, guardrail) }),
      t('sweep.table.median'),
      t('sweep.table.p10'),
      t('sweep.table.p90'),
    ],
    rows: points.map((p) => [
      formatValue(words, guardrail, p.value),
      cell(p[outcome]?.median),
      cell(p[outcome]?.p10),
      cell(p[outcome]?.p90),
    ]),
    note: t('sweep.table.note', { count: points.length, seeds }),
  };
}

/** CSV: one row per value, the median and percentiles of every outcome the frontier offers (engine units). */
export function sweepCsv(guardrail: string, points: readonly SweepPoint[]): string {
  const header = [guardrail];
  for (const outcome of SWEEP_OUTCOMES) header.push(`${outcome}.median`, `${outcome}.p10`, `${outcome}.p90`);
  const rows = points.map((p) => {
    const row = [String(p.value)];
    for (const outcome of SWEEP_OUTCOMES) {
      const s = p[outcome];
      row.push(...(s ? [s.median, s.p10, s.p90].map(String) : ['', '', '']));
    }
    return row.join(',');
  });
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

export const SWEEP_JSON_FORMAT = 1;

/** JSON: the request the points come from and every point, as `cli sweep` prints them. */
export function sweepJson(request: SweepRequest, points: readonly SweepPoint[]): string {
  return `${JSON.stringify({ format: SWEEP_JSON_FORMAT, request, points }, null, 2)}\n`;
}

/** A value as typed in the range fields: a share in percent (60 for 0.6), minutes in hours, else as it is. */
export function fieldOf(guardrail: string, value: number): number {
  const scale = scaleOf(guardrail);
  const shown = scale === 'percent' ? value * 100 : scale === 'hours' ? value / 60 : value;
  return Number(shown.toPrecision(12));
}

/** The guardrail's value from a range field (NaN stays NaN: the engine's validation refuses it). */
export function valueOf(guardrail: string, field: number): number {
  const scale = scaleOf(guardrail);
  const value = scale === 'percent' ? field / 100 : scale === 'hours' ? field * 60 : field;
  return Number(value.toPrecision(12));
}
