/**
 * A rule set's name as the results show it: the preset's short title, and what was changed from it, so two
 * columns built from the same preset are told apart ("Offshore CEX, maximum leverage 10×", not twice
 * "Offshore CEX, changed").
 */
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { catalogues, type MessageKey } from '../../lib/i18n/catalogues.ts';
import type { GuardrailKey, PresetId, RegimeOverrides } from '../../engine/regimes/index.ts';
import { GUARDRAIL_VIEWS } from '../controls/guardrails.ts';
import { optionText, plain, readout } from '../controls/guardrail-format.ts';

/**
 * The guardrail's name in a column heading: its short name where the catalogue has one ("leverage cap"),
 * else its label without the unit in brackets ("Funding interval (h)" → "Funding interval").
 */
function bareLabel(i18n: I18n, key: GuardrailKey): string {
  const short = `regimes.guardrailShort.${key}`;
  if (Object.hasOwn(catalogues.en!, short)) return i18n.t(short as MessageKey);
  return i18n.t(`regimes.guardrail.${key}`).replace(/\s*[（(][^()（）]*[)）]\s*$/, '');
}

/** The changed value as text, or null for a value a few words cannot say (a tier table, a collateral rule). */
function valueText(i18n: I18n, key: GuardrailKey, value: unknown): string | null {
  const control = GUARDRAIL_VIEWS[key]?.control;
  if (typeof value === 'boolean') return i18n.t(value ? 'controls.yes' : 'controls.no');
  if (control?.kind === 'choice' && (typeof value === 'number' || typeof value === 'string'))
    return optionText(i18n, value);
  if (control?.kind === 'number' && typeof value === 'number') {
    if (control.unit === 'leverage' || control.unit === 'multiple') return `${plain(i18n, value)}×`;
    return readout(i18n, control.unit, value) || plain(i18n, value);
  }
  return null;
}

export function ruleSetName(i18n: I18n, preset: PresetId, overrides: RegimeOverrides | undefined): string {
  const name = i18n.t(`regimes.${preset}.shortTitle`);
  const keys = Object.keys(overrides ?? {}) as GuardrailKey[];
  if (keys.length === 0) return name;
  if (keys.length > 1) return i18n.t('regimes.customMany', { name, count: keys.length });
  const key = keys[0]!;
  const label = bareLabel(i18n, key);
  const value = valueText(i18n, key, (overrides as Record<string, unknown>)[key]);
  return value === null
    ? i18n.t('regimes.customKey', { name, label })
    : i18n.t('regimes.customOne', { name, label, value });
}
