/**
 * A lesson step with a sweep: entering it opens the frontier on the step's choice (app.sweep), the reveal waits
 * for the sweep to finish, then shows the frontier's own sentence computed from the sweep's points (a finished
 * sweep of another choice does not count).
 */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import LessonPanel from './LessonPanel.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { parseLesson } from '../../lib/lessons/validate-lesson.ts';
import { sweepChoiceOf, type Lesson } from '../../lib/lessons/lesson.ts';
import { configsOf, settingsAt } from '../../lib/lessons/lesson.ts';
import { sweepRequest } from '../../lib/sweep-choice.ts';
import { sweepPlan, sweepPoint } from '../../engine/run/sweep.ts';
import { runScenario } from '../../engine/run/run.ts';
import { summarySentence } from '../sweep/sweep-text.ts';

/** The frontier lesson's texts on a small sweep: 30 traders, a quarter-day flash crash, 2 values × 2 seeds. */
const frontier: Lesson = parseLesson(
  {
    id: 'frontier-quick',
    title: 'lessons.frontier.title',
    summary: 'lessons.frontier.summary',
    steps: [
      {
        set: { scenario: 'synthetic-flash-crash', days: 0.25, population: { traders: 30 } },
        say: 'lessons.frontier.s1.say',
      },
      {
        say: 'lessons.frontier.s2.say',
        sweep: {
          ruleSet: 'B',
          guardrail: 'perp.maxLeverage',
          from: 2,
          to: 100,
          steps: 2,
          seeds: 2,
          outcome: 'liquidations.traders',
        },
        reveal: 'lessons.frontier.s2.reveal',
      },
    ],
  },
  'frontier-quick.json',
);

describe('a lesson step with a sweep', () => {
  it('opens the frontier and reveals its sentence once the sweep has finished', async () => {
    const app = new AppState(inProcessEngine());
    app.lessonId = 'frontier-quick';
    app.lessonStep = 1;
    const i18n = new I18n('en');
    render(LessonPanel, { app, i18n, announce: () => {}, lessons: [frontier], problems: [] });
    const choice = sweepChoiceOf(frontier.steps[1]!.sweep!);
    expect(app.sweep).toEqual(choice);
    expect(
      screen.getByText('The answer appears when the policy frontier below the stage has run.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('lesson-reveal')).toBeNull();

    // The sweep's points, as the sweep view computes them for the step's settings.
    const settings = settingsAt(frontier, 1);
    const { regime: _r, overrides: _o, ...run } = configsOf(settings)[0];
    const request = sweepRequest({ run, ruleSets: [settings.ruleSets[0], settings.ruleSets[1]] }, choice);
    const points = sweepPlan(request).map((s) =>
      sweepPoint(
        s.value,
        s.configs.map((c) => runScenario(c).summary),
      ),
    );

    app.sweepResult = { choice: { ...choice, to: 50 }, points };
    await Promise.resolve();
    expect(screen.queryByTestId('lesson-reveal')).toBeNull();

    app.sweepResult = { choice, points };
    const reveal = await screen.findByTestId('lesson-reveal');
    const sentence = summarySentence({ t: i18n.t, locale: 'en' }, choice.guardrail, choice.outcome, points);
    expect(reveal.textContent).toBe(`The frontier's answer: ${sentence}`);
    expect(sentence).toMatch(/^The median of traders liquidated /);
  }, 60_000);
});
