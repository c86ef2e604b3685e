/**
 * What a run draws from its seed before its first minute, whatever its rules: the index path, the population,
 * the securities and venue-collateral paths, each market's intra-minute extremes and who wants the ALT
 * perpetual. Rule sets compared on one seed draw all of it alike (common random numbers), and so do the values
 * of a sweep: a summary-only classroom run spent about a fifth of its time drawing it again (issue 16; measured
 * 2026-12-06, bundled, warm: 0.87 ms of a 4.2 ms HK run and of a 6.0 ms offshore run).
 *
 * So the last few seeds' draws are kept here and shared by the runs that ask for the same ones. A kept draw is
 * only ever read: nothing in a run writes into its path, population or extremes (seed-setup.test.ts runs every
 * scenario × rule set twice over one kept draw and checks the draw's bytes and the second run's figures). A
 * run's results are the same bits whether its draws were kept or fresh; the kept ones only save the time.
 * Memory is bounded by KEPT_BYTES; a draw larger than a quarter of it (a large population over many days) is
 * never kept.
 */
import { DrawMemo } from '../fast/draw-memo.ts';
import { intraMinuteExtremes, type IntraMinuteExtremes } from '../market/intra-minute.ts';
import { forgetPathTables } from '../market/path-tables.ts';
import { securitiesPath } from '../market/securities-path.ts';
import { MARKET_IDS, type MarketId } from '../perp/market.ts';
import { drawPopulation, type Population } from '../population/population.ts';
import { forkPrng, seedPrng, type PrngState } from '../prng.ts';
import { generateIndexPath, scenarioInfo } from '../scenarios/catalogue.ts';
import type { IndexPath } from '../scenarios/types.ts';
import { venueCollateralPath } from '../scenarios/venue-collateral.ts';
import { drawAltTraders } from './alt-traders.ts';
import type { RunConfig } from './config.ts';

/**
 * Salt of the intra-minute stream, forked from the run seed (its draws leave every other stream as it was).
 * Exported, with ALT's, for seed-setup.test.ts's draws as they were made before markets were kept one by one.
 */
export const INTRA_MINUTE_SALT = 0x1e7a_3b11;
/** ALT's intra-minute draws have a stream of their own, so BTC's and ETH's keep the draws they had before ALT. */
export const ALT_INTRA_MINUTE_SALT = 0x1e7a_0a17;

/** At most this many bytes of draws are kept (a classroom seed's are about 0.2 MB). */
export const KEPT_BYTES = 32 * 1024 * 1024;

export interface SeedDraws {
  path: IndexPath;
  population: Population;
  securities: Float64Array;
  venueCollateral: Float64Array;
  wantsAlt: Uint8Array;
}

interface Kept {
  draws: SeedDraws;
  /**
   * Each market's intra-minute extremes, by `streamKey`: BTC and ETH share one stream, BTC drawing first, so
   * ETH's differ with BTC quoted or not; ALT has a stream of its own. Kept per market, so that a run quoting
   * one market more than the run before (offshore's ALT after HK) draws that market alone (issue 16).
   */
  extremes: Map<string, IntraMinuteExtremes>;
  /** The BTC and ETH stream where BTC's draws left it (ETH's draws go on from there). */
  afterBtc: PrngState | null;
  bytes: number;
}

/** Kept draws, least recently used dropped first (fast/draw-memo.ts). */
const kept = new DrawMemo<Kept>(KEPT_BYTES);

function keyOf(config: RunConfig): string {
  return `${config.scenario}|${config.seed}|${config.days ?? ''}|${JSON.stringify(config.population)}`;
}

function drawFresh(config: RunConfig): SeedDraws {
  const path = generateIndexPath(config.scenario, {
    seed: config.seed,
    ...(config.days === undefined ? {} : { days: config.days }),
  });
  const population = drawPopulation(config.population, config.seed, path.minutes);
  const info = scenarioInfo(config.scenario);
  return {
    path,
    population,
    securities: securitiesPath(config.seed, path.minutes),
    venueCollateral: venueCollateralPath(path.eth, path.alt, info.startUtc, info.collateralDepeg),
    wantsAlt: drawAltTraders(population, config.seed),
  };
}

/** A market's extremes under `quoted`: ETH's are another draw when BTC is not quoted (see Kept.extremes). */
function streamKey(id: MarketId, quoted: ReadonlySet<MarketId>): string {
  return id === 'ETH' && quoted.has('BTC') ? 'ETH after BTC' : id;
}

/**
 * The quoted markets' extremes, kept ones where the entry has them, the others drawn and kept: the same bits as
 * drawing all of them in MARKET_IDS' order (seed-setup.test.ts).
 */
function extremesFor(
  entry: Kept,
  seed: number,
  quoted: ReadonlySet<MarketId>,
): Partial<Record<MarketId, IntraMinuteExtremes>> {
  const { path } = entry.draws;
  const extremes: Partial<Record<MarketId, IntraMinuteExtremes>> = {};
  for (const id of MARKET_IDS) {
    if (!quoted.has(id)) continue;
    const key = streamKey(id, quoted);
    let drawn = entry.extremes.get(key);
    if (!drawn) {
      let prng: PrngState;
      if (id === 'ALT') prng = forkPrng(seedPrng(seed), ALT_INTRA_MINUTE_SALT);
      else if (key === 'ETH after BTC') {
        // BTC is drawn first in this loop, so its stream's state after it is there.
        const after = entry.afterBtc!;
        prng = [after[0], after[1], after[2], after[3]];
      } else prng = forkPrng(seedPrng(seed), INTRA_MINUTE_SALT);
      drawn = intraMinuteExtremes(indexSeries(path, id), prng, id === 'BTC' ? path.logBtc : undefined);
      if (id === 'BTC') entry.afterBtc = prng;
      entry.extremes.set(key, drawn);
      entry.bytes += bytesOf(drawn);
    }
    extremes[id] = drawn;
  }
  return extremes;
}

/** Each market's series name in the path, worked out once (a step asks four times a venue). */
const SERIES_NAME = Object.fromEntries(MARKET_IDS.map((id) => [id, id.toLowerCase()])) as Record<
  MarketId,
  Lowercase<MarketId>
>;

/** A market's index series in the path (the path names its series after the market, in lower case). */
export function indexSeries(path: IndexPath, id: MarketId): Float64Array {
  return path[SERIES_NAME[id]];
}

function bytesOf(value: object): number {
  let bytes = 0;
  for (const field of Object.values(value))
    if (ArrayBuffer.isView(field)) bytes += field.byteLength;
    else if (field && typeof field === 'object') bytes += bytesOf(field);
  return bytes;
}

/**
 * The run's seed draws and the intra-minute extremes of the markets it quotes: kept ones when a run with the
 * same scenario, seed, length and population drew them lately, fresh ones otherwise.
 */
export function seedDraws(
  config: RunConfig,
  quoted: ReadonlySet<MarketId>,
): { draws: SeedDraws; intraMinute: Partial<Record<MarketId, IntraMinuteExtremes>> } {
  const key = keyOf(config);
  let entry = kept.get(key);
  if (!entry) {
    const draws = drawFresh(config);
    entry = { draws, extremes: new Map(), afterBtc: null, bytes: bytesOf(draws) };
  }
  const intraMinute = extremesFor(entry, config.seed, quoted);
  // Kept (again, with its bytes now) unless larger than a quarter of the budget: a large population over many
  // days draws once, as before.
  if (entry.bytes <= KEPT_BYTES / 4) kept.set(key, entry, entry.bytes);
  else kept.delete(key);
  return { draws: entry.draws, intraMinute };
}

/**
 * Forgets every kept draw, and the path tables kept with them (market/path-tables.ts): tests compare kept
 * draws with fresh ones, and the bench times each run's own.
 */
export function forgetSeedDraws(): void {
  kept.clear();
  forgetPathTables();
}

/** How many seeds' draws are kept, and their bytes (tests). */
export function keptSeedDraws(): { seeds: number; bytes: number } {
  return { seeds: kept.size, bytes: kept.bytes };
}
