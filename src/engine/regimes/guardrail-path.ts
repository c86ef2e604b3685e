/**
 * Reading and replacing one guardrail of a regime by its key ('perp.funding.cap'). Replacing copies every
 * object along the path and shares the rest, so presets (which are frozen) are never changed.
 */
import {
  GUARDRAIL_KEYS,
  type GuardrailKey,
  type GuardrailValue,
  type RegimeParameters,
} from './guardrail-keys.ts';
import { Refusal, oneOf } from '../validation/index.ts';

/** What a key must be; thrown only when a key that passed as a GuardrailKey does not lead to a value. */
function noParameter(key: string): Refusal {
  return new Refusal('regime parameter', key, oneOf(GUARDRAIL_KEYS).allowed);
}

type Tree = { readonly [key: string]: unknown };

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function segments(key: GuardrailKey): string[] {
  return key.split('.');
}

export function guardrailValue<K extends GuardrailKey>(regime: RegimeParameters, key: K): GuardrailValue<K> {
  let node: unknown = regime;
  for (const segment of segments(key)) {
    if (!isTree(node) || !Object.hasOwn(node, segment)) throw noParameter(key);
    node = node[segment];
  }
  return node as GuardrailValue<K>;
}

function replaceAt(node: unknown, path: readonly string[], value: unknown, key: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (!isTree(node) || !Object.hasOwn(node, head)) throw noParameter(key);
  return { ...node, [head]: replaceAt(node[head], rest, value, key) };
}

/** A copy of `regime` with the parameter at `key` replaced by `value`. */
export function withGuardrailValue<T extends RegimeParameters, K extends GuardrailKey>(
  regime: T,
  key: K,
  value: GuardrailValue<K>,
): T {
  return replaceAt(regime, segments(key), value, key) as T;
}
