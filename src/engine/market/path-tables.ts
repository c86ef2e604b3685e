/**
 * Per-minute figures of a venue's book that follow from an index series alone (issue 16): the depth share
 * (`stressedDepthShare` of the index now and STRESS_WINDOW_MINUTES before) and arbitrage's factor on the gap
 * at that share (`decayGap`'s `fdlibm.halfToThe(1 / halfLife)` for one minute, the costliest number of a quiet
 * minute once a gap has opened). Every run on the same path reads the same tables, so a sweep (each seed once
 * per value) and the ranges over seeds (each seed once per rule set) work them out once per path: the same
 * inputs give the same bits. Factors are filled as a run first asks for them (NaN until then); only minutes
 * with a gap ask.
 */
import { DrawMemo, sameSeries } from '../fast/draw-memo.ts';
import { gapHalfLife, stressedDepthShares } from './venue-depth.ts';
import * as fdlibm from '../math/fdlibm.ts';

export interface PathTables {
  /** Each minute's depth share (element 0 unused). */
  shares: Float64Array;
  /** Each minute's factor on the gap at that share, NaN until first asked. */
  keeps: Float64Array;
}

interface Kept {
  series: Float64Array;
  shares: Float64Array;
  /** The factors per calm half-life (one in practice: every venue arbitrages with a 5-minute calm half-life). */
  keeps: Map<number, Float64Array>;
}

/** Tables of recent paths (a classroom market's about 35 kB; a 30-day one about 1 MB). */
const KEPT = new DrawMemo<Kept>(16 * 2 ** 20);

/** Forgets every kept table (run/seed-setup.ts `forgetSeedDraws`: the bench times each run's own). */
export function forgetPathTables(): void {
  KEPT.clear();
}

/** Arbitrage's factor on the gap over one minute at depth share `share` (decayGap, gap-keep.ts). */
export function gapKeep(calmHalfLifeMinutes: number, share: number): number {
  return fdlibm.halfToThe(1 / gapHalfLife(calmHalfLifeMinutes, share));
}

/** Bytes of a kept path's tables per minute: its series, shares and one calm half-life's factors. */
const BYTES_PER_MINUTE = 24;

/**
 * The tables of `series` for the calm half-life `calm`, shared with every run on the same series; null for a
 * series too long to keep (beyond about 480 days), whose run works each minute out as it comes rather than
 * hold two more numbers a minute.
 */
export function pathTables(series: Float64Array, calm: number): PathTables | null {
  const n = series.length;
  if (BYTES_PER_MINUTE * n > KEPT.budgetBytes) return null;
  const key = n === 0 ? '0' : `${n}|${series[0]}|${series[n >> 1]}|${series[n - 1]}`;
  let kept = KEPT.get(key);
  if (kept === undefined || !sameSeries(kept.series, series)) {
    const shares = new Float64Array(n);
    stressedDepthShares(series, shares);
    kept = { series: series.slice(), shares, keeps: new Map() };
    KEPT.set(key, kept, BYTES_PER_MINUTE * n);
  }
  let keeps = kept.keeps.get(calm);
  if (keeps === undefined) {
    keeps = new Float64Array(n).fill(NaN);
    kept.keeps.set(calm, keeps);
  }
  return { shares: kept.shares, keeps };
}
