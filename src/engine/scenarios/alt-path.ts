/**
 * The altcoin index "ALT": a generic high-beta coin (SOL-like) that HK does not list (guardrails §3, "A generic
 * altcoin market per episode"). It opens at $100 (an arbitrary round number, not a market record).
 *
 * Historical episodes: ALT goes through its own anchors (each episode's `alt` levels, from the §3 ALT table) and,
 * between them, carries BTC's minute noise scaled by ALT_BETA: log ALT = its anchor line + β × (log BTC − BTC's
 * anchor line). BTC's deviation is zero at its anchors, so ALT hits its own anchors exactly, and no draw is added:
 * the BTC and ETH paths of every seed are unchanged. Synthetic scenarios: ALT = $100 × (BTC / BTC₀)^β.
 */
import type { Anchor } from './anchors.ts';
import * as fdlibm from '../math/fdlibm.ts';

/** $100 at minute 0 (arbitrary). */
export const ALT_OPEN = 100;
/** ALT's log moves per unit of BTC's between anchors: an assumption for a high-beta alt (no source). */
export const ALT_BETA = 1.5;

/** ALT for a synthetic path: $100 × (BTC / BTC₀)^β. */
export function altFromBtc(btc: Float64Array): Float64Array {
  const b0 = btc[0]!;
  // A loop rather than Float64Array.from's callback (issue 16: the builtin calls it per minute, boxing each).
  const alt = new Float64Array(btc.length);
  for (let t = 0; t < btc.length; t++) alt[t] = ALT_OPEN * fdlibm.pow(btc[t]! / b0, ALT_BETA);
  return alt;
}

/** ln of each price of a series, in a pass (fdlibm.ts logsInPlace). */
export function logsOf(series: Float64Array): Float64Array {
  const logs = series.slice();
  fdlibm.logsInPlace(logs, 0, logs.length);
  return logs;
}

/**
 * ALT for a historical path through anchors that all carry `alt`, from the natural logarithms of BTC's bridged
 * path of the same anchors (`logsOf(btc)`: the path keeps them, for BTC's intra-minute extremes too).
 */
export function altFromAnchors(anchors: readonly Anchor[], logBtc: Float64Array): Float64Array {
  const alt = new Float64Array(logBtc.length);
  for (let k = 1; k < anchors.length; k++) {
    const from = anchors[k - 1]!;
    const to = anchors[k]!;
    const n = to.minute - from.minute;
    const [ba, bb] = [fdlibm.log(from.btc), fdlibm.log(to.btc)];
    const [aa, ab] = [fdlibm.log(from.alt!), fdlibm.log(to.alt!)];
    // BTC's logarithms taken before, in a pass, then the exponentials in one: a pass of one kind of call each,
    // the same calls on the same values (issue 16: the classroom episode's ALT 62 → 55 µs, one process).
    const beta = ALT_BETA; // in a local, read once (V8 11.3 reads a module's constant at every use)
    for (let i = 0; i <= n; i++) {
      const f = i / n;
      const t = from.minute + i;
      const deviation = logBtc[t]! - (ba + (bb - ba) * f);
      alt[t] = aa + (ab - aa) * f + beta * deviation; // the exponent, taken below
    }
    fdlibm.expsInPlace(alt, from.minute, to.minute + 1);
  }
  for (const a of anchors) alt[a.minute] = a.alt!;
  const levels = anchors.map((a) => a.alt!);
  const lo = Math.min(...levels);
  const hi = Math.max(...levels);
  // Reflected in log price at the lowest and highest anchor, as BTC and ETH are (bridge-path.ts): the sourced
  // trough stays the episode's low.
  for (let t = 0; t < alt.length; t++) {
    let p = alt[t]!;
    if (p < lo) p = (lo * lo) / p;
    else if (p > hi) p = (hi * hi) / p;
    alt[t] = Math.min(hi, Math.max(lo, p));
  }
  return alt;
}
