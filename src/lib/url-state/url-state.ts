/**
 * The app's state in the URL hash (doc/url-state.md has the full description).
 *
 * Format
 *   #v<version>.<mode><payload>
 *   version  a decimal number, the format version (current: 1); it comes first so that any later format can
 *            still be recognised and refused or migrated.
 *   mode     one character: 'j' = payload is base64url(UTF-8 JSON); 'z' = payload is
 *            base64url(deflate-raw(UTF-8 JSON)) made with CompressionStream. The writer uses whichever is
 *            shorter ('j' on a tie), so short states stay readable and long ones stay short.
 *   payload  base64url (RFC 4648 §5) without padding.
 *   The JSON is the compact v1 object of shared-state.ts (`toCompact`), e.g.
 *   {"sc":"2025-10-tariff-crash","rs":[{"p":"hk-sfc-2026"},{"p":"offshore-cex","o":{"perp.maxLeverage":20}}],
 *    "po":{"n":200,"r":0.7,"l":0,"c":"spot"},"sd":20251010,"mm":false,"lg":"en"}
 *   Hand-written hashes (#lesson=…, #present, #lang=…) are not link states: src/lib/start-options.ts reads
 *   them, and the app never hands them to `decodeHash` (which refuses them).
 *
 * Back-compatibility rules
 *   - Unknown fields are ignored; missing fields take their defaults.
 *   - Every field that changes the run is always written, so new defaults never change an old link's run.
 *   - A change that gives an existing field another meaning, or removes one, is a new version. Versions older
 *     than the current one are lifted by the migration table (migrations.ts), one step per version.
 *   - A newer version than this app reads is refused with a notice (and the default comparison runs).
 *
 * Reading is total: `decodeHash` never throws or rejects. A hash longer than MAX_HASH_LENGTH, a payload that
 * inflates beyond MAX_JSON_BYTES, bad base64url, corrupt or truncated compression, invalid UTF-8 or JSON,
 * nesting deeper than MAX_DEPTH or with more than MAX_NODES values, a `__proto__`/`constructor`/`prototype`
 * key anywhere, and any field that fails its check (validate.ts) all come back as `{ ok: false, notice }`.
 * Nothing read from a link is ever evaluated or inserted as HTML.
 */
import { LinkRefused, described, notice, type UrlNotice } from './notice.ts';
import { CURRENT_VERSION, migrate } from './migrations.ts';
import { defaultSharedState, toCompact, type SharedState } from './shared-state.ts';
import {
  base64urlDecode,
  base64urlEncode,
  deflateRaw,
  inflateRaw,
  utf8Decode,
  utf8Encode,
} from './transport.ts';
import { validateSharedState } from './validate.ts';

/** Longest hash read, '#' included (8 KB): far above any state the app writes. */
export const MAX_HASH_LENGTH = 8 * 1024;
/** Largest JSON text a payload may inflate to. */
export const MAX_JSON_BYTES = 64 * 1024;
/** Deepest nesting of the JSON (the deepest state the app writes nests 6 levels). */
export const MAX_DEPTH = 8;
/** Most values (objects, arrays and scalars) in the JSON. */
export const MAX_NODES = 4_000;

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type DecodeResult =
  /** `fromLink` is false for an empty hash (the state is then the defaults). */
  | { ok: true; state: SharedState; notices: UrlNotice[]; fromLink: boolean; version: number | null }
  | { ok: false; notice: UrlNotice };

/** The plain ('j') form, made synchronously: for a link that must always be current, such as an href. */
export function encodeStatePlain(state: SharedState): string {
  return `#v${CURRENT_VERSION}.j${base64urlEncode(utf8Encode(JSON.stringify(toCompact(state))))}`;
}

/** The shorter of the plain and the compressed ('z') form. */
export async function encodeState(state: SharedState): Promise<string> {
  const bytes = utf8Encode(JSON.stringify(toCompact(state)));
  const plain = `j${base64urlEncode(bytes)}`;
  let best = plain;
  try {
    const packed = `z${base64urlEncode(await deflateRaw(bytes))}`;
    if (packed.length < plain.length) best = packed;
  } catch {
    // No CompressionStream: the plain form is always readable.
  }
  return `#v${CURRENT_VERSION}.${best}`;
}

function malformed(value: unknown, allowed: string): LinkRefused {
  return new LinkRefused(notice('malformed', 'link', value, allowed));
}

/** Refuses prototype keys, deep nesting and oversized structures before any field is read. */
function checkStructure(json: unknown): void {
  let nodes = 0;
  const walk = (value: unknown, depth: number, path: string): void => {
    if (++nodes > MAX_NODES)
      throw new LinkRefused(
        described(
          'too-complex',
          'link state',
          `more than ${MAX_NODES} values`,
          `at most ${MAX_NODES} values`,
        ),
      );
    if (typeof value !== 'object' || value === null) return;
    if (depth >= MAX_DEPTH)
      throw new LinkRefused(
        described(
          'too-complex',
          path,
          `nesting deeper than ${MAX_DEPTH}`,
          `at most ${MAX_DEPTH} levels of nesting`,
        ),
      );
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, depth + 1, `${path}[${i}]`));
      return;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key))
        throw new LinkRefused(
          notice(
            'forbidden-key',
            `${path} key`,
            key,
            'a field name other than __proto__, constructor or prototype',
          ),
        );
      walk((value as Record<string, unknown>)[key], depth + 1, `${path}.${key}`);
    }
  };
  walk(json, 0, 'link state');
}

async function payloadJson(version: number, payload: string): Promise<unknown> {
  let encoded = payload;
  let compressed = false;
  if (version >= 1) {
    const mode = payload.charAt(0);
    if (mode !== 'j' && mode !== 'z')
      throw malformed(payload, `'j' (JSON) or 'z' (compressed JSON) after v${version}.`);
    compressed = mode === 'z';
    encoded = payload.slice(1);
  }
  const raw = base64urlDecode(encoded);
  if (raw === null) throw malformed(encoded, 'base64url text (A–Z, a–z, 0–9, - and _)');
  let bytes: Uint8Array = raw;
  if (compressed) {
    const inflated = await inflateRaw(raw, MAX_JSON_BYTES);
    if (!inflated.ok)
      throw inflated.reason === 'too-long'
        ? new LinkRefused(
            notice(
              'too-long',
              'link state',
              `more than ${MAX_JSON_BYTES} bytes`,
              `at most ${MAX_JSON_BYTES} bytes of JSON`,
            ),
          )
        : malformed(encoded, 'complete deflate-raw data');
    bytes = inflated.bytes;
  } else if (raw.byteLength > MAX_JSON_BYTES)
    throw new LinkRefused(
      described(
        'too-long',
        'link state',
        `${raw.byteLength} bytes`,
        `at most ${MAX_JSON_BYTES} bytes of JSON`,
      ),
    );
  const text = utf8Decode(bytes);
  if (text === null) throw malformed(encoded, 'UTF-8 text');
  try {
    // -0 reads as 0: JSON.stringify writes both as 0, so a state re-encodes to the same link.
    return JSON.parse(text, (_key, value: unknown) => (value === 0 ? 0 : value)) as unknown;
  } catch {
    throw malformed(text, 'JSON');
  }
}

async function decode(hash: string): Promise<DecodeResult> {
  if (hash.length > MAX_HASH_LENGTH)
    throw new LinkRefused(
      described('too-long', 'link', `${hash.length} characters`, `at most ${MAX_HASH_LENGTH} characters`),
    );
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '')
    return { ok: true, state: defaultSharedState(), notices: [], fromLink: false, version: null };

  const marker = /^v(\d{1,6})\.(.*)$/s.exec(text);
  if (!marker) throw malformed(text, `a version marker such as v${CURRENT_VERSION}. followed by the state`);
  const version = Number(marker[1]);
  if (version > CURRENT_VERSION)
    throw new LinkRefused(
      notice('newer-version', 'link version', version, `a version from 0 to ${CURRENT_VERSION}`),
    );
  // Structure checks on the JSON as given, before a migration reshapes it (issue 19: a v0 link's __proto__ was
  // dropped by the migration unseen), and again after, on what the validation reads.
  const given = await payloadJson(version, marker[2]!);
  checkStructure(given);
  const json = migrate(given, version);
  checkStructure(json);
  const validation = validateSharedState(json);
  if (!validation.ok) return validation;
  return { ok: true, state: validation.state, notices: validation.notices, fromLink: true, version };
}

/** Reads a location hash ('#v1.…', with or without '#'). Never throws, never rejects. */
export async function decodeHash(hash: unknown): Promise<DecodeResult> {
  try {
    if (typeof hash !== 'string') throw malformed(hash, 'text');
    return await decode(hash);
  } catch (error) {
    if (error instanceof LinkRefused) return { ok: false, notice: error.notice };
    return { ok: false, notice: notice('malformed', 'link', hash, 'a link made by Leverage Lab') };
  }
}
