/**
 * Number and time formatting for the trader panels, with Intl for the page's language.
 * (The playback bar's `marketTime` does the same for its own catalogue; this one keeps the trader panels'
 * strings in the `trader` area.)
 */
import { numberFormat } from '../../lib/i18n/number-format.ts';
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { isScenarioId, scenarioInfo } from '../../engine/scenarios/catalogue.ts';

const MINUTE_MS = 60_000;

export function coins(i18n: I18n, value: number): string {
  return numberFormat(i18n.locale, { maximumFractionDigits: 4 }).format(value);
}

export function percent(i18n: I18n, fraction: number, digits = 1): string {
  return numberFormat(i18n.locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction);
}

/** Dollars, short for axes: 105,000 → "$105K" (the narrow symbol: axis labels have little room). */
export function usdCompact(i18n: I18n, value: number): string {
  return numberFormat(i18n.locale, {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(value);
}

function clock(minute: number): string {
  const inDay = ((Math.floor(minute) % 1440) + 1440) % 1440;
  return `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`;
}

/** Market time at `minute` of the scenario: a UTC date and time for a historical episode, else day and clock. */
export function marketClock(i18n: I18n, scenario: string, minute: number): string {
  const start = isScenarioId(scenario) ? scenarioInfo(scenario).startUtc : null;
  if (start === null)
    return i18n.t('trader.time.synthetic', { day: Math.floor(minute / 1440) + 1, time: clock(minute) });
  const at = new Date(Date.parse(start) + Math.floor(minute) * MINUTE_MS);
  const locale = i18n.locale === 'en' ? 'en-HK' : i18n.locale;
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    at,
  );
  return i18n.t('trader.time.historical', { date, time: clock(Date.parse(start) / MINUTE_MS + minute) });
}

/** Minutes after midnight (UTC) at which the scenario starts; 0 for a synthetic market. */
function startOffset(scenario: string): number {
  const start = isScenarioId(scenario) ? scenarioInfo(scenario).startUtc : null;
  return start === null ? 0 : (Date.parse(start) / MINUTE_MS) % 1440;
}

/** Clock time only, for chart axes. */
export function clockAt(scenario: string, minute: number): string {
  return clock(startOffset(scenario) + minute);
}

const TICK_HOURS = [1, 2, 3, 4, 6, 8, 12, 24, 48, 96, 168];

/** Run minutes that fall on whole clock hours, at most `maxTicks` of them, for a time axis. */
export function hourTicks(scenario: string, first: number, last: number, maxTicks: number): number[] {
  const span = Math.max(1, last - first);
  const hours = TICK_HOURS.find((h) => span / (h * 60) <= Math.max(1, maxTicks)) ?? 168;
  const step = hours * 60;
  const offset = startOffset(scenario);
  const ticks: number[] = [];
  for (let m = Math.ceil((first + offset) / step) * step - offset; m <= last; m += step) ticks.push(m);
  return ticks;
}
