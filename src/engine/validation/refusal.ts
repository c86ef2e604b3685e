/**
 * A refused input: the field, the value given and what is allowed. The message is the project's one form,
 * "haircut must be between 0% and 100% (got 120%)". A RangeError, so callers that catch the engine's
 * RangeErrors keep working; surfaces that show it in another language read the fields, not the message.
 */
import { describeAllowed, scaled, type Allowed } from './allowed.ts';

const MAX_SHOWN = 48;

/** One line, at most MAX_SHOWN characters, control characters removed. */
export function shorten(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const line = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN - 1)}…` : line;
}

/** Array.isArray, which throws on a revoked proxy, as a plain yes or no. */
function isArraySafely(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** At most this many entries of an array are written out; the rest are counted. */
const MAX_ENTRIES_SHOWN = 8;

function text(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 200 ? value.slice(0, 200) : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  if (Array.isArray(value) && value.length > MAX_ENTRIES_SHOWN) {
    // A hostile list of millions of entries is not stringified whole just to be cut to 48 characters.
    const head = value.slice(0, MAX_ENTRIES_SHOWN).map(text).join(',');
    return `[${head},… ${value.length} entries]`;
  }
  return JSON.stringify(value) ?? String(value);
}

/** A value as short, single-line text (strings quoted, long values cut with "…"); never throws. */
export function shown(value: unknown): string {
  try {
    return shorten(text(value));
  } catch {
    // An array nested thousands deep overflows the stack of JSON.stringify: say so rather than "object".
    if (isArraySafely(value)) return 'an array nested too deep';
    // A revoked proxy, a throwing getter or toJSON: say what kind of thing it was.
    return typeof value;
  }
}

/** The value given, written at the rule's scale when it is a number ("120%" for 1.2 against a percent rule). */
export function shownAgainst(value: unknown, allowed: Allowed): string {
  if (typeof value === 'number' && Number.isFinite(value) && 'scale' in allowed && allowed.scale)
    return scaled(value, allowed.scale);
  return shown(value);
}

export class Refusal extends RangeError {
  /** The field in words, as the surface names it: "BTC haircut", "rule set B, maximum leverage", "--traders". */
  readonly field: string;
  /** The value given, as it came (not shortened). */
  readonly given: unknown;
  readonly allowed: Allowed;

  constructor(field: string, given: unknown, allowed: Allowed) {
    super(`${field} must be ${describeAllowed(allowed)} (got ${shownAgainst(given, allowed)})`);
    this.name = 'Refusal';
    this.field = field;
    this.given = given;
    this.allowed = allowed;
  }

  /** The same refusal under an outer field: "rule set B" + "maximum leverage" → "rule set B, maximum leverage". */
  within(outer: string): Refusal {
    return new Refusal(`${outer}, ${this.field}`, this.given, this.allowed);
  }
}

export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}
