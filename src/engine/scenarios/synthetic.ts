/**
 * Seeded generators for the synthetic scenarios: log-price random walks with BTC–ETH correlated minute
 * shocks, plus volatility clustering and jumps (volatile) or one impulse (flash crash, short squeeze).
 * Every number below is a [DEFAULT] chosen to make each scenario's point visibly, not a market estimate.
 */
import { nextFloat, nextNormal, type PrngState } from '../prng.ts';
import { BTC_ETH_CORRELATION, nextCorrelatedNormals } from './correlated-normals.ts';
import { altFromBtc } from './alt-path.ts';
import { impulseNoise, impulseProgress, type Impulse } from './impulse.ts';
import { drawFlashCrash, drawShortSqueeze } from './synthetic-events.ts';
import type { IndexPath, ScenarioId } from './types.ts';
import { check, wholeNumber } from '../validation/index.ts';
import * as fdlibm from '../math/fdlibm.ts';

const MINUTES = wholeNumber(1);

export type SyntheticId = Extract<ScenarioId, `synthetic-${string}`>;

/** Arbitrary opening prices: round numbers of the right order, not a market record. */
export const SYNTHETIC_OPEN = { btc: 60_000, eth: 3_000 } as const;

const PER_DAY = 1 / Math.sqrt(1440);
/** Calm: ≈ 1.5%/day for BTC; ETH 1.3× as volatile. */
const CALM_BTC_VOL = 0.015 * PER_DAY;
const ETH_VOL_RATIO = 1.3;

/**
 * Volatile: GARCH(1,1) on minute returns (Bollerslev 1986), long-run ≈ 4.5%/day (≈ 5% with the jumps).
 * Persistence α + β = 0.995 per minute: a turbulent spell halves in about 2.3 hours, so quiet and busy
 * stretches last hours; β² + 2αβ + 3α² < 1 keeps the variance of the variance finite.
 */
const GARCH = { longRunVol: 0.045 * PER_DAY, alpha: 0.05, beta: 0.945 } as const;
/** Jumps: about 2 a day, log size normal with sd 2% for BTC; ETH moves 1.2× the same jump. */
const JUMPS = { perMinute: 2 / 1440, btcSd: 0.02, ethRatio: 1.2 } as const;

type Step = (t: number, z: readonly [number, number]) => [number, number];

function walk(prng: PrngState, minutes: number, step: Step, impulse?: Impulse): IndexPath {
  const btc = new Float64Array(minutes + 1);
  const eth = new Float64Array(minutes + 1);
  let lb = fdlibm.log(SYNTHETIC_OPEN.btc);
  let le = fdlibm.log(SYNTHETIC_OPEN.eth);
  btc[0] = SYNTHETIC_OPEN.btc;
  eth[0] = SYNTHETIC_OPEN.eth;
  const z: [number, number] = [0, 0];
  for (let t = 1; t <= minutes; t++) {
    const [rb, re] = step(t, nextCorrelatedNormals(prng, BTC_ETH_CORRELATION, z));
    lb += rb;
    le += re;
    const shape = impulse === undefined ? 0 : impulseProgress(impulse, t);
    // The exponents; the exponentials in a pass below (issue 16).
    btc[t] = lb + shape * (impulse?.btcLog ?? 0);
    eth[t] = le + shape * (impulse?.ethLog ?? 0);
  }
  fdlibm.expsInPlace(btc, 1, minutes + 1);
  fdlibm.expsInPlace(eth, 1, minutes + 1);
  return { stepMinutes: 1, minutes, btc, eth, alt: altFromBtc(btc) };
}

function calmStep(noise: (t: number) => number): Step {
  return (t, [zb, ze]) => {
    const m = noise(t);
    return [CALM_BTC_VOL * m * zb, CALM_BTC_VOL * ETH_VOL_RATIO * m * ze];
  };
}

function volatileStep(prng: PrngState): Step {
  const longRunVariance = GARCH.longRunVol ** 2;
  const omega = longRunVariance * (1 - GARCH.alpha - GARCH.beta);
  let variance = longRunVariance;
  return (_t, [zb, ze]) => {
    const sd = Math.sqrt(variance);
    const rb = sd * zb;
    // Jumps feed prices, not the variance: one jump should not set off hours of extreme noise.
    variance = omega + GARCH.alpha * rb * rb + GARCH.beta * variance;
    const jump = nextFloat(prng) < JUMPS.perMinute ? JUMPS.btcSd * nextNormal(prng) : 0;
    return [rb + jump, sd * ETH_VOL_RATIO * ze + JUMPS.ethRatio * jump];
  };
}

export function isSyntheticId(id: ScenarioId): id is SyntheticId {
  return id.startsWith('synthetic-');
}

/** Advances `prng`; the same state and length give the same path. */
export function syntheticPath(id: SyntheticId, prng: PrngState, minutes: number): IndexPath {
  check('minutes', minutes, MINUTES);
  switch (id) {
    case 'synthetic-calm':
      return walk(
        prng,
        minutes,
        calmStep(() => 1),
      );
    case 'synthetic-volatile':
      return walk(prng, minutes, volatileStep(prng));
    case 'synthetic-flash-crash': {
      const crash = drawFlashCrash(prng, minutes);
      return walk(
        prng,
        minutes,
        calmStep((t) => impulseNoise(crash, t)),
        crash,
      );
    }
    case 'synthetic-short-squeeze': {
      const squeeze = drawShortSqueeze(prng, minutes);
      return walk(
        prng,
        minutes,
        calmStep((t) => impulseNoise(squeeze, t)),
        squeeze,
      );
    }
  }
}
