/**
 * Market time as people read it: a UTC date and time for a historical episode ("10 Oct 2025 21:15 UTC"), a
 * day and clock time for a synthetic market ("day 1, 14:05"). Formatted with Intl for the page's language.
 */
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { isScenarioId, scenarioInfo } from '../../engine/scenarios/catalogue.ts';

const MINUTE_MS = 60_000;

/** English dates in the day-month order used in Hong Kong; other languages as they are. */
function dateLocale(locale: string): string {
  return locale === 'en' ? 'en-HK' : locale;
}

function clock(minute: number): string {
  const inDay = ((Math.floor(minute) % 1440) + 1440) % 1440;
  const hh = String(Math.floor(inDay / 60)).padStart(2, '0');
  const mm = String(inDay % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}

/**
 * The market time at `minute` of a run of `scenario` (minute 0 = the scenario's start). `compact` leaves out
 * the year and the time zone, for lists.
 */
export function marketTime(i18n: I18n, scenario: string, minute: number, compact = false): string {
  const start = isScenarioId(scenario) ? scenarioInfo(scenario).startUtc : null;
  if (start === null)
    return i18n.t('controls.time.synthetic', { day: Math.floor(minute / 1440) + 1, time: clock(minute) });
  const at = new Date(Date.parse(start) + Math.floor(minute) * MINUTE_MS);
  const { date, time } = formatters(dateLocale(i18n.locale), compact);
  return i18n.t(compact ? 'controls.time.historicalCompact' : 'controls.time.historical', {
    date: date.format(at),
    time: time.format(at),
  });
}

interface TimeFormatters {
  date: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

/**
 * Building an Intl.DateTimeFormat costs about half a millisecond, formatting with one a microsecond: the
 * event feed formats hundreds of times when a run arrives, so each locale's pair is built once.
 */
const cache = new Map<string, TimeFormatters>();

function formatters(locale: string, compact: boolean): TimeFormatters {
  const key = `${locale}|${compact ? 'compact' : 'full'}`;
  let pair = cache.get(key);
  if (!pair) {
    pair = {
      date: new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        ...(compact ? {} : { year: 'numeric' }),
        timeZone: 'UTC',
      }),
      time: new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'UTC',
      }),
    };
    cache.set(key, pair);
  }
  return pair;
}
