import { describe, expect, it } from 'vitest';
import * as fdlibm from '../math/fdlibm.ts';
import { nextFloat, nextNormal, seedPrng } from '../prng.ts';
import { drawPopulation, PERSONAS, type Population } from './population.ts';
import { DEFAULT_POPULATION, validatePopulation, type PopulationSettings } from './settings.ts';
import { EARLY_ENTRY_SHARE, PROFESSIONAL_TRAITS, RETAIL_TRAITS } from './traits.ts';

/**
 * The population's drawn columns as the loop before issue 16's passes drew them, trader by trader, each normal
 * by nextNormal as it came (the personas, placed afterwards, left out: indices from 3).
 */
function drawnOneByOne(settings: PopulationSettings, seed: number, runMinutes: number) {
  const rng = seedPrng((seed ^ 0x5eed_0f7a) >>> 0);
  const later = seedPrng((seed ^ 0x0acc_0a9e) >>> 0);
  const logNormal = (median: number, sigma: number) => median * fdlibm.exp(sigma * nextNormal(rng));
  const rows: number[][] = [];
  for (let i = 0; i < settings.traders; i++) {
    const professional = nextFloat(rng) >= settings.retailShare;
    const t = professional ? PROFESSIONAL_TRAITS : RETAIL_TRAITS;
    const capital = Math.min(logNormal(t.capitalMedian, t.capitalSigma), t.capitalMedian * 50);
    const u = nextFloat(rng);
    const product = u < t.productShares.spot ? 0 : u < t.productShares.spot + t.productShares.margin ? 1 : 2;
    const asset = nextFloat(rng) < 0.65 ? 0 : 1;
    const margin = product === 1;
    const leverageWish = margin
      ? Math.max(1, logNormal(t.exposureMedian, t.exposureSigma))
      : Math.min(200, Math.max(1, logNormal(t.leverageMedian, t.leverageSigma)));
    const securities = margin ? capital * (0.5 + 1.5 * nextFloat(rng)) : 0;
    const direction = product === 2 && nextFloat(rng) >= t.longShare ? -1 : 1;
    const isolated = nextFloat(rng) < t.isolatedShare ? 1 : 0;
    const early = nextFloat(rng) < EARLY_ENTRY_SHARE;
    const entry = early ? nextFloat(rng) * 60 : nextFloat(rng) * runMinutes * 0.8;
    const entryMinute = Math.min(runMinutes, Math.floor(entry));
    const horizon = logNormal(t.horizonHoursMedian * 60, 0.8);
    const exitMinute = Math.min(runMinutes + 1, entryMinute + Math.max(30, Math.floor(horizon)));
    const stopLossRoe = nextFloat(rng) < t.stopLossShare ? t.stopLossRoe : 0;
    const reactionDraw = nextFloat(rng);
    const leakDraw = nextFloat(rng);
    const newAccount = nextFloat(later) < t.newAccountShare ? 1 : 0;
    rows.push([
      professional ? 1 : 0,
      capital,
      securities,
      capital + securities,
      newAccount,
      product,
      asset,
      leverageWish,
      direction,
      isolated,
      t.deployShare,
      entryMinute,
      exitMinute,
      t.takeProfitRoe,
      stopLossRoe,
      t.topUpProbability,
      reactionDraw,
      leakDraw,
    ]);
  }
  return rows;
}

const COLUMNS = [
  'professional',
  'capital',
  'securities',
  'portfolio',
  'newAccount',
  'product',
  'asset',
  'leverageWish',
  'direction',
  'isolated',
  'deployShare',
  'entryMinute',
  'exitMinute',
  'takeProfitRoe',
  'stopLossRoe',
  'topUpProbability',
  'reactionDraw',
  'leakDraw',
] as const satisfies readonly (keyof Population)[];

describe('the trader population', () => {
  it('is the same for the same seed and size, and different for another seed', () => {
    const a = drawPopulation(DEFAULT_POPULATION, 1, 2_880);
    const b = drawPopulation(DEFAULT_POPULATION, 1, 2_880);
    const c = drawPopulation(DEFAULT_POPULATION, 2, 2_880);
    expect(b.capital).toEqual(a.capital);
    expect(b.leverageWish).toEqual(a.leverageWish);
    expect(c.capital).not.toEqual(a.capital);
  });

  it('draws the same bits as trader by trader, over several chunks of its passes', () => {
    for (const [seed, traders, minutes] of [
      [1, 3_000, 2_880],
      [20251010, 2_500, 43_200],
    ] as const) {
      const settings = { ...DEFAULT_POPULATION, traders };
      const p = drawPopulation(settings, seed, minutes);
      const rows = drawnOneByOne(settings, seed, minutes);
      for (let i = 3; i < traders; i++)
        for (let c = 0; c < COLUMNS.length; c++)
          if (!Object.is(p[COLUMNS[c]!][i], rows[i]![c]))
            expect(`${COLUMNS[c]}[${i}] = ${p[COLUMNS[c]!][i]}`).toBe(`${COLUMNS[c]}[${i}] = ${rows[i]![c]}`);
    }
  });

  it('draws the configured retail share and finite, positive traits', () => {
    const p = drawPopulation({ ...DEFAULT_POPULATION, traders: 20_000, retailShare: 0.3 }, 5, 1_440);
    let professional = 0;
    for (let i = 0; i < p.count; i++) {
      professional += p.professional[i]!;
      expect(p.capital[i]).toBeGreaterThan(0);
      expect(Number.isFinite(p.leverageWish[i])).toBe(true);
      expect(p.leverageWish[i]).toBeGreaterThanOrEqual(1);
      expect(p.exitMinute[i]).toBeGreaterThan(p.entryMinute[i]!);
    }
    expect(professional / p.count).toBeCloseTo(0.7, 1);
  });

  it('always holds the three personas of the brief at fixed places', () => {
    const p = drawPopulation({ ...DEFAULT_POPULATION, traders: 3 }, 9, 600);
    expect([p.professional[PERSONAS.retailPerp20x], p.product[0], p.leverageWish[0]]).toEqual([0, 2, 20]);
    expect([p.professional[PERSONAS.professionalPerp5x], p.product[1], p.leverageWish[1]]).toEqual([1, 2, 5]);
    expect([p.product[PERSONAS.marginFinancedBtcHolder], p.asset[2], p.securities[2]]).toEqual([
      1, 0, 100_000,
    ]);
  });

  it('refuses settings outside what is allowed, naming them', () => {
    expect(() => validatePopulation({ ...DEFAULT_POPULATION, traders: 2 })).toThrow(
      'traders must be a whole number from 3 to 1000000 (got 2)',
    );
    expect(() => validatePopulation({ ...DEFAULT_POPULATION, leakage: 1.5 })).toThrow(
      'leakage must be between 0% and 100% (got 150%)',
    );
  });
});
