/**
 * Seeded generators for the synthetic scenarios: log-price random walks with BTC–ETH correlated minute
 * shocks, plus volatility clustering and jumps (volatile) or one impulse (flash crash, short squeeze).
 * Every number below is a [DEFAULT] chosen to make each scenario's point visibly, not a market estimate.
 */
import { angleOf, DrawAhead, normalOf, type PrngState } from '../prng.ts';
import { BTC_ETH_CORRELATION } from './correlated-normals.ts';
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

/**
 * A minute's log returns from its two correlated normals and, for a walk with jumps, whether a jump came and its
 * normal (0 when none), written into `returns` (no array per minute).
 */
type Step = (t: number, zb: number, ze: number, jumped: boolean, jumpZ: number) => void;
const returns = new Float64Array(2);

/** A walk's minute step, and whether each minute draws for a jump (after its two normals). */
interface WalkStep {
  step: Step;
  jumps: boolean;
}

/**
 * Minutes drawn at a time (issue 16). A minute's draws are nextCorrelatedNormals' two normals then, with jumps,
 * a uniform and (below JUMPS.perMinute) the jump's normal: which are drawn depends on uniforms alone. So a
 * chunk's uniforms are drawn first in that order (prng.ts DrawAhead), the normals' logarithms and cosines then
 * taken in passes (fdlibm.ts: inlined there), then the steps: the same calls on the same values as minute by
 * minute, and `prng` left where those draws leave it (synthetic.test.ts checks the path against them).
 */
const CHUNK_MINUTES = 1024;
/** The chunk's normals' first uniforms (their logarithms after the pass), BTC's and ETH's own. */
const uB = new Float64Array(CHUNK_MINUTES);
const uE = new Float64Array(CHUNK_MINUTES);
/** Their angles 2π·v (their cosines after the pass). */
const angleB = new Float64Array(CHUNK_MINUTES);
const angleE = new Float64Array(CHUNK_MINUTES);
/** The jumps' uniform pairs, at the minutes that drew one. */
const jumpU = new Float64Array(CHUNK_MINUTES);
const jumpV = new Float64Array(CHUNK_MINUTES);
const jumped = new Uint8Array(CHUNK_MINUTES);

function walk(prng: PrngState, minutes: number, { step, jumps }: WalkStep, impulse?: Impulse): IndexPath {
  const btc = new Float64Array(minutes + 1);
  const eth = new Float64Array(minutes + 1);
  let lb = fdlibm.log(SYNTHETIC_OPEN.btc);
  let le = fdlibm.log(SYNTHETIC_OPEN.eth);
  btc[0] = SYNTHETIC_OPEN.btc;
  eth[0] = SYNTHETIC_OPEN.eth;
  const rho = BTC_ETH_CORRELATION;
  const own = Math.sqrt(1 - rho * rho);
  const rng = new DrawAhead(prng);
  for (let from = 1; from <= minutes; from += CHUNK_MINUTES) {
    const count = Math.min(CHUNK_MINUTES, minutes + 1 - from);
    for (let j = 0; j < count; j++) {
      uB[j] = rng.nonZeroFloat();
      angleB[j] = angleOf(rng.float());
      uE[j] = rng.nonZeroFloat();
      angleE[j] = angleOf(rng.float());
      if (jumps) {
        const jump = rng.float() < JUMPS.perMinute;
        jumped[j] = jump ? 1 : 0;
        if (jump) {
          jumpU[j] = rng.nonZeroFloat();
          jumpV[j] = rng.float();
        }
      }
    }
    fdlibm.logsInPlace(uB, 0, count);
    fdlibm.logsInPlace(uE, 0, count);
    fdlibm.cosInPlace(angleB, 0, count);
    fdlibm.cosInPlace(angleE, 0, count);
    for (let j = 0; j < count; j++) {
      const t = from + j;
      const zb = normalOf(uB[j]!, angleB[j]!);
      const ze = rho * zb + own * normalOf(uE[j]!, angleE[j]!);
      const jump = jumps && jumped[j] === 1;
      // A jump is rare (two a day): its logarithm and cosine taken here, one at a time.
      const jumpZ = jump ? normalOf(fdlibm.log(jumpU[j]!), fdlibm.cos(angleOf(jumpV[j]!))) : 0;
      step(t, zb, ze, jump, jumpZ);
      lb += returns[0]!;
      le += returns[1]!;
      const shape = impulse === undefined ? 0 : impulseProgress(impulse, t);
      // The exponents; the exponentials in a pass below (issue 16).
      btc[t] = lb + shape * (impulse?.btcLog ?? 0);
      eth[t] = le + shape * (impulse?.ethLog ?? 0);
    }
  }
  rng.settle(prng);
  fdlibm.expsInPlace(btc, 1, minutes + 1);
  fdlibm.expsInPlace(eth, 1, minutes + 1);
  return { stepMinutes: 1, minutes, btc, eth, alt: altFromBtc(btc) };
}

function calmStep(noise: (t: number) => number): WalkStep {
  return {
    step: (t, zb, ze) => {
      const m = noise(t);
      returns[0] = CALM_BTC_VOL * m * zb;
      returns[1] = CALM_BTC_VOL * ETH_VOL_RATIO * m * ze;
    },
    jumps: false,
  };
}

function volatileStep(): WalkStep {
  const longRunVariance = GARCH.longRunVol ** 2;
  const omega = longRunVariance * (1 - GARCH.alpha - GARCH.beta);
  let variance = longRunVariance;
  return {
    step: (_t, zb, ze, jumped, jumpZ) => {
      const sd = Math.sqrt(variance);
      const rb = sd * zb;
      // Jumps feed prices, not the variance: one jump should not set off hours of extreme noise.
      variance = omega + GARCH.alpha * rb * rb + GARCH.beta * variance;
      const jump = jumped ? JUMPS.btcSd * jumpZ : 0;
      returns[0] = rb + jump;
      returns[1] = sd * ETH_VOL_RATIO * ze + JUMPS.ethRatio * jump;
    },
    jumps: true,
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
      return walk(prng, minutes, volatileStep());
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
