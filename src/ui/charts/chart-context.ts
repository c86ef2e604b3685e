/**
 * What every chart needs to label itself: translation, number formats for the locale, and a clock that reads
 * a run's minutes as dates (historical scenarios) or as days and times (synthetic ones).
 */
import { isScenarioId, scenarioInfo } from '../../engine/scenarios/catalogue.ts';
import type { ChartContext } from './chart-data.ts';
import { chartFormats, clock } from './chart-format.ts';

export function chartContext(
  t: ChartContext['t'],
  locale: string,
  scenario: string | null,
): ChartContext & { startUtc: string | null } {
  const startUtc = scenario !== null && isScenarioId(scenario) ? scenarioInfo(scenario).startUtc : null;
  return {
    startUtc,
    t,
    formats: chartFormats(locale),
    clock: clock(locale, startUtc, {
      day: (day) => t('charts.time.day', { day }),
      dayTime: (day, time) => t('charts.time.dayTime', { day, time }),
    }),
  };
}
