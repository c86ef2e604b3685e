/**
 * What each synthetic scenario is for. Their lengths are the caller's choice: 0.25 to 730 days.
 */
import type { ScenarioInfo, ScenarioSource } from './types.ts';

/**
 * Allowed synthetic lengths, in days: from a quarter of a day (360 steps) to two years (1,051,200 steps, so a
 * million-step run fits; its memory stays flat with the app's notable-only event log, doc/implementation-notes).
 */
export const SYNTHETIC_DAYS = { min: 0.25, max: 730 } as const;

const GENERATED: ScenarioSource = {
  name: 'Leverage Lab generator',
  note: 'Seeded and illustrative, not a market record; opening prices BTC 60,000 and ETH 3,000 are arbitrary.',
};

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
    title: 'Calm market',
    description:
      'Prices wander by about 1.5% a day, with no jumps. Leveraged positions rarely meet their limits, which ' +
      'makes this the baseline for funding and interest costs.',
    sources: [GENERATED],
    defaultDays: 7,
  }),
  synthetic({
    id: 'synthetic-volatile',
    title: 'Volatile market',
    description:
      'Quiet spells alternate with turbulent ones (GARCH(1,1) volatility clustering, about 5% a day on ' +
      'average), and a few sudden jumps happen each day. High leverage meets its liquidation price here ' +
      'without any single crash.',
    sources: [
      GENERATED,
      {
        name: 'Bollerslev (1986), Generalized autoregressive conditional heteroskedasticity',
        note: 'the GARCH(1,1) form used for volatility clustering',
      },
    ],
    defaultDays: 7,
  }),
  synthetic({
    id: 'synthetic-flash-crash',
    title: 'Flash crash',
    description:
      'A calm market suddenly falls 22% to 30% within half an hour, at a random time in the middle third of ' +
      'the run, then recovers part of the fall over the following hours. It shows how a wick liquidates ' +
      'leveraged longs even when the price soon comes back.',
    sources: [GENERATED],
    defaultDays: 2,
  }),
  synthetic({
    id: 'synthetic-short-squeeze',
    title: 'Short squeeze',
    description:
      'A calm market jumps 18% to 30% within an hour as short sellers are forced to buy, then gives most of ' +
      'the rise back over the following hours. It is the flash crash seen from the short side.',
    sources: [GENERATED],
    defaultDays: 2,
  }),
];
