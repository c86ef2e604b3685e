/**
 * A small flag parser for the command line: `--name value` and `--name=value`, nothing else.
 * Values are checked with the shared validation layer (src/engine/validation): every refusal names the flag,
 * the value given and what is allowed. Usage errors (a stray word, a flag given twice, a missing or unknown
 * flag) are UsageErrors; both end the command with exit code 2 and one `error:` line (dispatch.ts).
 */
import { flagText } from './flag-input.ts';
import {
  Refusal,
  check,
  describeAllowed,
  described,
  finiteNumber,
  isPlainRecord,
  numberFromText,
  oneOf,
  ownField,
  type Allowed,
  type Rule,
} from '../engine/validation/index.ts';

/** Flag values by name (without the leading dashes), as given on the command line. */
export type Flags = ReadonlyMap<string, string>;

/** Bad usage: main.ts prints the message and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Flags that may be given more than once (`--set A=1 --set B=2`); read them with `repeated`. */
const REPEATABLE: ReadonlySet<string> = new Set(['set']);
/** Joins a repeatable flag's values: a NUL never occurs in a command-line argument. */
const SEPARATOR = '\u0000';

export function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (!token.startsWith('--') || token === '--')
      throw new UsageError(`unexpected argument "${token}" (flags look like --name value or --name=value)`);
    const eq = token.indexOf('=');
    let name: string;
    let value: string;
    if (eq >= 0) {
      name = token.slice(2, eq);
      value = token.slice(eq + 1);
    } else {
      name = token.slice(2);
      const next = argv[i + 1];
      // A value may start with a single "-" (a negative number), never with "--".
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    if (name === '') throw new UsageError(`a flag needs a name (got "${token}")`);
    const earlier = flags.get(name);
    if (earlier !== undefined && REPEATABLE.has(name)) flags.set(name, `${earlier}${SEPARATOR}${value}`);
    else if (earlier !== undefined) throw new UsageError(`--${name} is given twice`);
    else flags.set(name, value);
  }
  return flags;
}

/** Every value of a repeatable flag, in the order given (none when absent). */
export function repeated(flags: Flags, name: string): string[] {
  const raw = flags.get(name);
  return raw === undefined ? [] : raw.split(SEPARATOR);
}

/** Refuses flags a command does not know, listing the ones it does. */
export function allowOnly(flags: Flags, allowed: readonly string[]): void {
  for (const name of flags.keys()) {
    if (!allowed.includes(name))
      throw new UsageError(`unknown flag --${name} (allowed: ${allowed.map((a) => `--${a}`).join(', ')})`);
  }
}

/**
 * A flag's text as a number, checked by `rule` (a rule of the shared validation layer). Plain decimal notation
 * only (`numberFromText`): "0x10", "1e400", " 5" and "" stay text and are refused as given. A refusal is a
 * Refusal (a RangeError): "--traders must be a whole number from 3 to 1000000 (got 2.5)".
 */
export function parseNumber(label: string, raw: string, rule: Rule<number> = finiteNumber): number {
  // -0 reads as 0: "-0" is a zero, and JSON would print it as 0 anyway.
  return check(label, numberFromText(raw), rule) + 0;
}

export function optionalNumber(
  flags: Flags,
  name: string,
  rule: Rule<number> = finiteNumber,
): number | undefined {
  const raw = flags.get(name);
  return raw === undefined ? undefined : parseNumber(`--${name}`, raw, rule);
}

export function requireNumber(flags: Flags, name: string, rule: Rule<number> = finiteNumber): number {
  const value = optionalNumber(flags, name, rule);
  if (value === undefined) throw new UsageError(`--${name} is required (${describeAllowed(rule.allowed)})`);
  return value;
}

/** One of a fixed list of words; `fallback` when the flag is absent, else the flag is required. */
export function choice<const T extends string>(
  flags: Flags,
  name: string,
  options: readonly T[],
  fallback?: T,
): T {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${name} is required (${describeAllowed(oneOf(options).allowed)})`);
  }
  return check(`--${name}`, raw, oneOf(options));
}

const JSON_ARRAY: Allowed = { kind: 'words', text: 'a JSON array' };

/** A JSON array (or `@file`, or `-` for standard input); undefined when absent. Elements are checked by the caller. */
export function jsonArray(flags: Flags, name: string): unknown[] | undefined {
  const given = flags.get(name);
  if (given === undefined) return undefined;
  const raw = flagText(name, given);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Refusal(`--${name}`, raw, JSON_ARRAY);
  }
  if (!Array.isArray(parsed)) throw new Refusal(`--${name}`, raw, JSON_ARRAY);
  return parsed;
}

/**
 * Checks that a JSON array element is a plain object with only the allowed fields (a misspelt field is
 * refused, as an unknown flag is); refusals read `--tiers[1] …`.
 */
export function objectElement(
  label: string,
  element: unknown,
  fields: readonly string[],
): Record<string, unknown> {
  const record = check(label, element, described(`an object with ${fields.join(', ')}`, isPlainRecord));
  for (const key of Object.keys(record)) check(`${label} field name`, key, oneOf(fields));
  return record;
}

/** A field of an element checked by `objectElement`, by `rule`: `--tiers[1].mmr must be …`. */
export function numberField(
  label: string,
  element: Readonly<Record<string, unknown>>,
  field: string,
  rule: Rule<number> = finiteNumber,
): number {
  return check(`${label}.${field}`, ownField(element, field), rule);
}
