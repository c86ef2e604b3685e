/**
 * The trader population, drawn once from the seed and held as typed arrays (one entry per trader), so that
 * every regime in a comparison meets exactly the same traders with the same wishes and the same later random
 * choices (common random numbers, model.md "One run"). Rules act on these wishes at the door; they never
 * change the draws.
 */
import { angleOf, DrawAhead, normalOf, seedPrng } from '../prng.ts';
import type { PopulationSettings } from './settings.ts';
import { validatePopulation } from './settings.ts';
import {
  EARLY_ENTRY_SHARE,
  PROFESSIONAL_TRAITS,
  RETAIL_TRAITS,
  type ClassTraits,
  type ProductWish,
} from './traits.ts';
import * as fdlibm from '../math/fdlibm.ts';

export const PRODUCT_CODES: readonly ProductWish[] = ['spot', 'margin', 'perp'];
export const PERSONAS = { retailPerp20x: 0, professionalPerp5x: 1, marginFinancedBtcHolder: 2 } as const;
export type PersonaName = keyof typeof PERSONAS;

export interface Population {
  count: number;
  /** 0 retail, 1 professional. */
  professional: Uint8Array;
  capital: Float64Array;
  /** Securities already pledged with the broker (USD), for margin-financing clients (existing SMF clients). */
  securities: Float64Array;
  /**
   * What the trader holds in all (USD), the figure a professional-investor test reads (HK: HK$8m, W23): here the
   * capital and pledged securities it brings, except where a persona says it holds more elsewhere.
   */
  portfolio: Float64Array;
  /** 1: the trader's venue account is younger than 60 days (Binance caps such accounts at 20×, W31). */
  newAccount: Uint8Array;
  /** Index into PRODUCT_CODES. */
  product: Uint8Array;
  /** 0 BTC, 1 ETH. */
  asset: Uint8Array;
  /** Perpetuals: leverage wished for; margin financing: gross exposure wished for (× own capital). */
  leverageWish: Float64Array;
  /** +1 long, −1 short (spot and margin financing are always long). */
  direction: Int8Array;
  isolated: Uint8Array;
  deployShare: Float64Array;
  entryMinute: Uint32Array;
  exitMinute: Uint32Array;
  takeProfitRoe: Float64Array;
  /** 0: no stop-loss; otherwise a negative return on equity that triggers a close. */
  stopLossRoe: Float64Array;
  topUpProbability: Float64Array;
  /** Uniform draws kept for later choices, identical under every regime. */
  reactionDraw: Float64Array;
  leakDraw: Float64Array;
}

function pickProduct(traits: ClassTraits, u: number): number {
  const { spot, margin } = traits.productShares;
  return u < spot ? 0 : u < spot + margin ? 1 : 2;
}

/**
 * Traders drawn at a time (issue 16). A trader's draws are three normals (capital, leverage or exposure, horizon:
 * log-normal each, median × e^(σ·z), z by Box–Muller from two uniforms as prng.ts nextNormal) among its
 * uniforms, and which uniforms it takes depends on uniforms alone (its product), never on a normal. So a chunk's
 * uniforms are drawn first, in the same order as trader by trader, each normal's pair parked in its trader's
 * slots of columns written later anyway; then the logarithms, cosines and exponentials in passes of one kind
 * each (fdlibm.ts: inlined there, no number boxed per call); then the traits that read the normals. The same
 * calls on the same values, so the same bits (population.test.ts pins them).
 */
const CHUNK_TRADERS = 1024;

export function drawPopulation(settings: PopulationSettings, seed: number, runMinutes: number): Population {
  validatePopulation(settings);
  const n = settings.traders;
  // A stream of its own, so the market's noise and the population never share draws. Drawn ahead in bulk
  // (prng.ts DrawAhead; issue 16: 200 traders 67 → 54 µs), the same numbers in the same order.
  const rng = new DrawAhead(seedPrng((seed ^ 0x5eed_0f7a) >>> 0));
  const p: Population = {
    count: n,
    professional: new Uint8Array(n),
    capital: new Float64Array(n),
    securities: new Float64Array(n),
    portfolio: new Float64Array(n),
    newAccount: new Uint8Array(n),
    product: new Uint8Array(n),
    asset: new Uint8Array(n),
    leverageWish: new Float64Array(n),
    direction: new Int8Array(n),
    isolated: new Uint8Array(n),
    deployShare: new Float64Array(n),
    entryMinute: new Uint32Array(n),
    exitMinute: new Uint32Array(n),
    takeProfitRoe: new Float64Array(n),
    stopLossRoe: new Float64Array(n),
    topUpProbability: new Float64Array(n),
    reactionDraw: new Float64Array(n),
    leakDraw: new Float64Array(n),
  };
  // Traits added later draw from a stream of their own, so the older traits keep their draws.
  const later = new DrawAhead(seedPrng((seed ^ 0x0acc_0a9e) >>> 0));
  // Each normal's uniforms parked until its pass: u in `capital`, `leverageWish` and `takeProfitRoe` (the
  // capital's, leverage's and horizon's), the angle 2π·v in `portfolio`, `deployShare` and `topUpProbability`;
  // a margin client's securities uniform in `securities`.
  const { capital, leverageWish, takeProfitRoe, portfolio, deployShare, topUpProbability } = p;
  // The module's constants in locals: V8 11.3 reads a module's binding from the module, with a type check, at
  // every use in a trader's loop (issue 16).
  const professionalTraits = PROFESSIONAL_TRAITS;
  const retailTraits = RETAIL_TRAITS;
  const earlyShare = EARLY_ENTRY_SHARE;
  const horizonSigma = HORIZON_SIGMA;
  for (let from = 0; from < n; from += CHUNK_TRADERS) {
    const to = Math.min(n, from + CHUNK_TRADERS);
    for (let i = from; i < to; i++) {
      const professional = rng.float() >= settings.retailShare;
      const t = professional ? professionalTraits : retailTraits;
      p.professional[i] = professional ? 1 : 0;
      capital[i] = rng.nonZeroFloat();
      portfolio[i] = angleOf(rng.float());
      const product = pickProduct(t, rng.float());
      p.product[i] = product;
      p.asset[i] = rng.float() < 0.65 ? 0 : 1;
      leverageWish[i] = rng.nonZeroFloat();
      deployShare[i] = angleOf(rng.float());
      if (product === 1) p.securities[i] = rng.float();
      p.direction[i] = product === 2 && rng.float() >= t.longShare ? -1 : 1;
      p.isolated[i] = rng.float() < t.isolatedShare ? 1 : 0;
      const early = rng.float() < earlyShare;
      const entry = early ? rng.float() * 60 : rng.float() * runMinutes * 0.8;
      p.entryMinute[i] = Math.min(runMinutes, Math.floor(entry));
      takeProfitRoe[i] = rng.nonZeroFloat();
      topUpProbability[i] = angleOf(rng.float());
      p.stopLossRoe[i] = rng.float() < t.stopLossShare ? t.stopLossRoe : 0;
      p.reactionDraw[i] = rng.float();
      p.leakDraw[i] = rng.float();
      p.newAccount[i] = later.float() < t.newAccountShare ? 1 : 0;
    }
    fdlibm.logsInPlace(capital, from, to);
    fdlibm.logsInPlace(leverageWish, from, to);
    fdlibm.logsInPlace(takeProfitRoe, from, to);
    fdlibm.cosInPlace(portfolio, from, to);
    fdlibm.cosInPlace(deployShare, from, to);
    fdlibm.cosInPlace(topUpProbability, from, to);
    // The exponents σ·z, then their exponentials in a pass.
    for (let i = from; i < to; i++) {
      const t = p.professional[i] === 1 ? professionalTraits : retailTraits;
      capital[i] = t.capitalSigma * normalOf(capital[i]!, portfolio[i]!);
      const sigma = p.product[i] === 1 ? t.exposureSigma : t.leverageSigma;
      leverageWish[i] = sigma * normalOf(leverageWish[i]!, deployShare[i]!);
      takeProfitRoe[i] = horizonSigma * normalOf(takeProfitRoe[i]!, topUpProbability[i]!);
    }
    fdlibm.expsInPlace(capital, from, to);
    fdlibm.expsInPlace(leverageWish, from, to);
    fdlibm.expsInPlace(takeProfitRoe, from, to);
    for (let i = from; i < to; i++) {
      const t = p.professional[i] === 1 ? professionalTraits : retailTraits;
      const margin = p.product[i] === 1;
      capital[i] = Math.min(t.capitalMedian * capital[i]!, t.capitalMedian * 50);
      leverageWish[i] = margin
        ? Math.max(1, t.exposureMedian * leverageWish[i]!)
        : Math.min(200, Math.max(1, t.leverageMedian * leverageWish[i]!));
      if (margin) p.securities[i] = capital[i]! * (0.5 + 1.5 * p.securities[i]!);
      const horizon = t.horizonHoursMedian * 60 * takeProfitRoe[i]!;
      p.exitMinute[i] = Math.min(runMinutes + 1, p.entryMinute[i]! + Math.max(30, Math.floor(horizon)));
      takeProfitRoe[i] = t.takeProfitRoe;
      deployShare[i] = t.deployShare;
      topUpProbability[i] = t.topUpProbability;
      portfolio[i] = capital[i]! + p.securities[i]!;
    }
  }
  placePersonas(p, runMinutes);
  return p;
}

/** The horizon's log-standard deviation (both classes). */
const HORIZON_SIGMA = 0.8;

/** The three named traders of the product brief, always at indices 0–2 and in the market from the start. */
function placePersonas(p: Population, runMinutes: number): void {
  const hold = (i: number) => {
    p.entryMinute[i] = 0;
    p.exitMinute[i] = runMinutes + 1;
    p.takeProfitRoe[i] = 0;
    p.stopLossRoe[i] = 0;
    p.asset[i] = 0;
    p.direction[i] = 1;
  };
  // A retail trader who wants 20× on BTC perpetuals, isolated margin, 5,000 USD.
  hold(0);
  p.professional[0] = 0;
  p.product[0] = 2;
  p.leverageWish[0] = 20;
  p.capital[0] = 5_000;
  p.isolated[0] = 1;
  p.deployShare[0] = RETAIL_TRAITS.deployShare;
  // A professional at 5×, cross margin, 250,000 USD of a portfolio of US$1.5m: a professional investor under
  // every threshold in the presets (HK$8m ≈ US$1.03m), so it meets the same rules everywhere.
  hold(1);
  p.portfolio[1] = PERSONA_PROFESSIONAL_PORTFOLIO;
  p.professional[1] = 1;
  p.product[1] = 2;
  p.leverageWish[1] = 5;
  p.capital[1] = 250_000;
  p.isolated[1] = 0;
  p.deployShare[1] = PROFESSIONAL_TRAITS.deployShare;
  // A margin-financed BTC holder: 50,000 USD cash and 100,000 USD of pledged securities, wants 2× BTC exposure,
  // and does nothing when called.
  hold(2);
  p.professional[2] = 0;
  p.product[2] = 1;
  p.leverageWish[2] = 2;
  p.capital[2] = 50_000;
  p.securities[2] = 100_000;
  p.deployShare[2] = 1;
  p.topUpProbability[2] = 0;
  p.securities[0] = 0;
  p.securities[1] = 0;
  p.portfolio[0] = p.capital[0]!;
  p.portfolio[2] = p.capital[2]! + p.securities[2]!;
  // The personas are established users of their venue (no new-account cap applies to them).
  p.newAccount[0] = p.newAccount[1] = p.newAccount[2] = 0;
}

/** Persona 1's whole portfolio (USD), of which it deposits 250,000. */
export const PERSONA_PROFESSIONAL_PORTFOLIO = 1_500_000;

/** Whether trader i is one of the three named personas, whose stated wishes are kept (issue 15, defect 4). */
export function isPersona(i: number): boolean {
  return i <= PERSONAS.marginFinancedBtcHolder;
}
