/**
 * What a run will cost before it starts (issue 19): the engine's time grows with the minutes simulated and with
 * traders × minutes, so every surface (the app, the embed view, the figure, the CLI) estimates a run from those
 * two counts and the engine speed measured below, and asks first, or refuses, above a threshold.
 *
 * The speed is measured on the bundled (fast) engine as the CLI runs it, one whole process per run (start-up and
 * JIT warm-up included): `npm run --silent cli -- run --scenario synthetic-volatile --regime offshore-cex
 * --seed 2026 --days D --traders T`, on the project's 2-core build machine (load average 2–3), 2026-12-06; the
 * larger of CPU time (user + system) and wall time over 2–3 processes:
 *   1,000 traders × 7 days:    0.88 s
 *   10,000 traders × 7 days:   1.25 s
 *   100,000 traders × 1 day:   3.14 s
 *   100,000 traders × 30 days: 3.69 s
 * The per-trader-minute cost is the largest seen (100,000 traders × 1 day, whose cost is mostly the traders'
 * entries) and the per-minute cost the 1,000-trader run less its trader part, solved together; both rounded up.
 * So the estimate errs long for every run measured: about 2× for 10,000 × 7 days, about 27× for
 * 100,000 × 30 days (a trader costs mostly when it enters and leaves, not per minute held). Below about 0.5 s
 * (a process's start-up) it is not meant to be exact. A browser's worker runs the same code at about the same
 * speed.
 */
import { scenarioInfo } from '../scenarios/catalogue.ts';
import type { ScenarioId } from '../scenarios/types.ts';

export const ENGINE_SPEED = {
  measured: '2026-12-06',
  /** Fixed cost of one simulated minute (market, funding, frames), whatever the population. */
  secondsPerMinute: 6.7e-5,
  /** Cost of one trader for one simulated minute. */
  secondsPerTraderMinute: 2.2e-8,
} as const;

/** A comparison estimated to take longer than this is not started without the user's say-so. */
export const COSTLY_RUN_SECONDS = 20;

/** The part of a run config the cost depends on. */
export interface CostedRun {
  scenario: ScenarioId;
  days?: number;
  population: { traders: number };
}

export interface RunCost {
  /** Simulated minutes, summed over the runs. */
  minutes: number;
  /** Traders × simulated minutes, summed over the runs. */
  traderMinutes: number;
  /** Estimated wall time in seconds on the measured engine speed. */
  seconds: number;
}

export function runMinutes(config: Pick<CostedRun, 'scenario' | 'days'>): number {
  return (config.days ?? scenarioInfo(config.scenario).defaultDays) * 1440;
}

/** The estimated cost of running `configs` one after the other. */
export function estimateRunCost(configs: readonly CostedRun[]): RunCost {
  let minutes = 0;
  let traderMinutes = 0;
  for (const config of configs) {
    const m = runMinutes(config);
    minutes += m;
    traderMinutes += m * config.population.traders;
  }
  const seconds =
    minutes * ENGINE_SPEED.secondsPerMinute + traderMinutes * ENGINE_SPEED.secondsPerTraderMinute;
  return { minutes, traderMinutes, seconds };
}

/** True when the runs should not start without asking (or, where nobody can be asked, not at all). */
export function isCostly(configs: readonly CostedRun[], threshold = COSTLY_RUN_SECONDS): boolean {
  return estimateRunCost(configs).seconds > threshold;
}

/** A duration in English, rounded for a person: "about 40 seconds", "about 12 minutes", "about 3.5 hours". */
export function describeDuration(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} seconds`;
  const minutes = seconds / 60;
  if (minutes < 90) return `about ${Math.round(minutes)} minutes`;
  const hours = minutes / 60;
  return `about ${hours < 10 ? hours.toFixed(1) : Math.round(hours)} hours`;
}
