/**
 * A sudden move and its partial reversal, added to a calm random walk in log price: the shape behind the
 * synthetic flash crash and short squeeze.
 */
import * as fdlibm from '../math/fdlibm.ts';

export interface Impulse {
  /** Minute the move starts. */
  start: number;
  /** Minutes the move takes. */
  duration: number;
  /** Size of the move in log price (negative for a fall), per asset. */
  btcLog: number;
  ethLog: number;
  /** Share of the move still there long after it (1 − the share that reverses). */
  kept: number;
  /** Time constant of the reversal, in minutes (most of it is done after 3 × this). */
  reversalMinutes: number;
  /** Noise multiplier at the height of the move; decays back to 1 with the reversal. */
  noisePeak: number;
}

/** Fraction of the move reached at minute t: a smooth S over the move, then an exponential reversal. */
export function impulseProgress(impulse: Impulse, t: number): number {
  const { start, duration, kept, reversalMinutes } = impulse;
  if (t <= start) return 0;
  if (t < start + duration) return (1 - fdlibm.cos((Math.PI * (t - start)) / duration)) / 2;
  return kept + (1 - kept) * fdlibm.exp(-(t - start - duration) / reversalMinutes);
}

/** Noise multiplier at minute t: 1 before the move, the peak during it, easing back to 1 after. */
export function impulseNoise(impulse: Impulse, t: number): number {
  const { start, duration, reversalMinutes, noisePeak } = impulse;
  if (t <= start) return 1;
  if (t < start + duration) return noisePeak;
  return 1 + (noisePeak - 1) * fdlibm.exp(-(t - start - duration) / reversalMinutes);
}
