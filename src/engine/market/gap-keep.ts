/**
 * Arbitrage's factor on a market's gap for one step, `Math.pow(0.5, minutes / halfLife)` as `decayGap` takes it
 * (impact-seam.ts), kept per market and taken again only when its inputs changed: the half-life follows the
 * depth share, which holds still in calm stretches of a flat path and at its floor through a crash. The same
 * inputs give the same bits, so a kept factor is the one `decayGap` would compute.
 */
import { gapHalfLife } from './venue-depth.ts';

export class GapKeep {
  /** Per market position: the inputs of the factor last taken (NaN: none yet, never equal) and the factor. */
  readonly #share = new Float64Array(3).fill(NaN);
  readonly #calm = new Float64Array(3).fill(NaN);
  readonly #minutes = new Float64Array(3).fill(NaN);
  readonly #keep = new Float64Array(3);

  /** The factor for the market at position `k` (fewer than 3, one per market) of a book at `depthShare`. */
  keep(k: number, calmHalfLifeMinutes: number, depthShare: number, minutes: number): number {
    if (
      depthShare === this.#share[k] &&
      calmHalfLifeMinutes === this.#calm[k] &&
      minutes === this.#minutes[k]
    )
      return this.#keep[k]!;
    const keep = Math.pow(0.5, minutes / gapHalfLife(calmHalfLifeMinutes, depthShare));
    this.#share[k] = depthShare;
    this.#calm[k] = calmHalfLifeMinutes;
    this.#minutes[k] = minutes;
    this.#keep[k] = keep;
    return keep;
  }
}
