/**
 * The synthetic scenarios' lengths: the caller's choice, 0.25 to 730 days. What each is for, in words, is in
 * synthetic-stories.ts.
 */
import type { ScenarioInfo } from './types.ts';

/**
 * Allowed synthetic lengths, in days: from a quarter of a day (360 steps) to two years (1,051,200 steps, so a
 * million-step run fits; its memory stays flat with the app's notable-only event log, doc/implementation-notes).
 */
export const SYNTHETIC_DAYS = { min: 0.25, max: 730 } as const;

function synthetic(info: Omit<ScenarioInfo, 'kind' | 'minDays' | 'maxDays' | 'startUtc'>): ScenarioInfo {
  return {
    ...info,
    kind: 'synthetic',
    minDays: SYNTHETIC_DAYS.min,
    maxDays: SYNTHETIC_DAYS.max,
    startUtc: null,
  };
}

export const SYNTHETIC_INFOS: readonly ScenarioInfo[] = [
  synthetic({
    id: 'synthetic-calm',
    defaultDays: 7,
  }),
  synthetic({
    id: 'synthetic-volatile',
    defaultDays: 7,
  }),
  synthetic({
    id: 'synthetic-flash-crash',
    defaultDays: 2,
  }),
  synthetic({
    id: 'synthetic-short-squeeze',
    defaultDays: 2,
  }),
];
