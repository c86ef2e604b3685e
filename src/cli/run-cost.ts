/**
 * The CLI's word on what a run will cost (issue 19): before `run` or `compare` starts, one line on standard
 * error with the traders × minutes and the estimated time on the measured engine speed, so a run of hours is
 * never silent. Runs keep only the notable events (the summary counts and checksums every event either way),
 * so memory does not grow with the length of the run.
 */
import type { RunConfig } from '../engine/run/config.ts';
import {
  COLD_START_SECONDS,
  describeDuration,
  estimateRunCost,
  ENGINE_SPEED,
} from '../engine/validation/run-cost.ts';

type Note = (line: string) => void;

/** Where the cost line goes: nowhere by default (tests call the CLI in process); main.ts sends it to stderr. */
let note: Note = () => {};

export function setCostNote(sink: Note): void {
  note = sink;
}

/**
 * The cost line for `configs` run one after the other, in a fresh process (so cold, once), summary only (no
 * chart frames: the command line prints summaries, run.ts `summaryOfRun`).
 */
export function costLine(configs: readonly RunConfig[]): string {
  const cost = estimateRunCost(configs, { summaryOnly: true });
  const seconds = cost.seconds + COLD_START_SECONDS;
  const runs = configs.length === 1 ? '1 run' : `${configs.length} runs`;
  return (
    `cost: ${runs}, ${cost.traderMinutes.toExponential(2)} trader-minutes: ${describeDuration(seconds)} ` +
    `at the engine speed measured on ${ENGINE_SPEED.measured}\n`
  );
}

/** Says what the runs will cost, and returns them set to keep only the notable events. */
export function costed<T extends RunConfig | Omit<RunConfig, 'regime'>>(config: T, runs = 1): T {
  note(costLine(Array.from({ length: runs }, () => config as RunConfig)));
  return { ...config, eventLog: 'notable' };
}
