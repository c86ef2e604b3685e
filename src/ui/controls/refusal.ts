/**
 * A refused value, in words. The engine's validators say what was wrong and what is allowed, in English
 * ("BTC haircut must be between 0 and 1 (got 1.2)"). In English the panel shows that message as it is; in
 * another language it is rebuilt from the catalogue with the control's own label, the rule and the value,
 * and an unrecognised message is shown inside a translated frame rather than dropped.
 */
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';

/** What the user typed, when the engine saw NaN for it. */
function withTyped(message: string, typed: string | undefined): string {
  return typed === undefined ? message : message.replace('(got NaN)', `(got ${typed.trim() || '—'})`);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ruleText(i18n: I18n, rule: string): string | null {
  const t = i18n.t;
  let m: RegExpMatchArray | null;
  if ((m = rule.match(/^(.*) or none$/))) {
    const inner = ruleText(i18n, m[1]!);
    return inner === null ? null : t('controls.rule.orNone', { rule: inner });
  }
  if ((m = rule.match(/^between (\S+) and (\S+(?: bp)?)( \(1 excluded\))?$/)))
    return t(m[3] ? 'controls.rule.betweenExcludingMax' : 'controls.rule.between', {
      min: m[1]!,
      max: m[2]!,
    });
  if ((m = rule.match(/^a whole number from (\S+) to (\S+)$/)))
    return t('controls.rule.wholeFromTo', { min: m[1]!, max: m[2]! });
  if ((m = rule.match(/^a whole number ≥ (\S+)$/))) return t('controls.rule.wholeAtLeast', { min: m[1]! });
  if ((m = rule.match(/^(?:a (?:finite )?number )?≥ (\S+)(?: minutes| s)?$/)))
    return t('controls.rule.atLeast', { min: m[1]! });
  if ((m = rule.match(/^(?:a (?:finite )?number )?(?:greater than|>) (\S+)$/)))
    return t('controls.rule.above', { min: m[1]! });
  if ((m = rule.match(/^(?:a multiplier )?in \((\S+), (\S+)\]$/)))
    return t('controls.rule.aboveAtMost', { min: m[1]!, max: m[2]! });
  if ((m = rule.match(/^greater than (\S+) and at most (\S+)$/)))
    return t('controls.rule.aboveAtMost', { min: m[1]!, max: m[2]! });
  if ((m = rule.match(/^below 1 ÷ the first-tier maintenance rate \S+ = (\S+)$/)))
    return t('controls.rule.belowMaintenance', { max: m[1]! });
  if ((m = rule.match(/^one of (.*)$/))) return t('controls.rule.oneOf', { options: m[1]! });
  if ((m = rule.match(/^(\S+), (\S+), (\S+) or (\S+) hours$/)))
    return t('controls.rule.oneOf', { options: [m[1], m[2], m[3], m[4]].join(' / ') });
  if ((m = rule.match(/^(?:"[^"]+"|\S+) or (?:"[^"]+"|\S+)$/))) return t('controls.rule.oneOfShown');
  if (/^true or false$/.test(rule)) return t('controls.rule.oneOfShown');
  if (/^satisfy target ≤ call < forced sale$/.test(rule)) return t('controls.rule.ltvOrder');
  return null;
}

/**
 * The refusal to show next to a control labelled `field`, from the engine's `message`. `typed` is the text the
 * user entered, shown in place of the engine's "NaN".
 */
export function refusalText(i18n: I18n, message: string, field: string, typed?: string): string {
  const english = capitalised(withTyped(message, typed));
  if (i18n.locale === 'en') return english;
  const m = message.match(/ must (?:be |)(.*) \(got (.*)\)$/);
  if (m) {
    const rule = ruleText(i18n, m[1]!);
    const value = m[2] === 'NaN' && typed !== undefined ? typed.trim() || '—' : m[2]!;
    if (rule !== null) return i18n.t('controls.refusal', { field, rule, value });
  }
  return i18n.t('controls.refusalOther', { field, message: english });
}
