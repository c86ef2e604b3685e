/**
 * The state a link carries: everything needed to reproduce a comparison (scenario, length, rule sets A and B
 * with every changed guardrail, population, seed, market maker, followed traders) and to show it the same way
 * (playback frame and speed, language, view, lesson). `toCompact` writes the v1 JSON of doc/url-state.md.
 */
import { SPEEDS, type RuleSetChoice } from '../app-state.svelte.ts';
import { DEFAULT_RUN, type RunConfig } from '../../engine/run/config.ts';
import type { ScenarioId } from '../../engine/scenarios/types.ts';
import type { PopulationSettings } from '../../engine/population/settings.ts';
import type { Locale } from '../i18n/catalogues.ts';
import { toCompactSweep, type CompactSweep, type SweepChoice } from '../sweep-choice.ts';
import type { MarketId } from '../../engine/perp/market.ts';

export type View = 'app' | 'embed';
export const VIEWS: readonly View[] = ['app', 'embed'];

export interface SharedState {
  scenario: ScenarioId;
  /** Synthetic scenarios only; undefined = the scenario's default length. */
  days?: number;
  ruleSets: [RuleSetChoice, RuleSetChoice];
  population: PopulationSettings;
  seed: number;
  affiliatedMarketMaker: boolean;
  /** Traders traced besides the personas. */
  follow: number[];
  /** The trader the trader panels show: a persona (0–2) or one of `follow`. */
  followedTrader: number;
  /** Playback position: an index into the run's frames (the same config gives the same frames). */
  frame: number;
  /** Playback speed in minutes of market time per second, one of SPEEDS. */
  speed: number;
  lang: Locale;
  view: View;
  /** A lesson id (lessons are another part of the app; the link only carries the id). */
  lesson?: string;
  /** The policy frontier shown (issue 20): a display field, added within v1 (old links have none). */
  sweep?: SweepChoice;
  /**
   * The market the stage's chart shows (issue 21): a display field, added within v1; left out for BTC, the
   * default (old links have none and show BTC).
   */
  market?: Exclude<MarketId, 'BTC'>;
}

export const DEFAULT_SPEED = 60;

export function defaultSharedState(): SharedState {
  return {
    scenario: DEFAULT_RUN.scenario,
    ruleSets: [
      { preset: 'hk-sfc-2026', overrides: {} },
      { preset: 'offshore-cex', overrides: {} },
    ],
    population: { ...DEFAULT_RUN.population },
    seed: DEFAULT_RUN.seed,
    affiliatedMarketMaker: DEFAULT_RUN.affiliatedMarketMaker,
    follow: [],
    followedTrader: 0,
    frame: 0,
    speed: DEFAULT_SPEED,
    lang: 'en',
    view: 'app',
  };
}

/** The speeds a link may carry (SPEEDS of the app state). */
export const LINK_SPEEDS: readonly number[] = SPEEDS;

/** The v1 JSON object (keys of doc/url-state.md, "Fields"). */
export interface CompactV1 {
  sc: string;
  dy?: number;
  rs: { p: string; o?: Record<string, unknown> }[];
  po: { n: number; r: number; l: number; c: string };
  sd: number;
  mm: boolean;
  fo?: number[];
  ft?: number;
  fr?: number;
  sp?: number;
  lg: string;
  vw?: View;
  ls?: string;
  sw?: CompactSweep;
  mk?: MarketId;
}

/**
 * The v1 JSON of a state. Every field that changes the run is always written, so that a later change of the
 * app's defaults never changes what an old link runs; display fields are left out at their defaults.
 */
export function toCompact(state: SharedState): CompactV1 {
  const compact: CompactV1 = {
    sc: state.scenario,
    rs: state.ruleSets.map((r) =>
      Object.keys(r.overrides).length === 0 ? { p: r.preset } : { p: r.preset, o: { ...r.overrides } },
    ),
    po: {
      n: state.population.traders,
      r: state.population.retailShare,
      l: state.population.leakage,
      c: state.population.refusedChoice,
    },
    sd: state.seed,
    mm: state.affiliatedMarketMaker,
    lg: state.lang,
  };
  if (state.days !== undefined) compact.dy = state.days;
  if (state.follow.length > 0) compact.fo = [...state.follow];
  if (state.followedTrader !== 0) compact.ft = state.followedTrader;
  if (state.frame !== 0) compact.fr = state.frame;
  if (state.speed !== DEFAULT_SPEED) compact.sp = state.speed;
  if (state.view !== 'app') compact.vw = state.view;
  if (state.lesson !== undefined) compact.ls = state.lesson;
  if (state.sweep !== undefined) compact.sw = toCompactSweep(state.sweep);
  if (state.market !== undefined) compact.mk = state.market;
  return compact;
}

/** The run configs of A and B a state stands for (what AppState.configs() returns after applying it). */
export function runConfigsOf(state: SharedState): [RunConfig, RunConfig] {
  const config = (i: 0 | 1): RunConfig => ({
    scenario: state.scenario,
    seed: state.seed,
    population: { ...state.population },
    affiliatedMarketMaker: state.affiliatedMarketMaker,
    follow: [...state.follow],
    ...(state.days === undefined ? {} : { days: state.days }),
    regime: state.ruleSets[i].preset,
    overrides: { ...state.ruleSets[i].overrides },
  });
  return [config(0), config(1)];
}
