/**
 * The regimes a user can pick, and custom regimes derived from them. Presets are deeply frozen: a run that
 * wants different rules builds a custom regime instead of changing a shared preset.
 */
import { GUARDRAIL_KEYS, type RegimeOverrides } from './guardrail-keys.ts';
import { withGuardrailValue } from './guardrail-path.ts';
import { isSetByUser, setByUser } from './provenance.ts';
import { validateRegime } from './validate-regime.ts';
import { check, described, isPlainRecord, oneOf } from '../validation/index.ts';
import { PRESET_IDS, type PresetId, type Regime, type RegimeId } from './types.ts';
import { HK_SFC_2026 } from './presets/hk-sfc-2026.ts';
import { HK_SFC_2026_SECURITIES_ONLY } from './presets/hk-sfc-2026-securities-only.ts';
import { OFFSHORE_CEX } from './presets/offshore-cex.ts';
import { ONCHAIN_PERP_DEX } from './presets/onchain-perp-dex.ts';
import { EU_ESMA_RETAIL } from './presets/eu-esma-retail.ts';
import { JP_FSA_RETAIL } from './presets/jp-fsa-retail.ts';
import { US_CFTC } from './presets/us-cftc.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const REGIMES: Readonly<Record<PresetId, Regime>> = deepFreeze({
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

/** A preset by id; a Refusal listing the presets for anything else. */
export function regime(id: PresetId): Regime {
  return REGIMES[check('regime', id, PRESET)];
}

/** The presets in display order, for menus and the CLI. */
export function regimeList(): { id: PresetId; title: string }[] {
  return PRESET_IDS.map((id) => ({ id, title: REGIMES[id].title }));
}

/**
 * A `custom` regime: `base` (a preset, or an earlier custom regime) with the given guardrails replaced. Every
 * overridden parameter's provenance becomes "set by the user"; the result is validated as a whole, so an
 * unusable value is refused with a Refusal naming it.
 */
export function customRegime(base: PresetId | Regime, overrides: RegimeOverrides): Regime {
  const start = typeof base === 'string' ? regime(base) : base;
  const basedOn = start.basedOn ?? (start.id === 'custom' ? undefined : start.id);
  let result: Regime = { ...start, id: 'custom', provenance: { ...start.provenance } };
  if (basedOn !== undefined) result.basedOn = basedOn;
  check('regime overrides', overrides, OVERRIDES);
  for (const [name, value] of Object.entries(overrides)) {
    const key = check('regime parameter', name, PARAMETER);
    if (value === undefined) continue;
    result = withGuardrailValue(result, key, value as never);
    result.provenance[key] = setByUser();
  }
  const changed = GUARDRAIL_KEYS.filter((key) => isSetByUser(result.provenance[key]));
  const from = basedOn === undefined ? start.title : REGIMES[basedOn].title;
  result.title = `Custom (from ${from})`;
  result.shortTitle = `Custom (${basedOn === undefined ? start.shortTitle : REGIMES[basedOn].shortTitle})`;
  result.description =
    `The rules of ${from} with parameters changed by the user. ` +
    `Changed here: ${changed.length === 0 ? 'none' : changed.join(', ')}.`;
  validateRegime(result);
  return result;
}
