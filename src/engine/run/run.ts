/**
 * Whole runs: one regime on a scenario, or several regimes on the same scenario with the same price shocks
 * and the same population draws (common random numbers), so differences come from the rules alone.
 */
import { PRESET_IDS, type PresetId } from '../regimes/types.ts';
import { check, listOf, oneOf } from '../validation/index.ts';
import type { RunConfig } from './config.ts';
import { framesOf, type Frames } from './frames.ts';
import type { RunEvent } from './run-events.ts';
import { createRun, type RunState } from './run-state.ts';
import { QUEUE_HEAD, traceColumnsOf, type TraceField } from './traces.ts';
import type { TraderFacts } from './trader-facts.ts';
import { traderEquity } from './observe.ts';
import { stepRun, isFinished } from './step-run.ts';
import { summarize, type RunSummary } from './summary.ts';
import { sortReturnsByClass, type SortedReturns } from './sorted-returns.ts';

export interface TraderTrace {
  trader: number;
  columns: Record<TraceField, Float64Array>;
  /** What happened to the trader over the whole run, from every event (the story's source, not the log). */
  facts: TraderFacts;
}

export interface RunResult {
  summary: RunSummary;
  frames: Frames;
  events: RunEvent[];
  traces: TraderTrace[];
  /** Per frame, QUEUE_HEAD trader ids at the head of each side's BTC ADL queue (−1: empty). */
  adlQueue: { long: Int32Array; short: Int32Array };
  /** Events left out of `events` by whoever passed the result on (the worker trims routine ones); 0 here. */
  eventsOmitted: number;
  /** Per trader at the end: return on the wealth they started with (−1 = lost everything), and class (1 = pro). */
  outcomes: { returnOnWealth: Float64Array; professional: Uint8Array };
  /** The same returns, by class, sorted ascending (NaN last), for the page's charts. */
  sortedReturns: SortedReturns;
}

export function resultOf(run: RunState): RunResult {
  const frames = framesOf(run.frames);
  const traces = run.followed.map((trader, k) => {
    const columns = traceColumnsOf(run.traces, k);
    const facts = { ...run.facts.get(trader)!, endWealth: traderEquity(run, trader) };
    return { trader, columns, facts };
  });
  const flat = (side: 'long' | 'short') => run.queues[side].slice(0, run.queues.length * QUEUE_HEAD);
  const p = run.population;
  const returnOnWealth = new Float64Array(p.count);
  const summary = summarize(run, returnOnWealth);
  // Each slot holds the trader's end wealth − start wealth; the return is that over the start.
  for (let i = 0; i < p.count; i++)
    returnOnWealth[i] = returnOnWealth[i]! / (p.capital[i]! + p.securities[i]!);
  return {
    summary,
    frames,
    events: run.events,
    traces,
    adlQueue: { long: flat('long'), short: flat('short') },
    outcomes: { returnOnWealth, professional: p.professional.slice() },
    sortedReturns: sortReturnsByClass(returnOnWealth, p.professional),
    eventsOmitted: run.tally.eventsOmitted,
  };
}

export function runScenario(config: RunConfig): RunResult {
  return resultOf(runToEnd(config));
}

/**
 * The run's summary alone (the command line prints nothing else): a summary-only run (no chart frames, traces
 * or equity by class, which the summary never reads: its figures are the full run's, src/lib/
 * summary-only.test.ts; the page's summary-only runs do the same, workers/run-settings.ts), and no sorted
 * returns built at the end.
 */
export function summaryOfRun(config: RunConfig): RunSummary {
  return summarize(runToEnd({ ...config, summaryOnly: true }));
}

function runToEnd(config: RunConfig): RunState {
  const run = createRun(config);
  while (!isFinished(run)) stepRun(run);
  return run;
}

const REGIMES = listOf(oneOf(PRESET_IDS), { minLength: 1 });

export function compareRegimes(config: Omit<RunConfig, 'regime'>, regimes: readonly PresetId[]): RunResult[] {
  check('regimes to compare', regimes, REGIMES);
  return regimes.map((regime) => runScenario({ ...config, regime }));
}
