/**
 * What a field allows, as data. Every surface (engine, rule-set panels, links, the figure's attributes, the
 * CLI, lesson files, worker and embed messages) refuses a value with one of these, so each can say it in its
 * own words and language: the engine and the CLI in English through `describeAllowed`, the app and the figure
 * through their translation catalogues (one message per kind).
 */

/** How the bounds and the value given are written: fractions as percentages, rates in basis points. */
export type Scale = 'plain' | 'percent' | 'bp';

export type Allowed =
  /** min ≤ v ≤ max (or < max when maxExcluded). */
  | { kind: 'between'; min: number; max: number; maxExcluded?: boolean; scale?: Scale; unit?: string }
  /** An integer, min ≤ v (≤ max when given). */
  | { kind: 'whole'; min: number; max?: number }
  /** v ≥ min. */
  | { kind: 'at-least'; min: number; scale?: Scale; unit?: string }
  /** v > min (and ≤ max when given). */
  | { kind: 'above'; min: number; max?: number; scale?: Scale; unit?: string }
  /** v < max (a cap that a derived limit imposes, with the reason in words). */
  | { kind: 'below'; max: number; reason?: string; unit?: string; scale?: Scale }
  /** One of a fixed list. */
  | { kind: 'one-of'; options: readonly (string | number)[]; unit?: string }
  | { kind: 'flag' }
  /** A list of entries each allowed by `each`, with a length range, optionally without repeats. */
  | { kind: 'list'; each: Allowed; minLength: number; maxLength?: number; distinct?: boolean }
  /** `inner`, or nothing (null / left out). */
  | { kind: 'or-none'; inner: Allowed }
  /** A rule too particular for a kind of its own, in English words (the app frames it in its language). */
  | { kind: 'words'; text: string };

const round = (n: number) => Number(n.toPrecision(12));

/** A number as the rule writes it: 0.6 → "60%" at the percent scale, 0.0001 → "1 bp" at the bp scale. */
export function scaled(value: number, scale: Scale = 'plain', unit?: string): string {
  let text: string;
  if (!Number.isFinite(value)) text = String(value);
  else if (scale === 'percent') text = `${round(value * 100)}%`;
  else if (scale === 'bp') text = `${round(value * 10_000)} bp`;
  else text = String(round(value));
  return unit ? `${text} ${unit}` : text;
}

function options(list: readonly (string | number)[]): string {
  const words = list.map(String);
  if (words.length <= 2) return words.join(' or ');
  return `one of ${words.join(', ')}`;
}

/** The rule in English, as it follows "must be" ("between 0% and 100%"). */
export function describeAllowed(allowed: Allowed): string {
  switch (allowed.kind) {
    case 'between': {
      const { min, max, scale, unit } = allowed;
      const range = `between ${scaled(min, scale)} and ${scaled(max, scale, unit)}`;
      return allowed.maxExcluded ? `${range} (${scaled(max, scale)} excluded)` : range;
    }
    case 'whole':
      return allowed.max === undefined
        ? `a whole number ≥ ${allowed.min}`
        : `a whole number from ${allowed.min} to ${allowed.max}`;
    case 'at-least':
      return `a number ≥ ${scaled(allowed.min, allowed.scale, allowed.unit)}`;
    case 'above':
      return allowed.max === undefined
        ? `a number greater than ${scaled(allowed.min, allowed.scale, allowed.unit)}`
        : `greater than ${scaled(allowed.min, allowed.scale)} and at most ${scaled(allowed.max, allowed.scale, allowed.unit)}`;
    case 'below':
      return `below ${scaled(allowed.max, allowed.scale, allowed.unit)}${allowed.reason ? ` (${allowed.reason})` : ''}`;
    case 'one-of':
      return `${options(allowed.options)}${allowed.unit ? ` ${allowed.unit}` : ''}`;
    case 'flag':
      return 'true or false';
    case 'list': {
      const count =
        allowed.maxLength === undefined
          ? allowed.minLength === 0
            ? ''
            : `at least ${allowed.minLength}`
          : allowed.minLength === allowed.maxLength
            ? `exactly ${allowed.minLength}`
            : `${allowed.minLength} to ${allowed.maxLength}`;
      const words = [count, allowed.distinct ? 'distinct' : '', 'entries'].filter(Boolean).join(' ');
      return `a list of ${words}, each ${describeAllowed(allowed.each)}`;
    }
    case 'or-none':
      return `${describeAllowed(allowed.inner)} or none`;
    case 'words':
      return allowed.text;
  }
}
