/** Names and colours the trader panels share: rule sets A and B, personas and other traders. */
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';
import type { MessageKey } from '../../lib/i18n/catalogues.ts';
import type { RuleSetChoice } from '../../lib/app-state.svelte.ts';
import { personaOf } from './trader-story.ts';

/** global.css's Okabe–Ito pair: A blue, B vermillion (always next to the letter and the rule set's name). */
export const RULE_SET_COLOURS = ['var(--long)', 'var(--short)'] as const;

export function ruleSetName(i18n: I18n, choice: RuleSetChoice): string {
  const name = i18n.t(`trader.ruleSet.${choice.preset}` as MessageKey);
  return Object.keys(choice.overrides).length > 0 ? i18n.t('trader.ruleSet.changed', { name }) : name;
}

export function traderName(i18n: I18n, id: number): string {
  const persona = personaOf(id);
  return persona ? i18n.t(`trader.persona.${persona}`) : i18n.t('trader.name', { id });
}
