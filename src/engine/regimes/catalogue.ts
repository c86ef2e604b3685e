/**
 * The regimes a user can pick, and custom regimes derived from them, each with the provenance of every
 * parameter (the rule-set panel, the sweep, the CLI and the guardrail catalogue show it). The rules come from
 * rules-catalogue.ts, which a run uses alone; the provenance from the presets' `*.provenance.ts` modules.
 * Presets are deeply frozen: a run that wants different rules builds a custom regime instead of changing a
 * shared preset.
 */
import { GUARDRAIL_KEYS, type GuardrailKey, type RegimeOverrides } from './guardrail-keys.ts';
import { isSetByUser, setByUser } from './provenance.ts';
import { deepFreeze } from './deep-freeze.ts';
import { customRules, PRESET_RULES } from './rules-catalogue.ts';
import { check, oneOf } from '../validation/index.ts';
import { PRESET_IDS, type PresetId, type Regime, type RegimeProvenance } from './types.ts';
import { HK_SFC_2026_PROVENANCE } from './presets/hk-sfc-2026.provenance.ts';
import { HK_SFC_2026_SECURITIES_ONLY_PROVENANCE } from './presets/hk-sfc-2026-securities-only.provenance.ts';
import { OFFSHORE_CEX_PROVENANCE } from './presets/offshore-cex.provenance.ts';
import { ONCHAIN_PERP_DEX_PROVENANCE } from './presets/onchain-perp-dex.provenance.ts';
import { EU_ESMA_RETAIL_PROVENANCE } from './presets/eu-esma-retail.provenance.ts';
import { JP_FSA_RETAIL_PROVENANCE } from './presets/jp-fsa-retail.provenance.ts';
import { US_CFTC_PROVENANCE } from './presets/us-cftc.provenance.ts';

export { isPresetId, isRegimeId } from './rules-catalogue.ts';

const PRESET_PROVENANCE: Record<PresetId, RegimeProvenance> = {
  'hk-sfc-2026': HK_SFC_2026_PROVENANCE,
  'hk-sfc-2026-securities-only': HK_SFC_2026_SECURITIES_ONLY_PROVENANCE,
  'offshore-cex': OFFSHORE_CEX_PROVENANCE,
  'onchain-perp-dex': ONCHAIN_PERP_DEX_PROVENANCE,
  'eu-esma-retail': EU_ESMA_RETAIL_PROVENANCE,
  'jp-fsa-retail': JP_FSA_RETAIL_PROVENANCE,
  'us-cftc': US_CFTC_PROVENANCE,
};

/** Each preset's rules (shared with PRESET_RULES) and its provenance, in PRESET_IDS order. */
export const REGIMES: Readonly<Record<PresetId, Regime>> = deepFreeze(
  Object.fromEntries(
    PRESET_IDS.map((id) => [id, { ...PRESET_RULES[id], provenance: PRESET_PROVENANCE[id] }]),
  ) as Record<PresetId, Regime>,
);

const PRESET = oneOf(PRESET_IDS);

/** A preset by id; a Refusal listing the presets for anything else. */
export function regime(id: PresetId): Regime {
  return REGIMES[check('regime', id, PRESET)];
}

/** The presets in display order, for menus and the CLI. */
export function regimeList(): { id: PresetId; title: string }[] {
  return PRESET_IDS.map((id) => ({ id, title: REGIMES[id].title }));
}

/**
 * A `custom` regime: `base` (a preset, or an earlier custom regime) with the given guardrails replaced (by
 * customRules, which validates the result as a whole, so an unusable value is refused with a Refusal naming
 * it). Every overridden parameter's provenance becomes "set by the user".
 */
export function customRegime(base: PresetId | Regime, overrides: RegimeOverrides): Regime {
  const start = typeof base === 'string' ? regime(base) : base;
  const changedBefore = GUARDRAIL_KEYS.filter((key) => isSetByUser(start.provenance[key]));
  // `start` with its provenance: the copy keeps the provenance where it was among the fields, replaced below.
  const rules = customRules(start, overrides, changedBefore);
  const provenance = { ...start.provenance };
  for (const [name, value] of Object.entries(overrides))
    if (value !== undefined) provenance[name as GuardrailKey] = setByUser();
  return { ...rules, provenance };
}
