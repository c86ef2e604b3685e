/**
 * Whole runs: one regime on a scenario, or several regimes on the same scenario with the same price shocks
 * and the same population draws (common random numbers), so differences come from the rules alone.
 */
import type { PresetId } from '../regimes/types.ts';
import type { RunConfig } from './config.ts';
import { framesOf, type Frames } from './frames.ts';
import type { RunEvent } from './run-events.ts';
import { createRun } from './run-state.ts';
import { stepRun, isFinished } from './step-run.ts';
import { summarize, type RunSummary } from './summary.ts';

export interface RunResult {
  summary: RunSummary;
  frames: Frames;
  events: RunEvent[];
}

export function runScenario(config: RunConfig): RunResult {
  const run = createRun(config);
  while (!isFinished(run)) stepRun(run);
  return { summary: summarize(run), frames: framesOf(run.frames), events: run.events };
}

export function compareRegimes(config: Omit<RunConfig, 'regime'>, regimes: readonly PresetId[]): RunResult[] {
  if (regimes.length < 1) throw new RangeError('compare needs at least one regime (got none)');
  return regimes.map((regime) => runScenario({ ...config, regime }));
}
