/**
 * The synthetic scenarios in words (title, description, sources), for the scenario picker and the CLI's `list`;
 * kept apart from synthetic-info.ts so the engine's worker loads none of this text (issue 8's 60 KB budget).
 */
import type { SyntheticId } from './synthetic.ts';
import type { ScenarioSource, ScenarioStory } from './types.ts';

const GENERATED: ScenarioSource = {
  name: 'Leverage Lab generator',
  note: 'Seeded and illustrative, not a market record; opening prices BTC 60,000 and ETH 3,000 are arbitrary.',
};

export const SYNTHETIC_STORIES: Readonly<Record<SyntheticId, ScenarioStory>> = {
  'synthetic-calm': {
    title: 'Calm market',
    description:
      'Prices wander by about 1.5% a day, with no jumps. Leveraged positions rarely meet their limits, which ' +
      'makes this the baseline for funding and interest costs.',
    sources: [GENERATED],
  },
  'synthetic-volatile': {
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
  },
  'synthetic-flash-crash': {
    title: 'Flash crash',
    description:
      'A calm market suddenly falls 22% to 30% within half an hour, at a random time in the middle third of ' +
      'the run, then recovers part of the fall over the following hours. It shows how a wick liquidates ' +
      'leveraged longs even when the price soon comes back.',
    sources: [GENERATED],
  },
  'synthetic-short-squeeze': {
    title: 'Short squeeze',
    description:
      'A calm market jumps 18% to 30% within an hour as short sellers are forced to buy, then gives most of ' +
      'the rise back over the following hours. It is the flash crash seen from the short side.',
    sources: [GENERATED],
  },
};
