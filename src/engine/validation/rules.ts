/**
 * Rules: what a field allows (as data, for the refusal) with the test that decides it. Small on purpose: the
 * same handful of shapes covers every input the project reads. A rule never throws and never coerces: text
 * from a URL, an attribute or a flag is converted by the surface first (see `numberFromText`), then checked.
 */
import type { Allowed, Scale } from './allowed.ts';
import { Refusal } from './refusal.ts';

export interface Rule<T> {
  readonly allowed: Allowed;
  accepts(value: unknown): value is T;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

interface NumberOptions {
  scale?: Scale;
  unit?: string;
}

/** Any finite number (never NaN or ±Infinity): a price move, a P&L, a rate that may be negative. */
export const finiteNumber: Rule<number> = {
  allowed: { kind: 'words', text: 'a finite number' },
  accepts: isNumber,
};

/** A finite number in [min, max] (or [min, max) with maxExcluded). */
export function between(
  min: number,
  max: number,
  options: NumberOptions & { maxExcluded?: boolean } = {},
): Rule<number> {
  const { maxExcluded = false } = options;
  return {
    allowed: { kind: 'between', min, max, ...options },
    accepts: (v): v is number => isNumber(v) && v >= min && (maxExcluded ? v < max : v <= max),
  };
}

/** A safe integer in [min, max] (no upper bound when max is left out). */
export function wholeNumber(min: number, max?: number): Rule<number> {
  return {
    allowed: max === undefined ? { kind: 'whole', min } : { kind: 'whole', min, max },
    accepts: (v): v is number =>
      typeof v === 'number' && Number.isSafeInteger(v) && v >= min && (max === undefined || v <= max),
  };
}

/** A finite number ≥ min. */
export function atLeast(min: number, options: NumberOptions = {}): Rule<number> {
  return {
    allowed: { kind: 'at-least', min, ...options },
    accepts: (v): v is number => isNumber(v) && v >= min,
  };
}

/** A finite number > min (and ≤ max when given). */
export function above(min: number, max?: number, options: NumberOptions = {}): Rule<number> {
  return {
    allowed: max === undefined ? { kind: 'above', min, ...options } : { kind: 'above', min, max, ...options },
    accepts: (v): v is number => isNumber(v) && v > min && (max === undefined || v <= max),
  };
}

/** A finite number < max, with the reason for the cap in words. */
export function below(max: number, reason?: string, unit?: string): Rule<number> {
  const allowed: Allowed = { kind: 'below', max };
  if (reason !== undefined) allowed.reason = reason;
  if (unit !== undefined) allowed.unit = unit;
  return { allowed, accepts: (v): v is number => isNumber(v) && v < max };
}

/** One of a fixed list (compared with ===, so "1" is not 1). */
export function oneOf<const T extends string | number>(options: readonly T[], unit?: string): Rule<T> {
  const allowed: Allowed =
    unit === undefined ? { kind: 'one-of', options } : { kind: 'one-of', options, unit };
  return { allowed, accepts: (v): v is T => (options as readonly unknown[]).includes(v) };
}

export const flag: Rule<boolean> = {
  allowed: { kind: 'flag' },
  accepts: (v): v is boolean => typeof v === 'boolean',
};

/** A string matching `pattern` (anchor it), described in words. */
export function textMatching(pattern: RegExp, words: string, maxLength = 256): Rule<string> {
  return {
    allowed: { kind: 'words', text: words },
    accepts: (v): v is string => typeof v === 'string' && v.length <= maxLength && pattern.test(v),
  };
}

/** An array whose entries each pass `each`, with a length range and optionally no repeats. */
export function listOf<T>(
  each: Rule<T>,
  options: { minLength?: number; maxLength?: number; distinct?: boolean } = {},
): Rule<T[]> {
  const { minLength = 0, maxLength, distinct = false } = options;
  const allowed: Allowed = { kind: 'list', each: each.allowed, minLength };
  if (maxLength !== undefined) allowed.maxLength = maxLength;
  if (distinct) allowed.distinct = true;
  return {
    allowed,
    accepts: (v): v is T[] =>
      Array.isArray(v) &&
      v.length >= minLength &&
      (maxLength === undefined || v.length <= maxLength) &&
      v.every((x) => each.accepts(x)) &&
      (!distinct || new Set(v).size === v.length),
  };
}

/** `inner`, or null. */
export function orNone<T>(inner: Rule<T>): Rule<T | null> {
  return {
    allowed: { kind: 'or-none', inner: inner.allowed },
    accepts: (v): v is T | null => v === null || inner.accepts(v),
  };
}

/** A rule checked by a predicate and described in words, for the few that fit no shape above. */
export function described<T>(words: string, accepts: (v: unknown) => v is T): Rule<T> {
  return { allowed: { kind: 'words', text: words }, accepts };
}

/** The value, if `rule` allows it; otherwise throws a Refusal naming `field`. */
export function check<T>(field: string, value: unknown, rule: Rule<T>): T {
  if (!rule.accepts(value)) throw new Refusal(field, value, rule.allowed);
  return value;
}

export type Reading<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** Like `check`, without throwing: for surfaces that gather every problem (the figure's attributes). */
export function read<T>(field: string, value: unknown, rule: Rule<T>): Reading<T> {
  return rule.accepts(value)
    ? { ok: true, value }
    : { ok: false, refusal: new Refusal(field, value, rule.allowed) };
}

/**
 * Text (a flag, an attribute, a form field) as a number: decimal notation only (an exponent allowed), so "0x10", "1e400",
 * " 5" and "" stay text and are refused by the number rule with what was typed.
 */
export function numberFromText(text: string): number | string {
  if (!/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) return text;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** Only the own properties of a plain object (never one inherited from a prototype). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function ownField(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
