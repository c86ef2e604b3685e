/**
 * A lesson step's sweep is checked as a link's `sw` is, against the step's settings: a value no rule set can
 * take, a guardrail that is not one number or an unknown rule set is refused with the step and the field.
 */
import { describe, expect, it } from 'vitest';
import { LessonError, parseLesson } from './validate-lesson.ts';
import { sweepChoiceOf } from './lesson.ts';

const SWEEP = {
  ruleSet: 'A',
  guardrail: 'financing.collateral.BTC.haircut',
  from: 0,
  to: 0.9,
  steps: 10,
  seeds: 30,
  outcome: 'broker.forcedSales',
};
const lesson = (sweep: unknown) => ({
  id: 'frontier-test',
  title: 'lessons.frontier.title',
  summary: 'lessons.frontier.summary',
  steps: [{ say: 'lessons.frontier.s2.say', sweep, reveal: 'lessons.frontier.s2.reveal' }],
});
function problems(sweep: unknown): string[] {
  try {
    parseLesson(lesson(sweep), 'test.json');
  } catch (error) {
    if (error instanceof LessonError) return error.problems;
    throw error;
  }
  return [];
}

describe('a lesson step’s sweep', () => {
  it('is accepted and becomes the sweep view’s choice', () => {
    expect(problems(SWEEP)).toEqual([]);
    expect(sweepChoiceOf(SWEEP as never)).toEqual({ ...SWEEP, ruleSet: 0 });
  });

  it.each([
    [{ ...SWEEP, ruleSet: 'C' }, 'step 1, sweep, rule set must be 0 or 1 (got "C")'],
    [{ ...SWEEP, guardrail: 'perp.tiers.BTC' }, 'step 1, sweep, guardrail must be one of'],
    [{ ...SWEEP, to: 1.5 }, 'step 1, sweep, BTC haircut must be between 0 and 1 (got 1.16666666667)'],
    [{ ...SWEEP, steps: 500 }, 'step 1, sweep, values must be a whole number from 2 to 50 (got 500)'],
    [
      'haircut',
      'step 1, sweep must be an object { ruleSet, guardrail, from, to, steps, seeds, outcome } (got "haircut")',
    ],
  ])('refuses %j', (sweep, message) => {
    const found = problems(sweep);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });
});
