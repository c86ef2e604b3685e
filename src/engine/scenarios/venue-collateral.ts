/**
 * Collateral a venue values on its own order book: yield-bearing, wrapped and staked tokens (USDe, wBETH, BNSOL)
 * that an offshore exchange takes as margin collateral (the rules' "other crypto"; HK takes BTC and ETH only,
 * guardrails A5). On 10 Oct 2025 Binance priced them on its own thin book, far below their reference, between
 * 21:36 and 22:16 UTC, force-sold accounts that had posted them, and later paid $283m in compensation
 * (guardrails §3; CoinDesk 12 Oct 2025). Elsewhere USDe stayed above $0.90.
 *
 * The simulator's unit of this collateral is a basket worth $1 at the start: a third USDe (reference $1), a
 * third wBETH (reference: the ETH index) and a third BNSOL (Binance's staked SOL; reference: the ALT index, the
 * simulator's SOL-like altcoin). The equal split is an assumption (no source gives what clients posted). BNSOL
 * is how the altcoin reaches the offshore margin book: where the venue takes "other crypto" as collateral, an
 * altcoin's fall (SOL −31% within 45 minutes on 10 Oct 2025) moves the loans it backs; BTC/ETH-only collateral
 * keeps it out.
 * Each token's venue price is its reference times a discount that is 1 outside the episode's depeg window and
 * falls in a straight line to the trough and back (the trough's minute is the source's; the straight lines are a
 * shape).
 */
import { anchorClock } from './anchors.ts';
import { Refusal, above, check } from '../validation/index.ts';

export interface CollateralDepeg {
  /** First minute the venue's book prices the tokens below their reference (UTC). */
  fromUtc: string;
  /** The trough (UTC). */
  lowUtc: string;
  /** Back at the reference (UTC). */
  toUtc: string;
  /** Venue price ÷ reference at the trough: USDe (reference $1). */
  usdeLow: number;
  /** Venue price ÷ reference at the trough: wBETH (reference ETH). */
  wbethLow: number;
  /** Venue price ÷ reference at the trough: BNSOL (reference ALT, the SOL-like index). */
  bnsolLow: number;
}

/** A third of the basket's starting dollar in each token (assumption, see above). */
export const USDE_SHARE = 1 / 3;
export const WBETH_SHARE = 1 / 3;
export const BNSOL_SHARE = 1 / 3;

const RATIO = above(0, 1);

/** No depeg: a window that never opens, so the discount is 1 at every minute. */
const NEVER: readonly [number, number, number] = [Infinity, Infinity, Infinity];
const AT_PEG = { usdeLow: 1, wbethLow: 1, bnsolLow: 1 };

/** The depeg's minutes [from, trough, back at peg], checked; NEVER without a depeg or a clock to place it on. */
function depegMinutes(
  startUtc: string | null,
  depeg: CollateralDepeg | undefined,
): readonly [number, number, number] {
  if (depeg === undefined || startUtc === null) return NEVER;
  check('USDe venue price at the trough', depeg.usdeLow, RATIO);
  check('wBETH venue price at the trough', depeg.wbethLow, RATIO);
  check('BNSOL venue price at the trough', depeg.bnsolLow, RATIO);
  const at = anchorClock(startUtc);
  const [from, low, to] = [depeg.fromUtc, depeg.lowUtc, depeg.toUtc].map((u) => at(u, 1, 1).minute) as [
    number,
    number,
    number,
  ];
  if (!(from < low && low < to))
    throw new Refusal('depeg window', [depeg.fromUtc, depeg.lowUtc, depeg.toUtc], {
      kind: 'words',
      text: 'in the order from < trough < back at peg',
    });
  return [from, low, to];
}

/** Discount of the venue's price to the reference, 1 at the window's edges and `low` at the trough. */
function discount(minute: number, from: number, low: number, to: number, trough: number): number {
  if (minute <= from || minute >= to) return 1;
  const share = minute <= low ? (minute - from) / (low - from) : (to - minute) / (to - low);
  return 1 - (1 - trough) * share;
}

/**
 * The basket's venue price at each minute of the path (element 0 = 1): USDE_SHARE × USDe's discount, plus
 * WBETH_SHARE × ETH's move since the start × wBETH's discount, plus BNSOL_SHARE × ALT's move since the start ×
 * BNSOL's discount. `depeg` absent: the tokens trade at reference.
 */
export function venueCollateralPath(
  eth: Float64Array,
  alt: Float64Array,
  startUtc: string | null,
  depeg: CollateralDepeg | undefined,
): Float64Array {
  const out = new Float64Array(eth.length);
  const eth0 = eth[0]!;
  const alt0 = alt[0]!;
  // The window's bounds and the troughs read once, not at every minute (issue 16: the classroom episode's path
  // 15.1 → 7.6 µs).
  const [from, low, to] = depegMinutes(startUtc, depeg);
  const { usdeLow, wbethLow, bnsolLow } = depeg ?? AT_PEG;
  // The shares in locals too: V8 11.3 reads a module's constant from the module at every use.
  const usde = USDE_SHARE;
  const wbeth = WBETH_SHARE;
  const bnsol = BNSOL_SHARE;
  for (let t = 0; t < eth.length; t++) {
    const u = discount(t, from, low, to, usdeLow);
    const w = discount(t, from, low, to, wbethLow);
    const b = discount(t, from, low, to, bnsolLow);
    out[t] = usde * u + wbeth * (eth[t]! / eth0) * w + bnsol * (alt[t]! / alt0) * b;
  }
  return out;
}
