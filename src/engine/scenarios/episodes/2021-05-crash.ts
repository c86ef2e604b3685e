/**
 * 19 May 2021 (guardrails.md §3, second row; confidence M): BTC ~$42,000 → ~$30,000 and back within ~14 h,
 * ETH ~$3,200 → $1,888 → ~$2,900.
 */
import { anchorClock, type Anchor, type HistoricalEpisode } from '../anchors.ts';
import type { ScenarioInfo } from '../types.ts';

const START_UTC = '2021-05-19T00:00:00Z';
const at = anchorClock(START_UTC);

export const MAY_2021_ANCHORS: readonly Anchor[] = [
  // [shape] Levels at midnight assumed a little above the morning levels §3 gives (not in §3).
  at('2021-05-19T00:00:00Z', 43_000, 3_400),
  // Morning levels BTC ~42,000, ETH ~3,200 (§3 row). [shape] 05:00, so the ~14 h run to 19:00.
  at('2021-05-19T05:00:00Z', 42_000, 3_200),
  // [shape] The slide before the cascade; levels assumed.
  at('2021-05-19T12:00:00Z', 37_000, 2_600),
  // Lows BTC ~30,000 and ETH $1,888 (§3 row). [shape] the minute, 13:30 UTC.
  at('2021-05-19T13:30:00Z', 30_000, 1_888),
  // [shape] The first rebound; levels assumed.
  at('2021-05-19T15:00:00Z', 36_000, 2_500),
  // BTC back to morning levels within ~14 h (§3 row; worldstockmarket: "down and up by 12,000 in 15 hours");
  // ETH back to ~2,900 (§3 row).
  at('2021-05-19T19:00:00Z', 42_000, 2_900),
  // [shape] End of the day; levels assumed (not in §3).
  at('2021-05-20T00:00:00Z', 39_000, 2_700),
];

export const MAY_2021_INFO: ScenarioInfo = {
  id: '2021-05-crash',
  kind: 'historical',
  title: 'The 19 May 2021 crash',
  description:
    'In one day BTC fell from about $42,000 to about $30,000 and climbed most of the way back within about 14 ' +
    'hours, while ETH went from about $3,200 to $1,888 and back to about $2,900. About $8.6bn of positions ' +
    'were liquidated that day, and several exchanges had outages or paused withdrawals at the worst moment.',
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
  ],
  defaultDays: 1,
  minDays: 1,
  maxDays: 1,
  startUtc: START_UTC,
};

export const MAY_2021: HistoricalEpisode = { info: MAY_2021_INFO, anchors: MAY_2021_ANCHORS };
