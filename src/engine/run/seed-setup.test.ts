/**
 * Kept seed draws (seed-setup.ts): a run over draws another run kept gives the same bits as over fresh ones,
 * no run writes into the draws it shares, rule sets on one seed share one draw, and memory stays bounded.
 */
import { describe, expect, it } from 'vitest';
import { intraMinuteExtremes, type IntraMinuteExtremes } from '../market/intra-minute.ts';
import { pathTables } from '../market/path-tables.ts';
import { forkPrng, seedPrng } from '../prng.ts';
import { MARKET_IDS, type MarketId } from '../perp/market.ts';
import { PRESET_IDS } from '../regimes/types.ts';
import { SCENARIO_IDS } from '../scenarios/catalogue.ts';
import type { IndexPath } from '../scenarios/types.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { runScenario } from './run.ts';
import { createRun } from './run-state.ts';
import {
  ALT_INTRA_MINUTE_SALT,
  forgetSeedDraws,
  indexSeries,
  INTRA_MINUTE_SALT,
  keptSeedDraws,
  KEPT_BYTES,
  seedDraws,
} from './seed-setup.ts';

const ALL_MARKETS = new Set<MarketId>(MARKET_IDS);

/** Every typed array in a value, copied, under its path (to compare a draw's bytes before and after). */
function arraysOf(value: object, at = ''): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [key, field] of Object.entries(value))
    if (ArrayBuffer.isView(field)) out[`${at}${key}`] = Array.from(field as Float64Array);
    else if (field && typeof field === 'object') Object.assign(out, arraysOf(field, `${at}${key}.`));
  return out;
}

function configOf(scenario: RunConfig['scenario'], regime: RunConfig['regime']): RunConfig {
  return {
    ...DEFAULT_RUN,
    scenario,
    regime,
    seed: 4242,
    // A third refused offshore: the leakage venue quotes ALT where the home venue does not.
    population: { ...DEFAULT_RUN.population, traders: 40, leakage: 0.3 },
    ...(scenario.startsWith('synthetic') ? { days: 0.5 } : {}),
  };
}

describe('kept seed draws', () => {
  it(
    'give every scenario × rule set the same result as fresh draws, and no run writes into them',
    { timeout: 120_000 },
    () => {
      // Every rule set on the classroom's scenario; every scenario under the two rule sets the page compares first.
      const cases = [
        ...PRESET_IDS.map((regime) => ['2025-10-tariff-crash', regime] as const),
        ...SCENARIO_IDS.filter((id) => id !== '2025-10-tariff-crash').flatMap((scenario) =>
          (['hk-sfc-2026', 'offshore-cex'] as const).map((regime) => [scenario, regime] as const),
        ),
      ];
      for (const scenario of new Set(cases.map(([id]) => id))) {
        forgetSeedDraws();
        const first = configOf(scenario, PRESET_IDS[0]!);
        const before = arraysOf(seedDraws(first, ALL_MARKETS));
        for (const [, regime] of cases.filter(([id]) => id === scenario)) {
          const config = configOf(scenario, regime);
          const kept = runScenario(config); // over the draws the earlier rule sets kept
          expect(keptSeedDraws().seeds).toBe(1);
          const after = arraysOf(seedDraws(first, ALL_MARKETS));
          forgetSeedDraws();
          const fresh = runScenario(config);
          expect(kept.summary, `${scenario} ${regime}`).toEqual(fresh.summary);
          expect(kept.frames, `${scenario} ${regime}`).toEqual(fresh.frames);
          expect(kept.events, `${scenario} ${regime}`).toEqual(fresh.events);
          expect(after, `${scenario} ${regime}: a run wrote into kept draws`).toEqual(before);
          // Keep the fresh draws for the next rule set, as a comparison's second run would find them.
        }
      }
    },
  );

  it('share one draw between rule sets on one seed, and draw again for another seed or population', () => {
    forgetSeedDraws();
    const a = createRun(configOf('2025-10-tariff-crash', 'hk-sfc-2026'));
    const b = createRun(configOf('2025-10-tariff-crash', 'offshore-cex'));
    expect(b.path).toBe(a.path);
    expect(b.population).toBe(a.population);
    expect(b.intraMinute.BTC).toBe(a.intraMinute.BTC);
    const otherSeed = createRun({ ...configOf('2025-10-tariff-crash', 'offshore-cex'), seed: 4243 });
    expect(otherSeed.path).not.toBe(a.path);
    const base = configOf('2025-10-tariff-crash', 'offshore-cex');
    const otherPopulation = createRun({ ...base, population: { ...base.population, traders: 41 } });
    expect(otherPopulation.population).not.toBe(a.population);
    expect(otherPopulation.path).not.toBe(a.path);
  });

  it('draw each market’s extremes once per seed, the same bits as drawing the quoted markets together', () => {
    const config = configOf('2025-10-tariff-crash', 'hk-sfc-2026');
    const sets: MarketId[][] = [['BTC', 'ETH'], ['ETH'], ['BTC', 'ETH', 'ALT'], ['ETH', 'ALT'], ['ALT']];
    // As drawn before markets were kept one by one: BTC then ETH from one stream, ALT from its own.
    const { path } = seedDraws(config, new Set()).draws;
    const fresh = sets.map((set) => {
      const stream = forkPrng(seedPrng(config.seed), INTRA_MINUTE_SALT);
      const altStream = forkPrng(seedPrng(config.seed), ALT_INTRA_MINUTE_SALT);
      const drawn: Partial<Record<MarketId, IntraMinuteExtremes>> = {};
      for (const id of MARKET_IDS)
        if (set.includes(id))
          drawn[id] = intraMinuteExtremes(indexSeries(path, id), id === 'ALT' ? altStream : stream);
      return arraysOf(drawn);
    });
    // One after the other on one seed, each finding what the ones before drew.
    forgetSeedDraws();
    const after = sets.map((set) => seedDraws(config, new Set(set)).intraMinute);
    sets.forEach((set, k) => expect(arraysOf(after[k]!), set.join()).toEqual(fresh[k]));
    expect(after[2]!.BTC).toBe(after[0]!.BTC);
    expect(after[2]!.ETH).toBe(after[0]!.ETH);
    expect(after[3]!.ETH).toBe(after[1]!.ETH);
    expect(after[4]!.ALT).toBe(after[2]!.ALT);
    expect(after[1]!.ETH).not.toBe(after[0]!.ETH); // ETH's draws go on from BTC's when BTC is quoted
    forgetSeedDraws();
  });

  it('keep at most KEPT_BYTES, dropping the least recently used seed first', () => {
    forgetSeedDraws();
    const config = configOf('2025-10-tariff-crash', 'hk-sfc-2026');
    const favourite = createRun(config).path; // used again every ten seeds
    const paths = new Map<number, IndexPath>();
    for (let seed = config.seed + 1; ; seed++) {
      const before = keptSeedDraws().seeds;
      paths.set(seed, createRun({ ...config, seed }).path);
      expect(keptSeedDraws().bytes).toBeLessThanOrEqual(KEPT_BYTES);
      if (seed % 10 === 0) expect(createRun(config).path).toBe(favourite);
      if (keptSeedDraws().seeds <= before) break; // a seed was dropped to make room
    }
    expect(paths.size).toBeGreaterThan(50); // a classroom seed's draws are far below KEPT_BYTES / 50
    // The oldest seed not used again was dropped (drawn afresh now); the favourite is still kept.
    expect(createRun({ ...config, seed: config.seed + 1 }).path).not.toBe(paths.get(config.seed + 1));
    expect(createRun(config).path).toBe(favourite);
    forgetSeedDraws();
  });

  it("are forgotten with the path tables kept from them (the bench times each run's own)", () => {
    forgetSeedDraws();
    const run = createRun(configOf('2025-10-tariff-crash', 'offshore-cex'));
    const tables = pathTables(run.path.btc, 5)!;
    expect(pathTables(run.path.btc, 5)!.shares).toBe(tables.shares);
    expect(createRun(configOf('2025-10-tariff-crash', 'offshore-cex')).path).toBe(run.path);
    forgetSeedDraws();
    expect(keptSeedDraws()).toEqual({ seeds: 0, bytes: 0 });
    expect(pathTables(run.path.btc, 5)!.shares === tables.shares).toBe(false);
    expect(createRun(configOf('2025-10-tariff-crash', 'offshore-cex')).path === run.path).toBe(false);
  });

  it(
    'never keep one draw larger than a quarter of KEPT_BYTES (a large population)',
    { timeout: 20_000 },
    () => {
      forgetSeedDraws();
      const config = configOf('synthetic-calm', 'hk-sfc-2026');
      const large = { ...config, population: { ...config.population, traders: 90_000 } };
      const first = seedDraws(large, ALL_MARKETS).draws;
      expect(keptSeedDraws()).toEqual({ seeds: 0, bytes: 0 });
      // Identity by ===: `not.toBe` deep-compares two equal 90,000-trader populations for its hint (10 s).
      expect(seedDraws(large, ALL_MARKETS).draws.population === first.population).toBe(false);
    },
  );
});
