/**
 * `--set KEY=VALUE` (repeatable), shared by `run` and `compare`: overrides any guardrail of the chosen presets
 * by its path into the rule set (`perp.maxLeverage=5`, `financing.collateral.BTC.haircut=0.5`, the keys the
 * `guardrails` command lists). Values read as JSON where they can (numbers, true/false, null, arrays, records),
 * else as text. The custom regime is built and validated by the engine as the app's rule-set panels build it,
 * so a refused value is refused in the same words ("BTC haircut must be between 0% and 100% (got 120%)").
 */
import { repeated, UsageError, type Flags } from '../args.ts';
import { overridesOf, settingPath, settingValueFromText } from '../../engine/guardrail-catalogue/index.ts';
import { customRegime, REGIMES, type PresetId, type RegimeOverrides } from '../../engine/regimes/index.ts';

export const SET_FLAG = 'set';
export const SET_FLAG_USAGE = '[--set KEY=VALUE …]';

/** The settings given, in order, as { key: value }; a UsageError for one without "=" or a key given twice. */
export function settingsFromFlags(flags: Flags): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const text of repeated(flags, SET_FLAG)) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set needs KEY=VALUE, as --set perp.maxLeverage=5 (got "${text}")`);
    const key = text.slice(0, eq).trim();
    settingPath(key, '--set guardrail');
    if (Object.hasOwn(settings, key)) throw new UsageError(`--set ${key} is given twice`);
    settings[key] = settingValueFromText(text.slice(eq + 1).trim());
  }
  return settings;
}

/**
 * The overrides of one preset for the settings given, checked by building the custom regime (which throws the
 * engine's Refusal); undefined when there are none.
 */
export function overridesFor(
  preset: PresetId,
  settings: Readonly<Record<string, unknown>>,
): RegimeOverrides | undefined {
  if (Object.keys(settings).length === 0) return undefined;
  const overrides = overridesOf(REGIMES[preset], settings, '--set guardrail');
  customRegime(preset, overrides);
  return overrides;
}
