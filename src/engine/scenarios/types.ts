import type { CollateralDepeg } from './venue-collateral.ts';

/**
 * Market scenarios: the exogenous BTC and ETH index price paths (USD) a run replays (model.md, "Prices").
 */

export type ScenarioId =
  | '2020-03-black-thursday'
  | '2021-05-crash'
  | '2022-05-luna'
  | '2022-11-ftx'
  | '2025-10-tariff-crash'
  | 'synthetic-calm'
  | 'synthetic-volatile'
  | 'synthetic-flash-crash'
  | 'synthetic-short-squeeze';

export interface ScenarioSource {
  name: string;
  url?: string;
  note?: string;
}

/**
 * A scenario in words, for people: the picker's title, description and sources (stories.ts). A run reads none of
 * it, so it lives apart from ScenarioInfo and out of the engine's worker (issue 8's 60 KB budget).
 */
export interface ScenarioStory {
  title: string;
  /** Two or three plain sentences: what happened, or what the scenario shows. */
  description: string;
  sources: ScenarioSource[];
}

/** What a run needs of a scenario: its kind, its length rules, its dates and its venue events. */
export interface ScenarioInfo {
  id: ScenarioId;
  /** Historical: a stylised path through sourced anchors. Synthetic: a seeded generator. */
  kind: 'historical' | 'synthetic';
  defaultDays: number;
  /** A synthetic length is the caller's choice within [minDays, maxDays]; a historical one is fixed. */
  minDays: number;
  maxDays: number;
  /** ISO timestamp (UTC) of minute 0 for a historical episode; null for a synthetic one. */
  startUtc: string | null;
  /**
   * When the episode's venue that re-uses client assets fails (FTX: 11 Nov 2022): the run's broker fails at
   * that minute (broker/broker-failure.ts). Absent: no failure.
   */
  venueFailureUtc?: string;
  /**
   * Where the episode's offshore venue priced tokens posted as collateral (USDe, wBETH, BNSOL) on its own book, below
   * their reference (10 Oct 2025): venue-collateral.ts. Absent: they trade at reference.
   */
  collateralDepeg?: CollateralDepeg;
}

/**
 * Index prices at one-minute steps; element 0 is the opening price, so each array has `minutes + 1` values.
 */
export interface IndexPath {
  stepMinutes: 1;
  /** Number of steps. */
  minutes: number;
  btc: Float64Array;
  eth: Float64Array;
  /** The altcoin index (alt-path.ts): a high-beta coin the offshore venues list and HK does not. */
  alt: Float64Array;
  /**
   * ln of each `btc` price, where the path's maker took them anyway (a historical path: ALT's line), so that
   * BTC's intra-minute extremes need not take them again (the same bits: issue 16).
   */
  logBtc?: Float64Array;
}
