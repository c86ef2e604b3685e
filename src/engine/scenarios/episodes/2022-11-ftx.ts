/**
 * FTX, 6–10 November 2022 (guardrails.md §3, fourth row; confidence H): BTC > $21k the week before, −11% on
 * 8 Nov, −13% on 9 Nov, low $15,682.69 on 9 Nov, ~$15.6k on 10 Nov; ETH low $1,083.29 on 9 Nov.
 * A venue failure more than a leverage event; the price path is what leveraged traders elsewhere lived
 * through. The venue fails at the end of the path, 11 Nov 2022 00:00 UTC (guardrails §3 suggestion: a venue
 * insolvency for FTX; FTX filed for bankruptcy on 11 Nov 2022, a date not in §3's table): the run's margin
 * broker fails then, and its clients lose the share of their collateral the rules let it re-use.
 * "§3 row" below: socialbites (CoinGlass); benzinga; investopedia; forklog; coindesk.
 *
 * ALT (§3 ALT table, Nov 2022, L): −60% over 6–10 Nov (SOL ~$35 → ~$13, FTX-linked): $100 on 6 Nov → $40 on
 * 10 Nov 06:00 UTC (−60%). The other levels are [shape]; ALT opens at $100 (alt-path.ts).
 */
import { anchorClock, type Anchor, type HistoricalEpisode } from '../anchors.ts';
import type { ScenarioInfo } from '../types.ts';

const START_UTC = '2022-11-06T00:00:00Z';
const at = anchorClock(START_UTC);

export const FTX_ANCHORS: readonly Anchor[] = [
  // BTC > $21k the prior week (§3 row): 21,200 [shape] as the level. ETH level assumed [shape].
  at('2022-11-06T00:00:00Z', 21_200, 1_630, 100),
  // [shape] Drift as withdrawals from FTX mount (~$6bn in 72 h, §3 row); levels assumed.
  at('2022-11-07T00:00:00Z', 20_900, 1_610, 97),
  // [shape] Start of 8 Nov; levels assumed.
  at('2022-11-08T00:00:00Z', 20_600, 1_570, 93),
  // [shape] Binance's offer to buy FTX that afternoon (event not in §3); levels assumed.
  at('2022-11-08T16:00:00Z', 20_650, 1_580, 92),
  // [shape] The 8 Nov intraday low; levels assumed.
  at('2022-11-08T21:00:00Z', 17_200, 1_250, 70),
  // [DERIVED] −11% on 8 Nov (§3 row): 20,600 × 0.89 = 18,334. [shape] ETH.
  at('2022-11-09T00:00:00Z', 18_334, 1_335, 72),
  // [shape] Binance walks away from the deal (event not in §3); levels assumed.
  at('2022-11-09T12:00:00Z', 17_500, 1_270, 60),
  // BTC low $15,682.69 and ETH low $1,083.29 on 9 Nov (§3 row). [shape] the minute, 22:00 UTC.
  at('2022-11-09T22:00:00Z', 15_682.69, 1_083.29, 45),
  // [DERIVED] −13% on 9 Nov (§3 row): 18,334 × 0.87 = 15,950.58. [shape] ETH.
  at('2022-11-10T00:00:00Z', 15_950.58, 1_100, 43),
  // BTC ~$15.6k on 10 Nov (§3 row); put at 15,700 so the sourced 15,682.69 stays the low. [shape] ETH.
  at('2022-11-10T06:00:00Z', 15_700, 1_150, 40),
  // [shape] Rebound later on 10 Nov (not in §3); levels assumed.
  at('2022-11-11T00:00:00Z', 17_500, 1_300, 52),
];

export const FTX_INFO: ScenarioInfo = {
  id: '2022-11-ftx',
  kind: 'historical',
  defaultDays: 5,
  minDays: 5,
  maxDays: 5,
  startUtc: START_UTC,
  venueFailureUtc: '2022-11-11T00:00:00Z',
};

export const FTX: HistoricalEpisode = { info: FTX_INFO, anchors: FTX_ANCHORS };
