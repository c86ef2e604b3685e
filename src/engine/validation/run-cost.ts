/**
 * What a run will cost before it starts (issue 19): the engine's time grows with the minutes simulated, with the
 * chart frames taken, with the traders (each costs most when it enters and leaves) and, a little, with traders ×
 * minutes held, so every surface (the app, the embed view, the figure, the sweeps, the CLI) estimates a run from
 * those counts and the engine speed measured below, and asks first, or refuses, above a threshold.
 *
 * Measured 2026-12-06 on the bundled engine in plain node (as the browser's worker runs it), each run once cold
 * and then warm in the same process, the offshore rule set, seed 2026, on the project's 2-core machine while
 * other jobs loaded it (load average 4–8, so every figure is inflated, which the estimate wants: it must err
 * long). Cold / warm, milliseconds:
 *   classroom (2025-10-tariff-crash, 200 traders, 1 day), the page's full run:    723 / 82
 *   the same, summary only (no frames: a sweep's or the ranges' unit):           173 / 32
 *   1,000 traders × 7 days (synthetic volatile):                                 639 / 159
 *   1,000 traders × 30 days:                                                   1,485 / 549
 *   10,000 traders × 7 days:                                                   1,758 / 349
 *   100,000 traders × 1 day:                                                   3,763 / 2,242
 *   100,000 traders × 30 days:                                                 6,432 / 3,590
 * Fitted: about 22 µs a simulated minute (the classroom crash summary only; 13–16 µs in the long synthetic
 * runs), about 35 µs a chart frame (the classroom's full run less its summary-only run, 1,440 frames; a run
 * takes at most FRAMES_PER_RUN frames), about 20 µs a trader, about 2.5e-10 s a trader-minute. The constants
 * below are these rounded up, so the estimate errs long: 1.3–2.2× the warm runs above (run-cost.test.ts holds
 * each within 3×), and above most cold ones (a fresh process or worker compiles the engine first: add
 * COLD_START_SECONDS once). The earlier model (one term per trader-minute) read the 100,000 × 30-day run as 27×
 * its cost and kept a 20 × 30 classroom sweep from a link waiting for a click.
 */
import { scenarioInfo } from '../scenarios/catalogue.ts';
import type { ScenarioId } from '../scenarios/types.ts';

export const ENGINE_SPEED = {
  measured: '2026-12-06',
  /** Fixed cost of one simulated minute, whatever the population (market, venues, funding). */
  secondsPerMinute: 2.5e-5,
  /** Cost of one chart frame (the frame row, the followed traders' rows, the ADL standings). */
  secondsPerFrame: 4e-5,
  /** Cost of one trader: drawn, entering, leaving. */
  secondsPerTrader: 3e-5,
  /** Cost of one trader for one simulated minute held. */
  secondsPerTraderMinute: 5e-10,
} as const;

/** A full run takes a chart frame every ⌈minutes ÷ this⌉ minutes (run-state.ts), so at most this many. */
export const FRAMES_PER_RUN = 1500;

/** A fresh process or worker compiles the engine during its first run (the cold column above, less warm). */
export const COLD_START_SECONDS = 0.7;

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

/**
 * The estimated cost of running `configs` one after the other, warm; `summaryOnly` for runs wanted for their
 * summary alone (workers/run-settings.ts `asSummaryRun`), which draw no chart frames but the first and last.
 */
export function estimateRunCost(
  configs: readonly CostedRun[],
  options: { summaryOnly?: boolean } = {},
): RunCost {
  let minutes = 0;
  let frames = 0;
  let traders = 0;
  let traderMinutes = 0;
  for (const config of configs) {
    const m = runMinutes(config);
    minutes += m;
    frames += options.summaryOnly ? 0 : Math.min(m, FRAMES_PER_RUN);
    traders += config.population.traders;
    traderMinutes += m * config.population.traders;
  }
  const seconds =
    minutes * ENGINE_SPEED.secondsPerMinute +
    frames * ENGINE_SPEED.secondsPerFrame +
    traders * ENGINE_SPEED.secondsPerTrader +
    traderMinutes * ENGINE_SPEED.secondsPerTraderMinute;
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
