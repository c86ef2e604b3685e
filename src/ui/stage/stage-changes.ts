/**
 * The changes a run was made with, in words for the stage ("A: BTC as collateral haircut 60% → haircut 20%"):
 * every guardrail the run's config overrides, beside its preset's value. They describe the results on screen,
 * so they change only when a new run arrives.
 */
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';
import type { RunConfig } from '../../engine/run/config.ts';
import { REGIMES, guardrailValue, type GuardrailKey } from '../../engine/regimes/index.ts';
import { GUARDRAIL_VIEWS } from '../controls/guardrails.ts';
import { listText, optionText, percent, readout } from '../controls/guardrail-format.ts';

export interface StageChange {
  key: string;
  text: string;
}

function valueText(i18n: I18n, key: GuardrailKey, value: unknown): string {
  const control = GUARDRAIL_VIEWS[key].control;
  switch (control.kind) {
    case 'number':
      if (value === null) return '—';
      return readout(i18n, control.unit, value) || String(value);
    case 'boolean':
      return i18n.t(value ? 'controls.yes' : 'controls.no');
    case 'choice':
      return optionText(i18n, value as string | number);
    case 'set':
      return listText(i18n, value as string[]);
    case 'collateral': {
      const rule = value as { eligible: boolean; haircut: number };
      return rule.eligible
        ? i18n.t('stage.haircut', { percent: percent(i18n, rule.haircut) })
        : i18n.t('stage.notAccepted');
    }
    default:
      return i18n.t('stage.changedValue');
  }
}

export function stageChanges(i18n: I18n, configs: readonly [RunConfig, RunConfig] | null): StageChange[] {
  if (!configs) return [];
  const changes: StageChange[] = [];
  configs.forEach((config, r) => {
    const ruleSet = r === 0 ? 'A' : 'B';
    const preset = REGIMES[config.regime];
    for (const [key, value] of Object.entries(config.overrides ?? {})) {
      if (!Object.hasOwn(GUARDRAIL_VIEWS, key)) continue;
      const k = key as GuardrailKey;
      const from = valueText(i18n, k, guardrailValue(preset, k));
      const to = valueText(i18n, k, value);
      changes.push({
        key: `${ruleSet}-${key}`,
        text: i18n.t('stage.change', { ruleSet, guardrail: i18n.t(`regimes.guardrail.${k}`), from, to }),
      });
    }
  });
  return changes;
}
