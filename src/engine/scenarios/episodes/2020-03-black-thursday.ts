/**
 * 12–13 March 2020, "Black Thursday" (guardrails.md §3, first row; confidence H for BTC, L for ETH).
 *
 * The index here is a spot index. BitMEX's BTC perpetual traded about $400 below spot at the bottom ($3,596,
 * §3 row) because liquidation orders hit its thin book; in the simulator that dislocation is produced by
 * the engine's forced-flow impact on the traded price, so the index takes the spot low (≈ $3,900, the end of
 * Coin Metrics' evening leg) and does not bake the venue's wick in twice.
 *
 * ALT (§3 ALT table, Mar 2020, L): about −50% peak to trough within the day, recovering a third: $95 at 10:00
 * UTC on 12 Mar → $47.5 at 02:00 on 13 Mar (−50%, 16 h), then $63.3 (47.5 + 47.5 / 3) by 14 Mar. The levels in
 * between are [shape]; ALT opens at $100 (alt-path.ts).
 */
import { anchorClock, type Anchor, type HistoricalEpisode } from '../anchors.ts';
import type { ScenarioInfo } from '../types.ts';

const START_UTC = '2020-03-12T00:00:00Z';
const at = anchorClock(START_UTC);

/*
 * ETH: §3 gives only the low (~$90, blankvar, confidence L). Between anchors ETH follows BTC's log move
 * scaled by 1.13, the exponent that takes ETH from 194 to 90 while BTC goes from 7,700 to 3,900 [shape].
 */
export const BLACK_THURSDAY_ANCHORS: readonly Anchor[] = [
  // [shape] Opening levels assumed, just above Huobi's 7,672 two hours later; ETH 194 assumed (not in §3).
  at('2020-03-12T00:00:00Z', 7_700, 194, 100),
  // Huobi $7,672 → $3,800, −50.4% in 24 h (§3 row): so 7,672 is put 24 h before the low. [shape] ETH.
  at('2020-03-12T02:00:00Z', 7_672, 193, 99.7),
  // First leg starts at 7,300 (Coin Metrics via modernconsensus); the minute from BitMEX perp $7,353 at
  // 10:00 UTC (§3 row). [shape] ETH.
  at('2020-03-12T10:00:00Z', 7_300, 183, 95),
  // First leg ends at 5,690 "in ~1 h" (Coin Metrics via modernconsensus). [shape] ETH.
  at('2020-03-12T11:00:00Z', 5_690, 138, 71),
  // Evening leg starts at 5,800 (Coin Metrics via modernconsensus); [shape] its minute: ~3 h before 02:00.
  at('2020-03-12T23:00:00Z', 5_800, 141, 72),
  // Evening leg ends at 3,900 "in ~3 h" (Coin Metrics via modernconsensus): the spot low; the minute from
  // BitMEX perp $3,978 by 02:00 UTC 13 Mar (§3 row).
  // ETH ~$90 low (blankvar; confidence L). [shape] both lows put at the same minute.
  at('2020-03-13T02:00:00Z', 3_900, 90, 47.5),
  // [shape] Rebound while BitMEX was halted ("the fall stopped during the halt", §3 row); levels assumed.
  at('2020-03-13T12:00:00Z', 5_000, 119, 60),
  // [shape] End of the second day; levels assumed (not in §3).
  at('2020-03-14T00:00:00Z', 5_600, 135, 63.3),
];

export const BLACK_THURSDAY_INFO: ScenarioInfo = {
  id: '2020-03-black-thursday',
  kind: 'historical',
  defaultDays: 2,
  minDays: 2,
  maxDays: 2,
  startUtc: START_UTC,
};

export const BLACK_THURSDAY: HistoricalEpisode = {
  info: BLACK_THURSDAY_INFO,
  anchors: BLACK_THURSDAY_ANCHORS,
};
