/**
 * What defines a run: `(scenario, population, regime, seed)` plus the market-maker switch (model.md, "One run").
 * Validation names the field, the value given and what is allowed.
 */
import { customRegime, isPresetId, regime as presetRegime } from '../regimes/catalogue.ts';
import type { PresetId, Regime } from '../regimes/types.ts';
import type { RegimeOverrides } from '../regimes/guardrail-keys.ts';
import { isScenarioId, scenarioInfo } from '../scenarios/catalogue.ts';
import type { ScenarioId } from '../scenarios/types.ts';
import { DEFAULT_POPULATION, validatePopulation, type PopulationSettings } from '../population/settings.ts';

export interface RunConfig {
  scenario: ScenarioId;
  /** Synthetic scenarios only: length in days. */
  days?: number;
  regime: PresetId;
  /** Changes to the preset (a `custom` regime derived from it). */
  overrides?: RegimeOverrides;
  seed: number;
  population: PopulationSettings;
  /** An affiliated market maker quotes on the venue (where the regime allows one). */
  affiliatedMarketMaker: boolean;
  /** Check conservation and open interest every this many steps (and at the end); 0 = only at the end. */
  invariantEvery?: number;
  /** One chart frame every this many minutes; default: about 1,500 frames per run. */
  frameEveryMinutes?: number;
  /** Traders to trace frame by frame besides the three personas (trader ids, from 0). */
  follow?: readonly number[];
  /**
   * 'fast' (default): thresholds in ordered structures, a step touches only what crossed. 'reference': the
   * plain per-trader-per-step loops, kept as the oracle; both give the same event stream and checksum.
   */
  engine?: 'fast' | 'reference';
}

/** The embedded default of the app: the 10–11 Oct 2025 crash, a classroom-size population. */
export const DEFAULT_RUN: RunConfig = {
  scenario: '2025-10-tariff-crash',
  regime: 'hk-sfc-2026',
  seed: 20251010,
  population: DEFAULT_POPULATION,
  affiliatedMarketMaker: false,
};

export function validateRunConfig(config: RunConfig): void {
  if (!isScenarioId(config.scenario)) throw new RangeError(`unknown scenario "${String(config.scenario)}"`);
  if (!isPresetId(config.regime)) throw new RangeError(`unknown regime "${String(config.regime)}"`);
  if (!Number.isSafeInteger(config.seed) || config.seed < 0)
    throw new RangeError(`seed must be a whole number ≥ 0 (got ${config.seed})`);
  validatePopulation(config.population);
  const info = scenarioInfo(config.scenario);
  if (config.days !== undefined) {
    if (info.kind === 'historical')
      throw new RangeError(
        `days can only be set for a synthetic scenario (${config.scenario} has a fixed length)`,
      );
    if (!(config.days >= info.minDays && config.days <= info.maxDays))
      throw new RangeError(`days must be between ${info.minDays} and ${info.maxDays} (got ${config.days})`);
  }
  if (
    config.invariantEvery !== undefined &&
    !(Number.isInteger(config.invariantEvery) && config.invariantEvery >= 0)
  )
    throw new RangeError(
      `invariant check interval must be a whole number ≥ 0 (got ${config.invariantEvery})`,
    );
  if (
    config.frameEveryMinutes !== undefined &&
    !(Number.isInteger(config.frameEveryMinutes) && config.frameEveryMinutes >= 1)
  )
    throw new RangeError(
      `frame interval must be a whole number of minutes ≥ 1 (got ${config.frameEveryMinutes})`,
    );
}

/** The regime a config asks for: the preset, or a custom regime derived from it. */
export function resolveRegime(config: Pick<RunConfig, 'regime' | 'overrides'>): Regime {
  const base = presetRegime(config.regime);
  return config.overrides && Object.keys(config.overrides).length > 0
    ? customRegime(base, config.overrides)
    : base;
}
