/**
 * The equity-index price path that pledged securities follow. Scenarios give crypto paths only; this one is a
 * seeded random walk (1% daily volatility, no drift) starting at 100, an assumption of this simulator, so that
 * securities collateral moves a little but is not the story.
 */
import { fillNormals, seedPrng } from '../prng.ts';
import * as fdlibm from '../math/fdlibm.ts';

export const SECURITIES_DAILY_VOLATILITY = 0.01;

export function securitiesPath(seed: number, minutes: number): Float64Array {
  const rng = seedPrng((seed ^ 0x0e9_017d) >>> 0);
  const path = new Float64Array(minutes + 1);
  const perMinute = SECURITIES_DAILY_VOLATILITY / Math.sqrt(1440);
  // Each minute's shock is drawn into its slot first, in bulk (prng.ts fillNormals; issue 16: 52 → 35 µs for a
  // day), then the walk overwrites it.
  fillNormals(rng, path, 1, minutes + 1);
  // Each minute's growth factor, its exponent first and the exponentials in a pass (issue 16), then the walk.
  for (let i = 1; i <= minutes; i++) path[i] = perMinute * path[i]! - (perMinute * perMinute) / 2;
  fdlibm.expsInPlace(path, 1, minutes + 1);
  path[0] = 100;
  for (let i = 1; i <= minutes; i++) path[i] = path[i - 1]! * path[i]!;
  return path;
}
