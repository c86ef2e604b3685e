/**
 * A 15-minute class plan for a lesson, built from the lesson's own steps: an opening on step 1, a block per
 * question (predict and vote, Check, discuss the revealed numbers), short blocks for the steps that only
 * explain or play, and a closing question. Each block has its start and end minute; together they fill 15.
 */
import type { Lesson } from '../../lib/lessons/lesson.ts';

export type PlanPart = 'open' | 'ask' | 'explain' | 'close';

export interface PlanBlock {
  part: PlanPart;
  /** The lesson step the block plays (from 0); null for the closing. */
  step: number | null;
  from: number;
  to: number;
}

export const CLASS_MINUTES = 15;

/** Relative weights: a question takes three times a step that only explains. */
const WEIGHT: Record<PlanPart, number> = { open: 2, ask: 3, explain: 1, close: 2 };

export function classPlan(lesson: Pick<Lesson, 'steps'>): PlanBlock[] {
  const parts: { part: PlanPart; step: number | null }[] = lesson.steps.map((step, i) => ({
    part: i === 0 && !step.ask ? 'open' : step.ask ? 'ask' : 'explain',
    step: i,
  }));
  parts.push({ part: 'close', step: null });
  const total = parts.reduce((sum, p) => sum + WEIGHT[p.part], 0);
  let weight = 0;
  return parts.map(({ part, step }) => {
    const from = Math.round((weight / total) * CLASS_MINUTES);
    weight += WEIGHT[part];
    return { part, step, from, to: Math.round((weight / total) * CLASS_MINUTES) };
  });
}
