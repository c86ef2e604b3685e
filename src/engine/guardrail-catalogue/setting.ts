/**
 * One guardrail setting by its path into the rule set: a whole guardrail (`perp.maxLeverage`) or one field of a
 * guardrail that is a record (`financing.collateral.BTC.haircut`, `perp.partialLiquidation.sliceFraction`,
 * `extras.maxLeverageByMarket.ETH`). Settings become the regime overrides the app's panels build, so the custom
 * regime is validated by the same code (customRegime → validateRegime) and refused in the same words.
 */
import {
  GUARDRAIL_KEYS,
  guardrailValue,
  type GuardrailKey,
  type RegimeOverrides,
  type RegimeParameters,
} from '../regimes/index.ts';
import { MARKET_IDS } from '../perp/market.ts';
import { Refusal, isPlainRecord } from '../validation/index.ts';

/** What a setting key must be, in words (the list is long: `guardrails` on the command line prints it). */
const KEY_WORDS = { kind: 'words', text: 'a guardrail key (the `guardrails` command lists them)' } as const;

export interface SettingPath {
  guardrail: GuardrailKey;
  /** The field inside the guardrail's record, or null for the whole guardrail. */
  field: string | null;
}

/** Splits `financing.collateral.BTC.haircut` into its guardrail and field; a Refusal for anything else. */
export function settingPath(key: string, label = 'guardrail'): SettingPath {
  if ((GUARDRAIL_KEYS as readonly string[]).includes(key))
    return { guardrail: key as GuardrailKey, field: null };
  const dot = key.lastIndexOf('.');
  const head = key.slice(0, dot);
  if (dot > 0 && (GUARDRAIL_KEYS as readonly string[]).includes(head))
    return { guardrail: head as GuardrailKey, field: key.slice(dot + 1) };
  throw new Refusal(label, key, KEY_WORDS);
}

/** Per-market caps may name a market the preset leaves uncapped; other records only their own fields. */
function fieldAllowed(guardrail: GuardrailKey, current: Record<string, unknown>, field: string): boolean {
  if (guardrail === 'extras.maxLeverageByMarket') return (MARKET_IDS as readonly string[]).includes(field);
  return Object.hasOwn(current, field);
}

/**
 * Adds one setting to `overrides` (a new object), reading the guardrail's current value from the overrides so
 * far or else from `base`. A field of a per-market cap set to null removes that market's cap.
 */
export function withSetting(
  base: RegimeParameters,
  overrides: RegimeOverrides,
  key: string,
  value: unknown,
  label = 'guardrail',
): RegimeOverrides {
  const { guardrail, field } = settingPath(key, label);
  if (field === null) return { ...overrides, [guardrail]: value };
  const current: unknown = Object.hasOwn(overrides, guardrail)
    ? overrides[guardrail]
    : guardrailValue(base, guardrail);
  if (!isPlainRecord(current) || !fieldAllowed(guardrail, current, field))
    throw new Refusal(label, key, {
      kind: 'words',
      text:
        current === null
          ? `set as a whole: ${guardrail} is none under this rule set`
          : `a field of ${guardrail} (${isPlainRecord(current) ? Object.keys(current).join(', ') : 'none'})`,
    });
  const next: Record<string, unknown> = { ...current, [field]: value };
  if (guardrail === 'extras.maxLeverageByMarket' && value === null) delete next[field];
  return { ...overrides, [guardrail]: next };
}

/** All settings at once, in order (a later field of the same guardrail builds on the earlier ones). */
export function overridesOf(
  base: RegimeParameters,
  settings: Readonly<Record<string, unknown>>,
  label = 'guardrail',
): RegimeOverrides {
  let overrides: RegimeOverrides = {};
  for (const [key, value] of Object.entries(settings))
    overrides = withSetting(base, overrides, key, value, label);
  return overrides;
}

/**
 * A value typed on the command line: JSON where it reads as JSON (numbers, true/false, null, arrays, records),
 * otherwise the text itself (`last-traded`). The regime's validation then judges it.
 */
export function settingValueFromText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
