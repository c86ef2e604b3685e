/**
 * This episode in words (title, description, sources), for the scenario picker and the CLI's `list`. The anchors
 * and dates a run replays are in the episode's own module; this text is kept apart so the engine's worker loads
 * none of it (issue 8's 60 KB budget).
 */
import type { ScenarioStory } from '../types.ts';

export const MAY_2021_STORY: ScenarioStory = {
  title: 'The 19 May 2021 crash',
  description:
    'In one day BTC fell from about $42,000 to about $30,000, was back near $40,000 by the afternoon and ' +
    'closed near $37,000; ETH went from about $3,200 to $1,888, back to about $2,900, and closed near $2,450. ' +
    'About $8.6bn of positions were liquidated that day, and several exchanges had outages or paused ' +
    'withdrawals at the worst moment.',
  sources: [
    {
      name: 'worldstockmarket',
      url: 'https://www.worldstockmarket.net/lightning-rollback-bitcoin-rate-went-by-12000-down-and-up-in-15-hours',
      note: 'BTC down and up by $12,000 within about 15 hours',
    },
    {
      name: 'newsbreak (Bybt)',
      url: 'https://www.newsbreak.com/news/2263120909471/mastercard-exec-shares-thoughts-on-crypto-rewards-stablecoin-and-cbdc-plans',
      note: '$8.6bn liquidated on 19 May',
    },
    {
      name: 'crypteko',
      url: 'https://crypteko.com/news/markets/alameda-research-analyst-revealed-details-of-the-btc-exchange-rate-fall-in-may',
    },
    { name: 'open-lib', url: 'https://www.open-lib.com/1941.html' },
    {
      name: 'CoinDesk',
      url: 'https://www.coindesk.com/bitcoin-plummets-below-40k',
      note: 'BTC $39,678 at 05:29 UTC on 19 May',
    },
    {
      name: 'Dow Jones Market Data (MarketScreener)',
      url: 'https://www.marketscreener.com/news/latest/Bitcoin-Lost-2-91-to-29205-38-at-5-p-m-ET-Data-Talk--40470739/',
      note: 'BTC $38,390 at 5 p.m. ET (21:00 UTC) on 19 May',
    },
    {
      name: 'Coinspeaker',
      url: 'https://www.coinspeaker.com/global-crypto-market-cap-wednesday/amp',
      note: 'BTC 24-hour range $30,682–$40,739 to 11:36 UTC on 20 May',
    },
    {
      name: 'CityAM',
      url: 'https://www.cityam.com/ethereum-volatility-increases-as-fud-continues-to-pour-in/',
      note: 'BTC back above $42,000 only on 20 May',
    },
  ],
};
