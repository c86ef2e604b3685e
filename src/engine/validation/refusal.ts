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

/** A value as short, single-line text (strings quoted, long values cut with "…"); never throws. */
export function shown(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (value === undefined) text = 'nothing';
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'function' || typeof value === 'symbol') text = typeof value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return shorten(text);
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
