/**
 * This episode in words (title, description, sources), for the scenario picker and the CLI's `list`. The anchors
 * and dates a run replays are in the episode's own module; this text is kept apart so the engine's worker loads
 * none of it (issue 8's 60 KB budget).
 */
import type { ScenarioStory } from '../types.ts';

export const FTX_STORY: ScenarioStory = {
  title: 'FTX collapse, 6–10 November 2022',
  description:
    'About $6bn was withdrawn from FTX in 72 hours before it halted withdrawals, and BTC fell from above ' +
    '$21,000 to $15,682.69, losing 11% on 8 November and 13% on 9 November. It was a venue failure more than ' +
    'a leverage event, yet over $700m of positions were liquidated on some days. At the end of the run, on ' +
    '11 November, the venue fails: a margin lender that re-used its clients’ collateral cannot return it.',
  sources: [
    {
      name: 'socialbites (CoinGlass)',
      url: 'https://socialbites.ca/business/116157.html',
      note: '> $717m liquidated per day across ~330,000 positions',
    },
    {
      name: 'benzinga',
      url: 'https://www.benzinga.com/markets/cryptocurrency/22/11/29650600/bitcoin-ethereum-dogecoin-rout-deepens-analyst-says-implosion-of-ftx-means-no-one-is-safe',
    },
    {
      name: 'investopedia',
      url: 'https://www.investopedia.com/binance-ftx-deal-causes-crypto-bloodbath-6827167',
    },
    {
      name: 'forklog',
      url: 'https://forklog.com/en/november-in-numbers-the-ftx-collapse-outflows-from-centralized-exchanges-and-the-capitulation-of-bitcoin-miners/amp',
    },
    {
      name: 'coindesk',
      url: 'https://dev.coindesk.com/zh/markets/2022/11/22/first-mover-americas-bitcoin-drops-as-ftx-fallout-spreads',
    },
  ],
};
