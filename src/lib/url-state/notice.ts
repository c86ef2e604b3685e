/**
 * What the reader of a link says when it refuses a link or drops part of it. Every notice names the field, the
 * value given (shortened, as text: the view renders it as text, never as HTML) and what is allowed, in the
 * engine's wording ("seed must be a whole number ≥ 0 (got -1)"). The view translates the frame around it.
 * Fields are checked with the shared validation layer (src/engine/validation); its refusals become notices here.
 */
import {
  describeAllowed,
  isRefusal,
  shorten,
  shown,
  shownAgainst,
  type Refusal,
} from '../../engine/validation/index.ts';

export type NoticeCode =
  /** The hash cannot be read at all: no version marker, bad base64url, corrupt compression, not JSON. */
  | 'malformed'
  /** Longer than MAX_HASH_LENGTH characters, or inflates to more than MAX_JSON_BYTES. */
  | 'too-long'
  /** Made by a newer Leverage Lab than this one. */
  | 'newer-version'
  /** A key that could reach an object's prototype (`__proto__`, `constructor`, `prototype`). */
  | 'forbidden-key'
  /** Nested deeper or with more entries than any state this app writes. */
  | 'too-complex'
  /** A field whose value is not allowed. */
  | 'invalid-field';

export interface UrlNotice {
  code: NoticeCode;
  /** The field in words: "seed", "rule set B, perp.maxLeverage". */
  field: string;
  /** What the link gave, shortened for display. */
  value: string;
  /** What is allowed, in words. */
  allowed: string;
  /** The whole sentence in English: "seed must be a whole number ≥ 0 (got -1)". */
  message: string;
}

/** Values are shown the layer's way: one line, at most 48 characters, strings quoted. */
export { shown, shorten };

export function notice(code: NoticeCode, field: string, value: unknown, allowed: string): UrlNotice {
  return described(code, field, shown(value), allowed);
}

/** A notice whose value is already words ("20485 characters"), shown as they are rather than quoted. */
export function described(code: NoticeCode, field: string, value: string, allowed: string): UrlNotice {
  const given = shorten(value);
  return { code, field, value: given, allowed, message: `${field} must be ${allowed} (got ${given})` };
}

/** A notice from a refusal of the shared layer, as it stands: its field, the value given and what is allowed. */
export function refusalNotice(refusal: Refusal): UrlNotice {
  return {
    code: 'invalid-field',
    field: refusal.field,
    value: shownAgainst(refusal.given, refusal.allowed),
    allowed: describeAllowed(refusal.allowed),
    message: refusal.message,
  };
}

/**
 * A notice from an engine validator's error, placed under `field` ("rule set A"). A Refusal is read field by
 * field ("maximum leverage", 0, "a number ≥ 1"); a plain RangeError in the same words ("maximum leverage must
 * be a number ≥ 1 (got 0)") is taken apart by its message, and a message without that shape is kept whole as
 * what is allowed.
 */
export function engineNotice(field: string, error: unknown, value: unknown): UrlNotice {
  if (isRefusal(error)) {
    const inner = refusalNotice(error);
    return { ...inner, field: `${field}, ${inner.field}`, message: `${field}: ${inner.message}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  const m = /^(.*?) must (?:be )?(.*) \(got (.*)\)$/s.exec(message);
  if (m) {
    const inner = `${field}, ${m[1]!}`;
    const given = shorten(m[3]!);
    return {
      code: 'invalid-field',
      field: inner,
      value: given,
      allowed: m[2]!,
      message: `${field}: ${message}`,
    };
  }
  const given = shown(value);
  return { code: 'invalid-field', field, value: given, allowed: message, message: `${field}: ${message}` };
}

/** Thrown inside the reader only, caught by `decodeHash`: the link as a whole is refused. */
export class LinkRefused extends Error {
  readonly notice: UrlNotice;
  constructor(notice: UrlNotice) {
    super(notice.message);
    this.name = 'LinkRefused';
    this.notice = notice;
  }
}
