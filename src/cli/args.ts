/**
 * A small flag parser for the command line: `--name value` and `--name=value`, nothing else.
 * Every error names the flag, the value given and what is allowed.
 */

/** Flag values by name (without the leading dashes), as given on the command line. */
export type Flags = ReadonlyMap<string, string>;

/** Bad usage: main.ts prints the message and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

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
    if (flags.has(name)) throw new UsageError(`--${name} is given twice`);
    flags.set(name, value);
  }
  return flags;
}

/** Refuses flags a command does not know, listing the ones it does. */
export function allowOnly(flags: Flags, allowed: readonly string[]): void {
  for (const name of flags.keys()) {
    if (!allowed.includes(name))
      throw new UsageError(`unknown flag --${name} (allowed: ${allowed.map((a) => `--${a}`).join(', ')})`);
  }
}

export interface NumberBounds {
  min?: number;
  exclusiveMin?: number;
  max?: number;
  exclusiveMax?: number;
}

/** "a number > 0", "a number ≥ 0 and ≤ 1", "a number". */
function describeNumber(bounds: NumberBounds): string {
  const parts: string[] = [];
  if (bounds.exclusiveMin !== undefined) parts.push(`> ${bounds.exclusiveMin}`);
  if (bounds.min !== undefined) parts.push(`≥ ${bounds.min}`);
  if (bounds.max !== undefined) parts.push(`≤ ${bounds.max}`);
  if (bounds.exclusiveMax !== undefined) parts.push(`< ${bounds.exclusiveMax}`);
  return parts.length === 0 ? 'a number' : `a number ${parts.join(' and ')}`;
}

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

function inBounds(value: number, { min, exclusiveMin, max, exclusiveMax }: NumberBounds): boolean {
  return (
    Number.isFinite(value) &&
    (min === undefined || value >= min) &&
    (exclusiveMin === undefined || value > exclusiveMin) &&
    (max === undefined || value <= max) &&
    (exclusiveMax === undefined || value < exclusiveMax)
  );
}

/** Parses a decimal number within bounds; `label` is how the error names it (e.g. `--qty`). */
export function parseNumber(label: string, raw: string, bounds: NumberBounds = {}): number {
  const value = NUMBER_PATTERN.test(raw.trim()) ? Number(raw) : NaN;
  if (!inBounds(value, bounds))
    throw new UsageError(`${label} must be ${describeNumber(bounds)} (got "${raw}")`);
  return value;
}

export function optionalNumber(flags: Flags, name: string, bounds: NumberBounds = {}): number | undefined {
  const raw = flags.get(name);
  return raw === undefined ? undefined : parseNumber(`--${name}`, raw, bounds);
}

export function requireNumber(flags: Flags, name: string, bounds: NumberBounds = {}): number {
  const value = optionalNumber(flags, name, bounds);
  if (value === undefined) throw new UsageError(`--${name} is required (${describeNumber(bounds)})`);
  return value;
}

/** One of a fixed list of words; `fallback` when the flag is absent, else the flag is required. */
export function choice<T extends string>(flags: Flags, name: string, options: readonly T[], fallback?: T): T {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${name} is required (one of ${options.join(', ')})`);
  }
  const found = options.find((o) => o === raw);
  if (found === undefined)
    throw new UsageError(`--${name} must be one of ${options.join(', ')} (got "${raw}")`);
  return found;
}

/** A JSON array; undefined when the flag is absent. Elements are checked by the caller. */
export function jsonArray(flags: Flags, name: string): unknown[] | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new UsageError(
      `--${name} must be a JSON array (got ${JSON.stringify(raw)}: ${(e as Error).message})`,
    );
  }
  if (!Array.isArray(parsed))
    throw new UsageError(`--${name} must be a JSON array (got ${JSON.stringify(raw)})`);
  return parsed;
}

/**
 * Checks that a JSON array element is an object with only the allowed fields (a misspelt field is refused,
 * as an unknown flag is); errors read `--tiers[1] …`.
 */
export function objectElement(
  label: string,
  element: unknown,
  fields: readonly string[],
): Record<string, unknown> {
  if (!isRecord(element))
    throw new UsageError(
      `${label} must be an object with ${fields.join(', ')} (got ${JSON.stringify(element)})`,
    );
  for (const key of Object.keys(element)) {
    if (!fields.includes(key))
      throw new UsageError(`${label} has unknown field "${key}" (allowed: ${fields.join(', ')})`);
  }
  return element;
}

/** A field of an element checked by `objectElement`, as a number within bounds: `--tiers[1].mmr must be …`. */
export function numberField(
  label: string,
  element: Readonly<Record<string, unknown>>,
  field: string,
  bounds: NumberBounds = {},
): number {
  const value = element[field];
  if (typeof value !== 'number' || !inBounds(value, bounds))
    throw new UsageError(
      `${label}.${field} must be ${describeNumber(bounds)} (got ${JSON.stringify(value) ?? 'nothing'})`,
    );
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
