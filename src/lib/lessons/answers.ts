/**
 * A question's answer and a step's reveal, computed from the run the student just watched: the answer picks
 * one of the question's choices; the reveal fills `{A.liquidations.traders}`-style placeholders with that
 * run's numbers, formatted for the page's language.
 */
import { isNumberFormat, numberSpec, type NumberFormat, type RunFactsPair } from './run-numbers.ts';
import { numberFormat } from '../i18n/number-format.ts';

export const COMPARISONS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** A number path ("A.adl.count") or a plain number. */
export type Operand = string | number;

/**
 * - compare: [x, op, y] is true or false; two choices, the first for true.
 * - most / least: which operand is largest (smallest); one choice per operand, then one for "about the same"
 *   (values within `tolerance`, a share of the larger, count as the same; default: exactly equal).
 * - pick: the value falls in a band; `bands` are ascending thresholds (default [1]: "none" or "at least one"),
 *   choice i covers bands[i − 1] ≤ value < bands[i].
 */
export type Answer =
  | { compare: [Operand, Comparison, Operand] }
  | { most: Operand[]; tolerance?: number }
  | { least: Operand[]; tolerance?: number }
  | { pick: Operand; bands?: number[] };

/** How many choices a question with this answer must offer. */
export function choiceCount(answer: Answer): number {
  if ('compare' in answer) return 2;
  if ('most' in answer) return answer.most.length + 1;
  if ('least' in answer) return answer.least.length + 1;
  return (answer.bands ?? [1]).length + 1;
}

function valueOf(pair: RunFactsPair, operand: Operand): number {
  if (typeof operand === 'number') return operand;
  const value = numberSpec(operand).value(pair);
  if (value === null || !Number.isFinite(value))
    throw new RangeError(`${operand} has no value in this run, so the answer cannot be computed`);
  return value;
}

function compare(x: number, op: Comparison, y: number): boolean {
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '==':
      return x === y;
    case '!=':
      return x !== y;
  }
}

function extreme(values: number[], sign: 1 | -1, tolerance: number): number {
  const best = values.reduce((a, b) => (sign * b > sign * a ? b : a));
  const same = (v: number) => Math.abs(v - best) <= tolerance * Math.max(Math.abs(v), Math.abs(best));
  const winners = values.flatMap((v, i) => (same(v) ? [i] : []));
  return winners.length === 1 ? winners[0]! : values.length;
}

/** The index of the right choice, from the run's numbers. */
export function correctChoice(answer: Answer, pair: RunFactsPair): number {
  if ('compare' in answer) {
    const [x, op, y] = answer.compare;
    return compare(valueOf(pair, x), op, valueOf(pair, y)) ? 0 : 1;
  }
  if ('most' in answer)
    return extreme(
      answer.most.map((o) => valueOf(pair, o)),
      1,
      answer.tolerance ?? 0,
    );
  if ('least' in answer)
    return extreme(
      answer.least.map((o) => valueOf(pair, o)),
      -1,
      answer.tolerance ?? 0,
    );
  const value = valueOf(pair, answer.pick);
  return (answer.bands ?? [1]).filter((threshold) => value >= threshold).length;
}

/** `{A.liquidations.traders}` or `{B.insuranceFund.min:usd}`: a letter, a path, and optionally a format. */
export const PLACEHOLDER = /\{([AB]\.[A-Za-z0-9.-]+)(?::([a-z]+))?\}/g;

export interface Placeholder {
  text: string;
  path: string;
  format: NumberFormat | null;
}

/** The run-number placeholders of a text; a RangeError for an unknown path or format. */
export function placeholdersOf(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map(([whole, path, format]) => {
    numberSpec(path!);
    if (format !== undefined && !isNumberFormat(format))
      throw new RangeError(
        `${whole} has an unknown format "${format}" (allowed: count, number, usd, percent, times)`,
      );
    return { text: whole, path: path!, format: (format as NumberFormat | undefined) ?? null };
  });
}

export function formatNumber(locale: string, value: number, format: NumberFormat): string {
  switch (format) {
    case 'count':
      return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'number':
      return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    case 'usd':
      return numberFormat(locale, {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
        minimumFractionDigits: 0,
      }).format(value);
    case 'percent':
      return numberFormat(locale, { style: 'percent', maximumSignificantDigits: 3 }).format(value);
    case 'times':
      return `${numberFormat(locale, { maximumFractionDigits: 2 }).format(value)}×`;
  }
}

/** The text with every run-number placeholder filled from the pair of runs ("—" where a run has none). */
export function fillNumbers(text: string, pair: RunFactsPair, locale: string): string {
  return text.replace(PLACEHOLDER, (_whole, path: string, format?: string) => {
    const spec = numberSpec(path);
    const value = spec.value(pair);
    if (value === null || !Number.isFinite(value)) return '—';
    return formatNumber(locale, value, format && isNumberFormat(format) ? format : spec.format);
  });
}
