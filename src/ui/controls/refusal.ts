/**
 * A refused value, in words, next to its control. The engine refuses with a Refusal (src/engine/validation):
 * the field, the value given and what is allowed, as data. The panel says it in the page's language from the
 * catalogue, one message per kind of rule, so nothing is read back out of the engine's English sentence.
 *
 * The field: in English the engine's own name for it ("BTC haircut" is more precise than the label of a control
 * that edits a whole collateral rule); in another language the control's label. Numbers are written as the
 * rule writes them (0.6 at the percent scale is "60%", a rate at the bp scale "1 bp"). An error that is not a
 * Refusal is shown inside a translated frame rather than dropped.
 */
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';
import type { MessageKey } from '../../lib/i18n/catalogues.ts';
import { LTV_ORDER } from '../../engine/margin/financing-rules.ts';
import { BELOW_MAINTENANCE } from '../../engine/regimes/validate-regime.ts';
import { BELOW_LEVERAGE_CAP, BELOW_TOP_TIER } from '../../engine/guardrail-catalogue/maintenance-rate.ts';
import {
  isRefusal,
  scaled,
  shownAgainst,
  type Allowed,
  type Refusal,
  type Scale,
} from '../../engine/validation/index.ts';

/** Rules the engine states in words that the catalogue has its own message for. */
const KNOWN_WORDS: Readonly<Record<string, MessageKey>> = {
  [LTV_ORDER]: 'controls.rule.ltvOrder',
};

/** Reasons for a ceiling ('below') the catalogue has its own message for. */
const KNOWN_REASONS: Readonly<Record<string, MessageKey>> = {
  [BELOW_MAINTENANCE]: 'controls.rule.belowMaintenance',
  [BELOW_LEVERAGE_CAP]: 'controls.rule.belowLeverageCap',
  [BELOW_TOP_TIER]: 'controls.rule.belowTopTier',
};

const UNITS: Readonly<Record<string, MessageKey>> = {
  minutes: 'controls.unit.minutes',
  s: 'controls.unit.seconds',
  hours: 'controls.unit.hours',
  bp: 'controls.unit.bp',
  USD: 'controls.unit.usd',
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A number with its unit, in the page's language; an unknown unit is written after the number. */
function withUnit(i18n: I18n, text: string, unit: string | undefined): string {
  if (unit === undefined) return text;
  const key = Object.hasOwn(UNITS, unit) ? UNITS[unit] : undefined;
  return key ? i18n.t(key, { value: text }) : `${text} ${unit}`;
}

/** A number as the rule writes it: 0.6 → "60%" at the percent scale, 0.0001 → "1 bp" at the bp scale. */
function number(i18n: I18n, value: number, scale: Scale | undefined, unit?: string): string {
  if (scale === 'bp') return withUnit(i18n, withUnit(i18n, scaled(value * 10_000), 'bp'), unit);
  return withUnit(i18n, scaled(value, scale), unit);
}

/** What is allowed, in the page's language; null when the catalogue has no words for it. */
export function ruleText(i18n: I18n, allowed: Allowed): string | null {
  const t = i18n.t;
  switch (allowed.kind) {
    case 'between':
      return t(allowed.maxExcluded ? 'controls.rule.betweenExcludingMax' : 'controls.rule.between', {
        min: number(i18n, allowed.min, allowed.scale),
        max: number(i18n, allowed.max, allowed.scale, allowed.unit),
      });
    case 'whole':
      return allowed.max === undefined
        ? t('controls.rule.wholeAtLeast', { min: String(allowed.min) })
        : t('controls.rule.wholeFromTo', { min: String(allowed.min), max: String(allowed.max) });
    case 'at-least':
      return t('controls.rule.atLeast', { min: number(i18n, allowed.min, allowed.scale, allowed.unit) });
    case 'above':
      return allowed.max === undefined
        ? t('controls.rule.above', { min: number(i18n, allowed.min, allowed.scale, allowed.unit) })
        : t('controls.rule.aboveAtMost', {
            min: number(i18n, allowed.min, allowed.scale),
            max: number(i18n, allowed.max, allowed.scale, allowed.unit),
          });
    case 'below': {
      const max = number(i18n, allowed.max, allowed.scale, allowed.unit);
      const { reason } = allowed;
      if (reason === undefined) return t('controls.rule.below', { max });
      const key = Object.hasOwn(KNOWN_REASONS, reason) ? KNOWN_REASONS[reason] : undefined;
      if (key) return t(key, { max });
      // A reason in English words: kept in English, framed in another language.
      return i18n.locale === 'en' ? `${t('controls.rule.below', { max })} (${reason})` : null;
    }
    case 'one-of':
      return t('controls.rule.oneOf', {
        options: withUnit(i18n, allowed.options.map(String).join(', '), allowed.unit),
      });
    case 'flag':
      return t('controls.rule.oneOfShown');
    case 'list': {
      const each = ruleText(i18n, allowed.each);
      if (each === null) return null;
      const { minLength, maxLength } = allowed;
      const list =
        maxLength === undefined
          ? minLength === 0
            ? t('controls.rule.list', { rule: each })
            : t('controls.rule.listAtLeast', { min: String(minLength), rule: each })
          : minLength === maxLength
            ? t('controls.rule.listExactly', { count: String(minLength), rule: each })
            : t('controls.rule.listFromTo', { min: String(minLength), max: String(maxLength), rule: each });
      return allowed.distinct ? t('controls.rule.distinct', { rule: list }) : list;
    }
    case 'or-none': {
      const inner = ruleText(i18n, allowed.inner);
      return inner === null ? null : t('controls.rule.orNone', { rule: inner });
    }
    case 'words': {
      const key = Object.hasOwn(KNOWN_WORDS, allowed.text) ? KNOWN_WORDS[allowed.text] : undefined;
      if (key) return t(key);
      // English words need no translation; another language frames the whole message instead.
      return i18n.locale === 'en' ? allowed.text : null;
    }
  }
}

/** The value given, at the rule's scale; as typed when the engine saw a number it could not read (NaN). */
function givenText(i18n: I18n, refusal: Refusal, typed: string | undefined): string {
  const { given, allowed } = refusal;
  if (typeof given === 'number' && Number.isNaN(given) && typed !== undefined) return typed.trim() || '—';
  if (typeof given === 'number' && Number.isFinite(given) && 'scale' in allowed && allowed.scale)
    return number(i18n, given, allowed.scale);
  return shownAgainst(given, allowed);
}

/**
 * The refusal to show next to a control labelled `label`, from what the engine threw. `typed` is the text the
 * user entered, shown in place of a value the engine could not read.
 */
export function refusalText(i18n: I18n, error: unknown, label: string, typed?: string): string {
  const english = i18n.locale === 'en';
  if (isRefusal(error)) {
    const rule = ruleText(i18n, error.allowed);
    const field = english ? capitalised(error.field) : label;
    if (rule !== null)
      return i18n.t('controls.refusal', { field, rule, value: givenText(i18n, error, typed) });
  }
  const message = error instanceof Error ? error.message : String(error);
  const shown = capitalised(
    typed === undefined ? message : message.replace('(got NaN)', `(got ${typed.trim() || '—'})`),
  );
  return english ? shown : i18n.t('controls.refusalOther', { field: label, message: shown });
}
