/**
 * The presets' rules without their provenance, and custom rules derived from them: all a run needs, so the
 * engine's worker loads no provenance notes (issue 8's 60 KB budget). catalogue.ts adds the provenance for the
 * UI, the CLI and the guardrail catalogue. Presets are deeply frozen: a run that wants different rules builds
 * custom rules instead of changing a shared preset.
 */
import { GUARDRAIL_KEYS, type GuardrailKey, type RegimeOverrides } from './guardrail-keys.ts';
import { withGuardrailValue } from './guardrail-path.ts';
import { validateRegime } from './validate-regime.ts';
import { deepFreeze } from './deep-freeze.ts';
import { check, described, isPlainRecord, oneOf } from '../validation/index.ts';
import { PRESET_IDS, type PresetId, type RegimeId, type RegimeRules } from './types.ts';
import { HK_SFC_2026 } from './presets/hk-sfc-2026.ts';
import { HK_SFC_2026_SECURITIES_ONLY } from './presets/hk-sfc-2026-securities-only.ts';
import { OFFSHORE_CEX } from './presets/offshore-cex.ts';
import { ONCHAIN_PERP_DEX } from './presets/onchain-perp-dex.ts';
import { EU_ESMA_RETAIL } from './presets/eu-esma-retail.ts';
import { JP_FSA_RETAIL } from './presets/jp-fsa-retail.ts';
import { US_CFTC } from './presets/us-cftc.ts';

export const PRESET_RULES: Readonly<Record<PresetId, RegimeRules>> = deepFreeze({
  'hk-sfc-2026': HK_SFC_2026,
  'hk-sfc-2026-securities-only': HK_SFC_2026_SECURITIES_ONLY,
  'offshore-cex': OFFSHORE_CEX,
  'onchain-perp-dex': ONCHAIN_PERP_DEX,
  'eu-esma-retail': EU_ESMA_RETAIL,
  'jp-fsa-retail': JP_FSA_RETAIL,
  'us-cftc': US_CFTC,
});

export function isRegimeId(value: unknown): value is RegimeId {
  return value === 'custom' || isPresetId(value);
}

export function isPresetId(value: unknown): value is PresetId {
  return typeof value === 'string' && (PRESET_IDS as readonly string[]).includes(value);
}

const PRESET = oneOf(PRESET_IDS);
const OVERRIDES = described('an object of regime parameters and their values', isPlainRecord);
const PARAMETER = oneOf(GUARDRAIL_KEYS);

/** A preset's rules by id; a Refusal listing the presets for anything else. */
export function presetRules(id: PresetId): RegimeRules {
  return PRESET_RULES[check('regime', id, PRESET)];
}

/**
 * The rules of a `custom` regime: `base` (a preset, or an earlier custom regime) with the given guardrails
 * replaced, validated as a whole, so an unusable value is refused with a Refusal naming it. Every other field
 * of `base` is copied as it is. `changedBefore` names the parameters an earlier custom base already changed
 * (customRegime reads them from its provenance), so that the description lists them too.
 */
export function customRules(
  base: PresetId | RegimeRules,
  overrides: RegimeOverrides,
  changedBefore: readonly GuardrailKey[] = [],
): RegimeRules {
  const start = typeof base === 'string' ? presetRules(base) : base;
  const basedOn = start.basedOn ?? (start.id === 'custom' ? undefined : start.id);
  let result: RegimeRules = { ...start, id: 'custom' };
  if (basedOn !== undefined) result.basedOn = basedOn;
  check('regime overrides', overrides, OVERRIDES);
  const changedKeys = new Set(changedBefore);
  for (const [name, value] of Object.entries(overrides)) {
    const key = check('regime parameter', name, PARAMETER);
    if (value === undefined) continue;
    result = withGuardrailValue(result, key, value as never);
    changedKeys.add(key);
  }
  const changed = GUARDRAIL_KEYS.filter((key) => changedKeys.has(key));
  const from = basedOn === undefined ? start.title : PRESET_RULES[basedOn].title;
  result.title = `Custom (from ${from})`;
  result.shortTitle = `Custom (${basedOn === undefined ? start.shortTitle : PRESET_RULES[basedOn].shortTitle})`;
  result.description =
    `The rules of ${from} with parameters changed by the user. ` +
    `Changed here: ${changed.length === 0 ? 'none' : changed.join(', ')}.`;
  validateRegime(result);
  return result;
}
