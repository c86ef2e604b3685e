/**
 * This episode in words (title, description, sources), for the scenario picker and the CLI's `list`. The anchors
 * and dates a run replays are in the episode's own module; this text is kept apart so the engine's worker loads
 * none of it (issue 8's 60 KB budget).
 */
import type { ScenarioStory } from '../types.ts';

export const LUNA_STORY: ScenarioStory = {
  title: 'Terra LUNA/UST collapse, 7–13 May 2022',
  description:
    'The UST stablecoin lost its dollar peg from 7 May and LUNA fell from about $80 to almost nothing, while ' +
    'BTC fell about 25% in three days to about $26,700 on 12 May before closing the week near $30,100. ' +
    'Futures liquidations exceeded $1bn a day, and Binance cut LUNA leverage to 8× and then delisted it.',
  sources: [
    {
      name: 'forklog',
      url: 'https://forklog.com/en/week-in-review-ust-stablecoin-crashes-crypto-market-as-elon-musk-freezes-twitter-deal/amp',
      note: 'BTC $26,700 on 12 May; near $30,100 at the week end; > $1bn liquidations a day',
    },
    {
      name: 'bitscreener',
      url: 'https://bitscreener.com/crypto-news/weekly-crypto-news-may-15-2022',
      note: 'UST low $0.19; Binance cut LUNA leverage to 8× on 11 May',
    },
    { name: 'b57', url: 'http://b57.net/bitcoins-wild-ride-analyzing-the-may-2022-market-meltdown' },
    { name: 'techtalksbynoah', url: 'https://techtalksbynoah.com/the-meteoric-crash-of-terra-luna/' },
    {
      name: 'Cointelegraph via fastcrypto.trade',
      url: 'https://fastcrypto.trade/?p=267619',
      note: 'ETH "just above $1,700" in May 2022 (outside the guardrails source list)',
    },
    {
      name: 'newsbreak',
      url: 'https://www.newsbreak.com/news/2603389731894/binance-ceo-does-not-think-forking-terra-is-the-solution-to-luna-and-ust-s-woes',
      note: 'ETH "just over US$2,000" late that week (outside the guardrails source list)',
    },
  ],
};
