/**
 * What defines a run: `(scenario, population, regime, seed)` plus the market-maker switch (model.md, "One run").
 * Validation names the field, the value given and what is allowed.
 */
import { customRules, presetRules } from '../regimes/rules-catalogue.ts';
import { PRESET_IDS, type PresetId, type RegimeRules } from '../regimes/types.ts';
import type { RegimeOverrides } from '../regimes/guardrail-keys.ts';
import { SCENARIO_IDS, scenarioInfo } from '../scenarios/catalogue.ts';
import { MAX_FRAMES } from './frames.ts';
import type { ScenarioId } from '../scenarios/types.ts';
import { DEFAULT_POPULATION, validatePopulation, type PopulationSettings } from '../population/settings.ts';
import {
  between,
  check,
  described,
  flag,
  isPlainRecord,
  listOf,
  oneOf,
  Refusal,
  wholeNumber,
} from '../validation/index.ts';

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
  /**
   * Check conservation and open interest every this many steps, and at the end; 0 (default) = at the end only.
   * Tests that must catch a break at the step it happens pass 1.
   */
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
  /**
   * Which events the run keeps in `events`: 'all' (default: tests, the CLI, the differential oracle) or
   * 'notable' (the app's worker): no routine events and at most NOTABLE_EVENT_LIMIT, so a long run's memory
   * stays flat. Every event is counted and in the checksum either way.
   */
  eventLog?: 'all' | 'notable';
  /**
   * The run is wanted for its summary alone (the CLI, the page's sweeps and ranges over seeds): no chart
   * frames, trace rows, ADL queue heads or equity by class are made, and the venues and the broker keep no
   * lists of touched accounts for them. The summary is the full run's, figure for figure (summary-only.test.ts).
   */
  summaryOnly?: boolean;
}

/** The embedded default of the app: the 10–11 Oct 2025 crash, a classroom-size population. */
export const DEFAULT_RUN: RunConfig = {
  scenario: '2025-10-tariff-crash',
  regime: 'hk-sfc-2026',
  seed: 20251010,
  population: DEFAULT_POPULATION,
  affiliatedMarketMaker: false,
};

/** Traders a run traces besides the personas: each is traced frame by frame, so a run keeps the count small. */
export const MAX_FOLLOWED = 1_000;
export const ENGINES: readonly NonNullable<RunConfig['engine']>[] = ['fast', 'reference'];

const CONFIG = described('a run configuration (an object)', isPlainRecord);
const SCENARIO = oneOf(SCENARIO_IDS);
const REGIME = oneOf(PRESET_IDS);
const SEED = wholeNumber(0);
const INVARIANT_EVERY = wholeNumber(0);
const FOLLOW = listOf(wholeNumber(0), { maxLength: MAX_FOLLOWED });
const ENGINE = oneOf(ENGINES);
const EVENT_LOG = oneOf(['all', 'notable']);
const OVERRIDES = described('an object of regime parameters and their values', isPlainRecord);

/**
 * Checks a whole config as it may arrive from outside (a link, a lesson, a worker message): every field,
 * overrides included (the custom regime is built and validated), so a config that passes can run.
 */
export function validateRunConfig(config: RunConfig): void {
  check('run configuration', config, CONFIG);
  check('scenario', config.scenario, SCENARIO);
  check('regime', config.regime, REGIME);
  check('seed', config.seed, SEED);
  validatePopulation(config.population);
  check('affiliated market maker', config.affiliatedMarketMaker, flag);
  const info = scenarioInfo(config.scenario);
  if (config.days !== undefined) {
    if (info.kind === 'historical')
      throw new Refusal('days', config.days, {
        kind: 'words',
        text: `left out for ${config.scenario}, a historical scenario with a fixed length`,
      });
    check('days', config.days, between(info.minDays, info.maxDays));
  }
  if (config.invariantEvery !== undefined)
    check('invariant check interval', config.invariantEvery, INVARIANT_EVERY);
  if (config.eventLog !== undefined) check('event log', config.eventLog, EVENT_LOG);
  if (config.frameEveryMinutes !== undefined) {
    // At most MAX_FRAMES frames a run: the interval must be at least the run's minutes ÷ MAX_FRAMES.
    const minutes = (config.days ?? info.defaultDays) * 1440;
    const fewest = Math.max(1, Math.ceil(minutes / MAX_FRAMES));
    check('frame interval in minutes', config.frameEveryMinutes, wholeNumber(fewest));
  }
  if (config.follow !== undefined) check('followed traders', config.follow, FOLLOW);
  if (config.engine !== undefined) check('engine', config.engine, ENGINE);
  if (config.summaryOnly !== undefined) check('summary only', config.summaryOnly, flag);
  if (config.overrides !== undefined) {
    check('regime overrides', config.overrides, OVERRIDES);
    resolveRegime(config);
  }
}

/**
 * The rules of the regime a config asks for: the preset's, or a custom regime's derived from it (without
 * provenance: a run needs none, and the worker loads none).
 */
export function resolveRegime(config: Pick<RunConfig, 'regime' | 'overrides'>): RegimeRules {
  const base = presetRules(config.regime);
  return config.overrides && Object.keys(config.overrides).length > 0
    ? customRules(base, config.overrides)
    : base;
}
