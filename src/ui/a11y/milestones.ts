/**
 * The moments of a comparison a listener needs to hear about as the playhead passes them: the first
 * liquidation, the first margin call, an insurance fund emptying and auto-deleveraging starting. Each is the
 * earliest under either rule set (A first on a tie), found once per run, never per frame.
 */
import type { RunResult } from '../../engine/run/run.ts';

export const MILESTONE_KINDS = ['liquidation', 'marginCall', 'fundEmpty', 'adl'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export interface Milestone {
  kind: MilestoneKind;
  /** Market minute of the run. */
  minute: number;
  /** The rule set it happened under first: 0 = A, 1 = B. */
  set: 0 | 1;
}

/** A fund counts as empty below a dollar (it starts in the tens of thousands at the smallest population). */
const EMPTY_FUND_USD = 1;

function firstEvent(result: RunResult, type: string): number | null {
  const event = result.events.find((e) => e.type === type);
  return event ? event.step : null;
}

function fundEmptied(result: RunResult): number | null {
  const { insuranceFund, minute } = result.frames;
  if (insuranceFund.length === 0 || !(insuranceFund[0]! >= EMPTY_FUND_USD)) return null;
  const i = insuranceFund.findIndex((value) => value < EMPTY_FUND_USD);
  return i < 0 ? null : minute[i]!;
}

function minuteOf(result: RunResult, kind: MilestoneKind): number | null {
  switch (kind) {
    case 'liquidation':
      return firstEvent(result, 'liquidation');
    case 'marginCall':
      return firstEvent(result, 'margin-call');
    case 'fundEmpty':
      return fundEmptied(result);
    case 'adl':
      return firstEvent(result, 'adl');
  }
}

/** The milestones of a comparison, in time order. */
export function milestonesOf(results: readonly [RunResult, RunResult]): Milestone[] {
  const found: Milestone[] = [];
  for (const kind of MILESTONE_KINDS) {
    const a = minuteOf(results[0], kind);
    const b = minuteOf(results[1], kind);
    if (a === null && b === null) continue;
    if (b === null || (a !== null && a <= b)) found.push({ kind, minute: a!, set: 0 });
    else found.push({ kind, minute: b, set: 1 });
  }
  return found.sort((x, y) => x.minute - y.minute);
}

/** The last market minute the frame stands for (up to the next frame's), as the event feed counts it. */
export function lastMinuteShown(minutes: Float64Array, frame: number): number {
  const next = minutes[frame + 1];
  return next === undefined ? Infinity : next - 1;
}
