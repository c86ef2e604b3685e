/**
 * Guardrail values and their provenance as text, in the page's language (Intl for numbers).
 */
import { numberFormat } from '../../lib/i18n/number-format.ts';
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';
import type { Provenance, SourceRef } from '../../engine/regimes/index.ts';
import type { SourceId } from '../../engine/regimes/sources.ts';
import { sourceTitles } from './source-titles-loader.svelte.ts';
import type { TierSpec } from '../../engine/perp/tiers.ts';
import { numberText, parseNumber, type NumberUnit } from './guardrails.ts';

export function percent(i18n: I18n, value: number): string {
  return numberFormat(i18n.locale, { style: 'percent', maximumSignificantDigits: 3 }).format(value);
}

export function plain(i18n: I18n, value: number): string {
  return numberFormat(i18n.locale, { maximumFractionDigits: 2 }).format(value);
}

function compactUsd(i18n: I18n, value: number): string {
  return numberFormat(i18n.locale, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumSignificantDigits: 3,
  }).format(value);
}

/** What a number field's value means, beside it: 0.6 → "60%", 1440 minutes → "24 h". */
export function readout(i18n: I18n, unit: NumberUnit, value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  switch (unit) {
    case 'fraction':
      return percent(i18n, value);
    case 'hourlyRate':
      return i18n.t('regimes.readout.perYear', { rate: percent(i18n, value * 24 * 365) });
    case 'minutes':
      return value >= 2 * 1440
        ? i18n.t('regimes.readout.days', { days: plain(i18n, value / 1440) })
        : i18n.t('regimes.readout.hours', { hours: plain(i18n, value / 60) });
    case 'usd':
      return i18n.usd(value, 0);
    default:
      return '';
  }
}

/**
 * A number field's text. A share (unit 'fraction') is typed and shown as a percentage, as the summaries show
 * it: 60 in the haircut field means 60% (the engine's 0.6); "60%" is accepted too.
 */
export function fieldText(unit: NumberUnit, value: number | null | undefined): string {
  return unit === 'fraction' && typeof value === 'number' ? numberText(value * 100) : numberText(value);
}

/** The value a number field's text makes: a percentage divided by 100 for a share; NaN when not a number. */
export function parseField(unit: NumberUnit, text: string, nullable: boolean): number | null {
  if (unit !== 'fraction') return parseNumber(text, nullable);
  const value = parseNumber(text.replace(/[%％]\s*$/, ''), nullable);
  return value === null ? null : Number((value / 100).toPrecision(15));
}

/** What stands beside a number field: "%" for a share (the field holds a percentage), else `readout`. */
export function fieldReadout(i18n: I18n, unit: NumberUnit, value: unknown): string {
  return unit === 'fraction' ? '%' : readout(i18n, unit, value);
}

/** A maintenance tier table in a line: "5% of notional, one tier" or "5 tiers: 0.4% from $0 up to …". */
export function tiersText(i18n: I18n, tiers: readonly TierSpec[]): string {
  const first = tiers[0]!;
  const last = tiers[tiers.length - 1]!;
  if (tiers.length === 1) return i18n.t('regimes.tiers.flat', { rate: percent(i18n, first.mmr) });
  return i18n.t('regimes.tiers.range', {
    count: tiers.length,
    first: percent(i18n, first.mmr),
    firstFloor: compactUsd(i18n, first.floor),
    last: percent(i18n, last.mmr),
    lastFloor: compactUsd(i18n, last.floor),
  });
}

/** An option of a choice or set: investor classes, margin modes, methods, funding intervals (hours). */
export function optionText(i18n: I18n, option: string | number): string {
  return typeof option === 'number'
    ? i18n.t('regimes.option.hours', { hours: option })
    : i18n.t(`regimes.option.${option as 'retail'}`);
}

/** "professional investors", "retail investors and professional investors", or "no one". */
export function listText(i18n: I18n, items: readonly string[]): string {
  if (items.length === 0) return i18n.t('controls.facts.nobody');
  const names = items.map((item) => optionText(i18n, item));
  return names.length === 1
    ? names[0]!
    : i18n.t('controls.facts.and', { first: names[0]!, second: names[1]! });
}

/**
 * A source as a reader sees it: "Publisher: title" (source-titles.ts), or, for the seed news items the spec
 * gives no address or title, "News report of 11 Feb 2026 (2)". An id without a title (or before the titles
 * have loaded: loadSourceTitles) falls back to the id.
 */
export function sourceLabel(i18n: I18n, source: SourceRef): string {
  const news = source.id.match(/^(\d{3})_/);
  if (news) return i18n.t('regimes.source.news', { n: Number(news[1]) + 1 });
  const known = sourceTitles.byId?.[source.id as SourceId];
  return known ? i18n.t('regimes.source.titled', { ...known }) : source.id;
}

/** The badge's hint. The provenance notes are the engine's own English sentences: added in English only. */
export function badgeTitle(i18n: I18n, provenance: Provenance): string {
  const hint = i18n.t(
    provenance.kind === 'derived' ? 'controls.badge.derivedHint' : 'controls.badge.assumptionHint',
  );
  return i18n.locale === 'en' ? `${hint}: ${provenance.note}` : hint;
}
