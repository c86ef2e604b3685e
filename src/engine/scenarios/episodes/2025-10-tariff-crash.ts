/**
 * The 10–11 October 2025 tariff crash (guardrails.md §3, fifth row; confidence H for the totals): after a
 * 100% US tariff on Chinese imports was announced, BTC went from ~$122k to below $105k (≈ −14%); CoinGlass
 * reports BTC −12% and ETH −16% within ~45 min; liquidations peaked at $3.21bn in 60 s at 21:15 UTC.
 * "§3 row" below: followin; spectropunk (CoinGlass); yieldfund; ourcryptotalk; ainvest.
 *
 * ALT (§3 ALT table, Oct 2025, H for SOL): −31% within ~45 min (CoinGlass SOL): $98 at 20:30 UTC → $67.6 at
 * 21:15 (98 × 0.69). "Many alts −70% to −90% for minutes on some venues" is a venue's book, not the index:
 * it is left to the venue's thin ALT book. The other levels are [shape]; ALT opens at $100 (alt-path.ts).
 */
import { anchorClock, type Anchor, type HistoricalEpisode } from '../anchors.ts';
import type { ScenarioInfo } from '../types.ts';

const START_UTC = '2025-10-10T12:00:00Z';
const at = anchorClock(START_UTC);

export const OCT_2025_ANCHORS: readonly Anchor[] = [
  // BTC ~$122k before the crash (§3 row). [shape] ETH 4,350 assumed (not in §3).
  at('2025-10-10T12:00:00Z', 122_000, 4_350, 100),
  // [DERIVED] Start of the ~45-min leg, CoinGlass BTC −12%, ETH −16% (§3 row): BTC 104,900 / 0.88 = 119,200;
  // ETH 3,450 / 0.84 = 4,107. [shape] the minute: 45 min before the 21:15 UTC peak.
  at('2025-10-10T20:30:00Z', 119_200, 4_107, 98),
  // BTC < $105k, ≈ −14% from 122k (§3 row): 122,000 × 0.86 = 104,920 → 104,900.
  // ETH 3,450 [shape], inside the reported venue lows ~$3,374–3,900 (§3 row). The minute: the 21:15 UTC
  // liquidation peak (§3 row).
  at('2025-10-10T21:15:00Z', 104_900, 3_450, 67.6),
  // [shape] The rebound within the hour; levels assumed.
  at('2025-10-10T22:00:00Z', 110_000, 3_750, 78),
  // [shape] A day after the start, partly recovered; levels assumed (not in §3).
  at('2025-10-11T12:00:00Z', 111_500, 3_800, 80),
];

export const OCT_2025_INFO: ScenarioInfo = {
  id: '2025-10-tariff-crash',
  kind: 'historical',
  defaultDays: 1,
  minDays: 1,
  maxDays: 1,
  startUtc: START_UTC,
  // Binance valued USDe at ~$0.65 and wBETH/BNSOL below peg on its own book, 21:36–22:16 UTC (§3 row;
  // crptonews / coti.news: the compensation window). wBETH as low as $430 "around 21:40 UTC", an 88% discount
  // to ETH/USDT above $3,800 (CoinDesk, 12 Oct 2025): 430 / 3,800 = 0.113. BNSOL "tanked to $34.90" (the same
  // CoinDesk report), which gives no SOL price for that minute: [assumption] SOL at about $175 then (no source in
  // guardrails §3 gives it), so 34.90 / 175 ≈ 0.2. [shape] all three troughs at 21:40 UTC.
  collateralDepeg: {
    fromUtc: '2025-10-10T21:36:00Z',
    lowUtc: '2025-10-10T21:40:00Z',
    toUtc: '2025-10-10T22:16:00Z',
    usdeLow: 0.65,
    wbethLow: 0.113,
    bnsolLow: 0.2,
  },
};

export const OCT_2025: HistoricalEpisode = { info: OCT_2025_INFO, anchors: OCT_2025_ANCHORS };
