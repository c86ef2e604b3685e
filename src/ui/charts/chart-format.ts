/**
 * Numbers and times on the charts, formatted with Intl for the app's language. Historical scenarios have a clock
 * (minute 0 is `startUtc`), shown in UTC as the sources are; synthetic ones count time from the start.
 */
import { bisectRight } from 'd3-array';
import { scaleUtc } from 'd3-scale';

export interface ChartFormats {
  /** Prices: whole dollars from $1,000 ("$104,900"), cents below ("$87.42": ALT, where a dollar is 1%). */
  price: (value: number) => string;
  /** Large amounts: "$14.5M" / "US$1,450萬". */
  money: (value: number) => string;
  /** A funding rate per interval: "0.0100%". */
  rate: (value: number) => string;
  /** A change: "+12%", "−3.4%". */
  change: (value: number) => string;
  /** A count: "1,234". */
  count: (value: number) => string;
}

const cache = new Map<string, ChartFormats>();

export function chartFormats(locale: string): ChartFormats {
  const known = cache.get(locale);
  if (known) return known;
  const price = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  });
  const cents = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumSignificantDigits: 3,
  });
  const rate = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 4,
    maximumFractionDigits: 4,
  });
  const change = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumSignificantDigits: 2,
    signDisplay: 'exceptZero',
  });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const finite = (format: Intl.NumberFormat) => (value: number) =>
    Number.isFinite(value) ? format.format(value).replace('-', '−') : '–';
  // A change smaller than 0.005% reads "0%", not "−0.00000033%" (a 730-day calm run's drift).
  const changeText = finite(change);
  const wholePrice = finite(price);
  const centPrice = finite(cents);
  const formats: ChartFormats = {
    price: (value) => (Math.abs(value) < 1_000 ? centPrice(value) : wholePrice(value)),
    money: finite(money),
    rate: finite(rate),
    change: (value) => changeText(Math.abs(value) < 5e-5 ? 0 : value),
    count: finite(count),
  };
  cache.set(locale, formats);
  return formats;
}

export interface TimeTick {
  minute: number;
  label: string;
}

export interface Clock {
  /** Ticks for an axis `width` pixels wide over [first, last] minutes. */
  ticks: (first: number, last: number, width: number) => TimeTick[];
  /** One instant, in full: "10 Oct 21:15 UTC", or for a synthetic market "day 1, 14:05". */
  format: (minute: number) => string;
  /** Whether times are clock times (UTC) or days and hours since the start of a synthetic market. */
  kind: 'utc' | 'elapsed';
}

/** Words the clock needs from the catalogue: a synthetic market's "day 2" and "day 1, 14:05". */
export interface ClockWords {
  day: (day: number) => string;
  dayTime: (day: number, time: string) => string;
}

const MINUTE_MS = 60_000;

/** English dates in the day-month order used in Hong Kong; other languages as they are (as the scrubber does). */
function dateLocale(locale: string): string {
  return locale === 'en' ? 'en-HK' : locale;
}

/**
 * Times of a run. A synthetic market has no date: it runs from "day 1, 00:00", and its ticks are laid out as
 * clock times on the same grid, so both kinds read the same way.
 */
export function clock(locale: string, startUtc: string | null, words: ClockWords): Clock {
  const parsed = startUtc === null ? NaN : Date.parse(startUtc);
  const historical = Number.isFinite(parsed);
  const start = historical ? parsed : 0;
  const time = new Intl.DateTimeFormat(dateLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  });
  const day = new Intl.DateTimeFormat(dateLocale(locale), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const dateOf = (minute: number) => new Date(start + Math.round(minute) * MINUTE_MS);
  const dayNumber = (minute: number) => Math.floor(minute / 1440) + 1;
  return {
    kind: historical ? 'utc' : 'elapsed',
    format: (minute) => {
      const at = dateOf(minute);
      return historical
        ? `${day.format(at)} ${time.format(at)} UTC`
        : words.dayTime(dayNumber(minute), time.format(at));
    },
    ticks: (first, last, width) => {
      const scale = scaleUtc().domain([dateOf(first), dateOf(last)]);
      return scale.ticks(Math.max(2, Math.floor(width / 90))).map((date) => {
        const minute = (date.getTime() - start) / MINUTE_MS;
        const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0;
        const label = !midnight
          ? time.format(date)
          : historical
            ? day.format(date)
            : words.day(dayNumber(minute));
        return { minute, label };
      });
    },
  };
}

/** The index of the frame whose minute is nearest `minute` (minutes increase). */
export function nearestFrame(minutes: ArrayLike<number>, minute: number): number {
  const n = minutes.length;
  if (n <= 1 || Number.isNaN(minute)) return 0;
  // The frames either side of `minute` (the first two or the last two beyond the ends); a tie goes to the earlier.
  const lo = Math.min(n - 2, Math.max(0, bisectRight(minutes, minute) - 1));
  const hi = lo + 1;
  return Math.abs(minutes[hi]! - minute) < Math.abs(minute - minutes[lo]!) ? hi : lo;
}
