/**
 * This episode in words (title, description, sources), for the scenario picker and the CLI's `list`. The anchors
 * and dates a run replays are in the episode's own module; this text is kept apart so the engine's worker loads
 * none of it (issue 8's 60 KB budget).
 */
import type { ScenarioStory } from '../types.ts';

export const OCT_2025_STORY: ScenarioStory = {
  title: 'Tariff crash, 10–11 October 2025',
  description:
    'After a 100% US tariff on Chinese imports was announced, BTC fell from about $122,000 to below $105,000 ' +
    'and ETH lost about 16% within some 45 minutes. About $19bn of positions were liquidated, $3.21bn of it ' +
    'in the single minute at 21:15 UTC, and Hyperliquid auto-deleveraged $2.1bn of positions in 12 minutes.',
  sources: [
    { name: 'followin', url: 'https://followin.io/feed/22111099' },
    {
      name: 'spectropunk (CoinGlass)',
      url: 'https://spectropunk.com/?p=179',
      note: 'BTC −12%, ETH −16% within ~45 min; ~$19.1bn liquidated; $3.21bn in 60 s at 21:15 UTC',
    },
    {
      name: 'yieldfund',
      url: 'https://yieldfund.com/was-it-china-or-market-makers-that-caused-the-19-billion-liquidation/?wg-choose-original=true',
    },
    {
      name: 'ourcryptotalk',
      url: 'https://web.ourcryptotalk.com/blog/great-crypto-liquidation-october-2025-explained',
    },
    {
      name: 'ainvest',
      url: 'https://www.ainvest.com/news/bitcoin-news-today-leverage-tariffs-fuelled-crypto-19b-meltdown-2510',
    },
    {
      name: 'arXiv 2512.01112',
      url: 'https://huggingface.co/papers/2512.01112',
      note: 'Hyperliquid ADL closed $2.1bn of positions in 12 min',
    },
    {
      name: 'CoinDesk',
      url: 'https://www.coindesk.com/markets/2025/10/12/binance-to-compensate-users-affected-by-crash-in-wbeth-bnsol-and-ethena-s-usde',
      note: 'wBETH as low as $430 around 21:40 UTC on Binance, 88% below ETH',
    },
  ],
};
