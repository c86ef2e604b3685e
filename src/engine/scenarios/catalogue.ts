/**
 * The scenarios a run can replay, and the one entry point that turns (scenario, seed, length) into an index
 * price path.
 */
import { forkPrng, seedPrng } from '../prng.ts';
import type { HistoricalEpisode } from './anchors.ts';
import { bridgePath } from './bridge-path.ts';
import { BLACK_THURSDAY } from './episodes/2020-03-black-thursday.ts';
import { MAY_2021 } from './episodes/2021-05-crash.ts';
import { LUNA } from './episodes/2022-05-luna.ts';
import { FTX } from './episodes/2022-11-ftx.ts';
import { OCT_2025 } from './episodes/2025-10-tariff-crash.ts';
import { SYNTHETIC_DAYS, SYNTHETIC_INFOS } from './synthetic-info.ts';
import { isSyntheticId, syntheticPath } from './synthetic.ts';
import type { IndexPath, ScenarioId, ScenarioInfo } from './types.ts';
import { Refusal, between, check, oneOf } from '../validation/index.ts';

export const HISTORICAL_EPISODES: readonly HistoricalEpisode[] = [
  BLACK_THURSDAY,
  MAY_2021,
  LUNA,
  FTX,
  OCT_2025,
];

export const SCENARIOS: readonly ScenarioInfo[] = [
  ...HISTORICAL_EPISODES.map((e) => e.info),
  ...SYNTHETIC_INFOS,
];

export const SCENARIO_IDS: readonly ScenarioId[] = SCENARIOS.map((s) => s.id);

/**
 * The scenario stream is forked from the run seed with its own salt, so a run that also seeds its population
 * from the same number does not reuse the price shocks as trader draws.
 */
const SCENARIO_STREAM_SALT = 0x5ce7a210;

export function isScenarioId(value: unknown): value is ScenarioId {
  return typeof value === 'string' && (SCENARIO_IDS as readonly string[]).includes(value);
}

function unknownId(id: unknown): Refusal {
  return new Refusal('scenario id', id, oneOf(SCENARIO_IDS).allowed);
}

export function scenarioInfo(id: ScenarioId): ScenarioInfo {
  const info = SCENARIOS.find((s) => s.id === id);
  if (info === undefined) throw unknownId(id);
  return info;
}

export interface PathOptions {
  /** Any safe integer. */
  seed: number;
  /** Synthetic scenarios only: 0.25–730 days (default per scenario). Historical lengths are fixed. */
  days?: number;
}

const DAYS = between(SYNTHETIC_DAYS.min, SYNTHETIC_DAYS.max);

/** Steps for a synthetic length: days × 1440, rounded to a whole minute. */
export function syntheticMinutes(days: number): number {
  check('days', days, DAYS);
  return Math.round(days * 1440);
}

/** Deterministic: the same id, seed and days give identical arrays. */
export function generateIndexPath(id: ScenarioId, { seed, days }: PathOptions): IndexPath {
  if (!isScenarioId(id)) throw unknownId(id);
  const prng = forkPrng(seedPrng(seed), SCENARIO_STREAM_SALT);
  if (isSyntheticId(id))
    return syntheticPath(id, prng, syntheticMinutes(days ?? scenarioInfo(id).defaultDays));
  const episode = HISTORICAL_EPISODES.find((e) => e.info.id === id);
  if (episode === undefined) throw unknownId(id);
  if (days !== undefined)
    throw new Refusal(`days for ${id}`, days, {
      kind: 'words',
      text: `left out: a historical scenario has a fixed length of ${episode.info.defaultDays} days`,
    });
  return bridgePath(episode.anchors, prng);
}
