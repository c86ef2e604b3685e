/**
 * What a run will cost before it starts (issue 19): the engine's time grows with the minutes simulated, with the
 * chart frames taken, with the traders (each costs most when it enters and leaves) and, a little, with traders ×
 * minutes held, so every surface (the app, the embed view, the figure, the sweeps, the CLI) estimates a run from
 * those counts and the engine speed measured below, and asks first, or refuses, above a threshold.
 *
 * Measured 2026-12-07 (after issue 16's round 13) on the bundled engine in plain node (as the browser's worker
 * runs it), the offshore rule set, seed 2026, settings as the page's worker runs them, one process per run, on
 * the project's 2-core machine at load average 2.6–3. Wall-clock milliseconds, two processes each: cold (the
 * first run), warm (the median of the next three; 2026-12-06's figures, on the engine of then, in brackets):
 *   classroom (2025-10-tariff-crash, 200 traders, 1 day), the page's full run:   160–168 / 47–57   (147–226 / 57–80)
 *   the same, summary only (no frames: a sweep's or the ranges' unit):          108–116 / 38–44   (118–163 / 36–64)
 *     after 200 runs in one process, as a sweep reaches: 2.8 ms (5.6 ms the full run); a 20 × 30 sweep
 *     clicked in Chromium at 9688acc, 600 runs on two workers: 1.68–1.75 s to its last point, 5.8 ms a run a
 *     worker
 *   1,000 traders × 7 days (synthetic volatile):                                300–318 / 80–115  (454–475 / 96–101)
 *   1,000 traders × 30 days:                                                    334–423 / 145–161 (686–691 / 151–163)
 *   10,000 traders × 7 days:                                                    644–667 / 134–178 (997–1,098 / 270–281)
 *   100,000 traders × 1 day:                                                1,173–1,189 / 639–825 (2,606–2,612 / 1,348–1,433)
 *   100,000 traders × 30 days:                                              1,559–1,702 / 773–1,051 (3,013–3,273 / 1,597–1,670)
 * The trader's cost fell most (entries and exits: issue 16's rounds); 2026-12-06's 25 µs a trader read the
 * 100,000-trader runs as 2.8–3.1× their cost by 2026-12-07.
 * Fitted over these runs: about 5 µs a simulated minute, 30 µs a chart frame, 7 µs a trader and 2e-11 s a
 * trader-minute came within 0.9–1.9× of each (either process). The constants below are rounded up from these, so the
 * estimate errs long: 1.3–2.2× the slower process's warm runs and 1.8× the sweep above (run-cost.test.ts holds each within 3×), and
 * the classroom's first runs in a fresh worker, which still compile the engine, are covered by the frames'
 * share. A fresh process compiles the engine during its first run: add COLD_START_SECONDS once (the CLI).
 * The model before the first measurement (one term per trader-minute) read the 100,000 × 30-day run as 27× its
 * cost and kept a 20 × 30 classroom sweep from a link waiting for a click.
 */
import { scenarioInfo } from '../scenarios/catalogue.ts';
import type { ScenarioId } from '../scenarios/types.ts';

export const ENGINE_SPEED = {
  measured: '2026-12-07',
  /** Fixed cost of one simulated minute, whatever the population (market, venues, funding). */
  secondsPerMinute: 6e-6,
  /** Cost of one chart frame (the frame row, the followed traders' rows, the ADL standings). */
  secondsPerFrame: 5e-5,
  /** Cost of one trader: drawn, entering, leaving. */
  secondsPerTrader: 1e-5,
  /** Cost of one trader for one simulated minute held. */
  secondsPerTraderMinute: 3e-11,
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
