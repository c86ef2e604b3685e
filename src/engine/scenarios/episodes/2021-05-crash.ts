/**
 * 19 May 2021 (guardrails.md §3, second row; confidence M): BTC ~$42,000 → ~$30,000 and back up by the
 * afternoon, ETH ~$3,200 → $1,888 → ~$2,900; then both slid into the close (BTC ≈ $37.0k, ETH ≈ $2,450).
 * BTC regained $42,000 only on 20 May (CityAM, 21 May: "dropped to a low of $35,000 before recovering to above
 * the $42,000 line"), so the path never regains $42,000 after the low (issue 21).
 *
 * Sources of the anchors: the §3 row's own sources (worldstockmarket, open-lib, crypteko), read with their
 * clocks stated, and four dated price reports outside §3 that pin the times: CoinDesk 05:29 UTC, Dow Jones
 * Market Data 5 p.m. ET, Coinspeaker's 24-hour range at 11:36 UTC on 20 May, CityAM on 19 and 21 May.
 * worldstockmarket writes wall-clock times without a zone; read as Moscow time (UTC+3, the site's origin;
 * assumption) its "by 19:00 back to the morning levels" is 16:00 UTC, and its "$742bn BTC market cap by 20:00"
 * is ≈ $39,660 at 17:00 UTC ([DERIVED] 742e9 / ~18.71m BTC in circulation, assumption), which agrees.
 *
 * ALT (§3 ALT table, May 2021, L): about −45% intraday, half recovered by the evening: $100 → $55 at 13:30
 * UTC (−45%), back to $77.5 (55 + 45 / 2) at 16:00–21:00 UTC. The other levels are [shape]; ALT opens at $100.
 */
import { anchorClock, type Anchor, type HistoricalEpisode } from '../anchors.ts';
import type { ScenarioInfo } from '../types.ts';

const START_UTC = '2021-05-19T00:00:00Z';
const at = anchorClock(START_UTC);

export const MAY_2021_ANCHORS: readonly Anchor[] = [
  // BTC at "the $42,000 level, which it had been at for several days"; ETH "in the early morning around
  // $3,200" (worldstockmarket, §3 row).
  at('2021-05-19T00:00:00Z', 42_000, 3_200, 100),
  // BTC $39,678 at 05:29 UTC (CoinDesk, 19 May: 24-h range $38,960–$45,850) → 39,700; ETH ≈ $3,000 in early
  // trading (open-lib, §3 row: "dropping 8.75% to $3,000"; CoinDesk: "dipped below $3,000").
  at('2021-05-19T05:30:00Z', 39_700, 3_000, 93),
  // BTC "since recovered to just below $41,000" (CityAM, 19 May morning); Coinspeaker's 24-h high to 11:36 UTC
  // on 20 May, $40,738.53, bounds the rest of the day. [shape] ETH 2,950 under Coinspeaker's 24-h high 2,982.
  at('2021-05-19T11:00:00Z', 40_700, 2_950, 95),
  // "By midday Bitcoin fell below $40,000" (open-lib, §3 row); [shape] the levels at the start of the freefall.
  at('2021-05-19T12:30:00Z', 38_000, 2_600, 87),
  // Lows BTC ~30,000 and ETH $1,888 (worldstockmarket, crypteko; §3 row). [shape] the minute, 13:30 UTC,
  // an hour into the freefall open-lib dates to 20:30 (Beijing time, UTC+8: 12:30 UTC).
  at('2021-05-19T13:30:00Z', 30_000, 1_888, 55),
  // "By 19:00 [UTC+3, 16:00 UTC] returned to the morning levels" → the 05:29 UTC level 39,700; ETH "recovered,
  // although somewhat less – up to $2900" (worldstockmarket, §3 row).
  at('2021-05-19T16:00:00Z', 39_700, 2_900, 78),
  // BTC $38,390.16 at 5 p.m. ET = 21:00 UTC (Dow Jones Market Data via MarketScreener, 18 May 2022, "52 weeks
  // ago") → 38,400. [shape] ETH 2,600 on the way to its close.
  at('2021-05-19T21:00:00Z', 38_400, 2_600, 77.5),
  // Close BTC ≈ $37.0k, ETH ≈ $2,430–2,500 (issue 21's daily closes; not in a §3 source; consistent with the
  // 21:00 UTC level above and with BTC regaining $42k only on 20 May, CityAM 21 May) → 37,000 and 2,450.
  at('2021-05-20T00:00:00Z', 37_000, 2_450, 72),
];

export const MAY_2021_INFO: ScenarioInfo = {
  id: '2021-05-crash',
  kind: 'historical',
  defaultDays: 1,
  minDays: 1,
  maxDays: 1,
  startUtc: START_UTC,
};

export const MAY_2021: HistoricalEpisode = { info: MAY_2021_INFO, anchors: MAY_2021_ANCHORS };
