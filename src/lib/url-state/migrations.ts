/**
 * Older link formats, lifted one version at a time to the current one. `MIGRATIONS[n]` turns the JSON of
 * version n into the JSON of version n + 1; a link of version n goes through every step from n up. A step
 * only renames and reshapes fields it knows and never throws: validation of the result comes after, as for a
 * current link. Each format is described in doc/url-state.md; a test reads a hand-written link of each.
 */

import { isPlainRecord, ownField } from '../../engine/validation/index.ts';

/**
 * v0, the pre-release draft: long field names, presets only (no changed guardrails), population size only.
 * `{ scenario, regimes: [A, B], seed, traders, lang }` → v1.
 */
function v0ToV1(v0: unknown): unknown {
  if (!isPlainRecord(v0)) return v0;
  const v1: Record<string, unknown> = {};
  const get = (key: string) => ownField(v0, key);
  if (get('scenario') !== undefined) v1.sc = get('scenario');
  const regimes = get('regimes');
  if (regimes !== undefined) v1.rs = Array.isArray(regimes) ? regimes.map((p: unknown) => ({ p })) : regimes;
  if (get('seed') !== undefined) v1.sd = get('seed');
  if (get('traders') !== undefined) v1.po = { n: get('traders') };
  if (get('lang') !== undefined) v1.lg = get('lang');
  return v1;
}

export const MIGRATIONS: readonly ((json: unknown) => unknown)[] = [v0ToV1];

/** The current version: one more than the number of migrations. */
export const CURRENT_VERSION = MIGRATIONS.length;

/** The JSON of version `from` lifted to the current version. */
export function migrate(json: unknown, from: number): unknown {
  let out = json;
  for (let v = from; v < CURRENT_VERSION; v++) out = MIGRATIONS[v]!(out);
  return out;
}
