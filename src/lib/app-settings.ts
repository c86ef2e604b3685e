/**
 * Everything that defines the two runs, as plain data: what a lesson step or a link sets. Kept apart from
 * AppState (a rune class) so lesson files can be checked in Node without Svelte.
 */
import type { RuleSetChoice } from './app-state.svelte.ts';
import { DEFAULT_RUN } from '../engine/run/config.ts';
import type { PopulationSettings } from '../engine/population/settings.ts';
import type { ScenarioId } from '../engine/scenarios/types.ts';

export interface AppSettings {
  scenario: ScenarioId;
  /** Synthetic scenarios only; undefined: the scenario's default length. */
  days: number | undefined;
  ruleSets: [RuleSetChoice, RuleSetChoice];
  population: PopulationSettings;
  seed: number;
  affiliatedMarketMaker: boolean;
}

/** The settings a new page starts with: the embedded default run, HK SFC 2026 (A) beside an offshore exchange (B). */
export function defaultSettings(): AppSettings {
  return {
    scenario: DEFAULT_RUN.scenario,
    days: undefined,
    ruleSets: [
      { preset: 'hk-sfc-2026', overrides: {} },
      { preset: 'offshore-cex', overrides: {} },
    ],
    population: { ...DEFAULT_RUN.population },
    seed: DEFAULT_RUN.seed,
    affiliatedMarketMaker: DEFAULT_RUN.affiliatedMarketMaker,
  };
}
