/**
 * This episode in words (title, description, sources), for the scenario picker and the CLI's `list`. The anchors
 * and dates a run replays are in the episode's own module; this text is kept apart so the engine's worker loads
 * none of it (issue 8's 60 KB budget).
 */
import type { ScenarioStory } from '../types.ts';

export const BLACK_THURSDAY_STORY: ScenarioStory = {
  title: 'Black Thursday, 12–13 March 2020',
  description:
    'As COVID-19 panic hit every market, BTC fell by about half within 24 hours, in two legs: $7,300 to $5,690 ' +
    'in about an hour, then $5,800 to $3,900 in about three hours that evening. More than $1.2bn of long ' +
    'positions were liquidated on BitMEX alone, whose perpetual traded about $400 below spot until the venue halted.',
  // The BitMEX and Huobi figures are in the §3 row; it does not say which of these reports gives which.
  sources: [
    {
      name: 'ledgerprime',
      url: 'https://www.research.ledgerprime.com/p/cryptos-black-thursday-the-market',
    },
    {
      name: 'Coin Metrics via modernconsensus',
      url: 'https://modernconsensus.com/cryptocurrencies/bitcoin/bitmex-behind-bitcoin-black-thursday-bounce/',
      note: 'two legs: $7,300 → $5,690 in ~1 h; $5,800 → $3,900 in ~3 h',
    },
    { name: 'chaincatcher', url: 'https://chaincatcher.com/en/article/2058014' },
    { name: '0xkryptos', url: 'https://0xkryptos.com/market/f98a23f2ded9.html' },
    { name: 'blankvar', url: 'https://api.blankvar.com/en/p/1gx7bf', note: 'ETH ~$90 low (low confidence)' },
  ],
};
