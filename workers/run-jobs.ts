/**
 * Runs in the worker, in slices: after each slice of steps the job yields to the worker's event loop, so a
 * cancel message is seen between slices, and the frames made so far are streamed to the page as
 * transferable typed arrays. The engine itself knows nothing of this: it only offers `stepRun`.
 */
import { transfer } from 'comlink';
import type { RunConfig } from '../src/engine/run/config.ts';
import { FRAME_FIELDS, type FrameField } from '../src/engine/run/frames.ts';
import { resultOf, type RunResult } from '../src/engine/run/run.ts';
import type { RunEvent } from '../src/engine/run/run-events.ts';
import { createRun, type RunState } from '../src/engine/run/run-state.ts';
import { isFinished, stepRun } from '../src/engine/run/step-run.ts';
import { asWorkerRuns } from './run-settings.ts';

export interface JobProgress {
  job: number;
  /** Which run of the comparison (0 = rule set A). */
  run: number;
  runs: number;
  minute: number;
  minutes: number;
}

export interface FrameBatch {
  job: number;
  run: number;
  /** Index of the first frame in this batch. */
  from: number;
  columns: Record<FrameField, Float64Array>;
}

/** A slice of a finished run's events, in order (the result itself then comes with no events). */
export interface EventBatch {
  job: number;
  run: number;
  events: RunEvent[];
}

export interface JobListener {
  progress?(progress: JobProgress): void;
  frames?(batch: FrameBatch): void;
  /** When given, each run's events come here in batches, each awaited, before the results resolve. */
  events?(batch: EventBatch): unknown;
}

/**
 * Events per batch. A large run's 20,000 events in one message cost the page about 40 ms of deserialising
 * per run in the task that received them; in batches each is a few milliseconds, in a task of its own.
 */
export const EVENT_BATCH = 2_000;

export class CancelledError extends Error {
  constructor(job: number) {
    super(`run ${job} was stopped`);
    this.name = 'CancelledError';
  }
}

/** A slice is cut when it has run this long, so a cancel is seen well within 100 ms. */
const SLICE_MILLISECONDS = 25;

const cancelled = new Set<number>();

export function cancelJob(job: number): void {
  cancelled.add(job);
}

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function batchSince(run: RunState, from: number): Record<FrameField, Float64Array> {
  const columns = {} as Record<FrameField, Float64Array>;
  for (const field of FRAME_FIELDS) columns[field] = run.frames.columns[field].slice(from, run.frames.length);
  return columns;
}

export async function runJob(
  job: number,
  configs: readonly RunConfig[],
  listener?: JobListener,
): Promise<RunResult[]> {
  const results: RunResult[] = [];
  try {
    for (let k = 0; k < configs.length; k++) {
      const run = createRun(asWorkerRuns(configs[k]!));
      let sent = 0;
      while (!isFinished(run)) {
        const sliceEnd = performance.now() + SLICE_MILLISECONDS;
        do stepRun(run);
        while (!isFinished(run) && performance.now() < sliceEnd);
        if (listener?.frames && run.frames.length > sent) {
          const columns = batchSince(run, sent);
          const batch: FrameBatch = { job, run: k, from: sent, columns };
          sent = run.frames.length;
          listener.frames(
            transfer(
              batch,
              Object.values(columns).map((c) => c.buffer),
            ),
          );
        }
        listener?.progress?.({
          job,
          run: k,
          runs: configs.length,
          minute: run.minute,
          minutes: run.path.minutes,
        });
        await yieldToMessages();
        if (cancelled.has(job)) throw new CancelledError(job);
      }
      const result = resultOf(run);
      if (listener?.events) {
        // Awaited one by one: each batch has reached the page before the next, and all before the results.
        for (let from = 0; from < result.events.length; from += EVENT_BATCH) {
          await listener.events({ job, run: k, events: result.events.slice(from, from + EVENT_BATCH) });
          if (cancelled.has(job)) throw new CancelledError(job);
        }
        result.events = [];
      }
      results.push(result);
    }
  } finally {
    cancelled.delete(job);
  }
  return transfer(results, results.flatMap(transferables));
}

function transferables(result: RunResult): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const field of FRAME_FIELDS) buffers.push(result.frames[field].buffer as ArrayBuffer);
  for (const trace of result.traces)
    for (const column of Object.values(trace.columns)) buffers.push(column.buffer as ArrayBuffer);
  buffers.push(result.adlQueue.long.buffer as ArrayBuffer, result.adlQueue.short.buffer as ArrayBuffer);
  buffers.push(
    result.outcomes.returnOnWealth.buffer as ArrayBuffer,
    result.outcomes.professional.buffer as ArrayBuffer,
    result.sortedReturns.retail.buffer as ArrayBuffer,
    result.sortedReturns.professional.buffer as ArrayBuffer,
  );
  return buffers;
}
