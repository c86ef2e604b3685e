/**
 * Terra LUNA/UST, 7–13 May 2022 (guardrails.md §3, third row; confidence M): BTC ≈ $26,700 on 12 May, about
 * −25% over three days; the week closed near $30,100.
 *
 * §3 gives no ETH levels for this week. ETH's low and close below come from two reports outside the §5 list
 * and are labelled where used; the other ETH levels are [shape].
 *
 * ALT (§3 ALT table, May 2022, L): −40% over 9–12 May (SOL ~$85 → ~$45): $97 on 9 May → $58 at the 12 May
 * low (−40%). The other levels are [shape]; ALT opens at $100 (alt-path.ts).
 */
import { anchorClock, type Anchor, type HistoricalEpisode } from '../anchors.ts';
import type { ScenarioInfo } from '../types.ts';

const START_UTC = '2022-05-07T00:00:00Z';
const at = anchorClock(START_UTC);

export const LUNA_ANCHORS: readonly Anchor[] = [
  // [shape] Levels when UST first slipped on 7 May assumed (not in §3).
  at('2022-05-07T00:00:00Z', 36_000, 2_750, 100),
  // [DERIVED] 26,700 / 0.75 = 35,600: "about −25% over three days" to the 12 May low (forklog). [shape] ETH.
  at('2022-05-09T00:00:00Z', 35_600, 2_650, 97),
  // [shape] After UST's second, larger depeg on the night of 9–10 May (forklog: UST fell to $0.62);
  // levels assumed.
  at('2022-05-10T00:00:00Z', 30_300, 2_250, 80),
  // [shape] A pause on 10 May; levels assumed.
  at('2022-05-11T00:00:00Z', 31_000, 2_340, 80),
  // BTC ≈ 26,700 on 12 May, lowest since late 2020 (forklog; bitscreener). [shape] the minute, 07:00 UTC.
  // ETH "just above $1,700" in May 2022 (Cointelegraph via fastcrypto.trade; outside §5): 1,710.
  at('2022-05-12T07:00:00Z', 26_700, 1_710, 58),
  // [shape] Partial recovery on 13 May; levels assumed.
  at('2022-05-13T00:00:00Z', 29_000, 1_950, 64),
  // BTC near 30,100 at the week's end (forklog). ETH "just over US$2,000" (newsbreak, May 2022; outside §5).
  at('2022-05-14T00:00:00Z', 30_100, 2_050, 66),
];

export const LUNA_INFO: ScenarioInfo = {
  id: '2022-05-luna',
  kind: 'historical',
  defaultDays: 7,
  minDays: 7,
  maxDays: 7,
  startUtc: START_UTC,
};

export const LUNA: HistoricalEpisode = { info: LUNA_INFO, anchors: LUNA_ANCHORS };
