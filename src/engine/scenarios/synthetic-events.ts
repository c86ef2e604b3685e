/**
 * The one sudden move of the flash-crash and short-squeeze scenarios: its size, timing and reversal, drawn
 * from the seeded stream. The ranges are [DEFAULT]s chosen to make each scenario's point, not estimates.
 */
import { nextFloat, type PrngState } from '../prng.ts';
import type { Impulse } from './impulse.ts';
import * as fdlibm from '../math/fdlibm.ts';

/** Uniform in [lo, hi). */
function between(prng: PrngState, lo: number, hi: number): number {
  return lo + (hi - lo) * nextFloat(prng);
}

/** A minute in the middle third of the path, so there is calm both before and after. */
function middleThird(prng: PrngState, minutes: number): number {
  return Math.floor(minutes / 3 + nextFloat(prng) * (minutes / 3));
}

/** Flash crash: a 22–30% BTC fall over 10–30 min, then 40–70% of it recovered over hours. */
export function drawFlashCrash(prng: PrngState, minutes: number): Impulse {
  const fall = between(prng, 0.22, 0.3);
  return {
    start: middleThird(prng, minutes),
    duration: Math.round(between(prng, 10, 30)),
    btcLog: fdlibm.log(1 - fall),
    // ETH falls further, as in each episode of guardrails.md §3 that gives ETH levels.
    ethLog: fdlibm.log(1 - Math.min(0.4, fall * 1.2)),
    kept: 1 - between(prng, 0.4, 0.7),
    reversalMinutes: between(prng, 60, 180),
    noisePeak: 2.5,
  };
}

/** Short squeeze: an 18–30% BTC rise over 20–50 min, then 50–90% of it given back over hours. */
export function drawShortSqueeze(prng: PrngState, minutes: number): Impulse {
  const rise = between(prng, 0.18, 0.3);
  return {
    start: middleThird(prng, minutes),
    duration: Math.round(between(prng, 20, 50)),
    btcLog: fdlibm.log(1 + rise),
    ethLog: fdlibm.log(1 + rise * 1.1),
    kept: 1 - between(prng, 0.5, 0.9),
    reversalMinutes: between(prng, 120, 360),
    noisePeak: 2,
  };
}
