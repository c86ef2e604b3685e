import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import LessonPanel from './LessonPanel.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { runScenario } from '../../engine/run/run.ts';
import type { RunResult } from '../../engine/run/run.ts';
import { configsOf, settingsAt, type Lesson } from '../../lib/lessons/lesson.ts';
import { correctChoice } from '../../lib/lessons/answers.ts';
import { runFactsPair } from '../../lib/lessons/run-numbers.ts';
import { parseLesson } from '../../lib/lessons/validate-lesson.ts';

/** The leverage lesson's texts over a quick market: a quarter-day flash crash with 30 traders. */
const quick: Lesson = parseLesson(
  {
    id: 'quick',
    title: 'lessons.leverage.title',
    summary: 'lessons.leverage.summary',
    steps: [
      {
        set: {
          scenario: 'synthetic-flash-crash',
          days: 0.25,
          population: { traders: 30 },
          ruleSets: {
            A: { preset: 'offshore-cex', overrides: { 'perp.maxLeverage': 2 } },
            B: { preset: 'offshore-cex' },
          },
        },
        say: 'lessons.leverage.s1.say',
      },
      {
        say: 'lessons.leverage.s2.say',
        ask: {
          question: 'lessons.leverage.s2.question',
          choices: [
            'lessons.leverage.s2.choiceA',
            'lessons.leverage.s2.choiceB',
            'lessons.leverage.s2.choiceSame',
          ],
          answer: { most: ['A.liquidations.traders', 'B.liquidations.traders'] },
        },
        run: true,
        reveal: 'lessons.leverage.s2.reveal',
      },
      { say: 'lessons.leverage.s3.say' },
    ],
  },
  'quick.json',
);

const CHOICES = ['A, capped at 2×', 'B, up to 125×', 'About the same under both'];

/** The right choice at step 2, from the engine directly. */
function expectedChoice(): number {
  const configs = configsOf(settingsAt(quick, 1));
  const results = configs.map((c) => runScenario(c)) as [RunResult, RunResult];
  return correctChoice(quick.steps[1]!.ask!.answer, runFactsPair(results, configs));
}

function setup(options: { locale?: string; lessonStep?: number; open?: boolean } = {}) {
  const app = new AppState(inProcessEngine());
  const announce = vi.fn<(text: string) => void>();
  if (options.open) {
    app.lessonId = 'quick';
    app.lessonStep = options.lessonStep ?? 0;
  }
  const run = vi.spyOn(app, 'run');
  render(LessonPanel, {
    app,
    i18n: new I18n(options.locale ?? 'en'),
    announce,
    lessons: [quick],
    problems: [],
  });
  return { app, announce, run, user: userEvent.setup() };
}

describe('LessonPanel', () => {
  it('lists the shipped lessons, each with its summary and number of steps', () => {
    render(LessonPanel, { app: new AppState(inProcessEngine()), i18n: new I18n('en') });
    expect(screen.getByRole('heading', { name: 'Lessons' })).toBeInTheDocument();
    expect(screen.getByText('Choose one of 6 guided lessons').closest('details')).not.toHaveAttribute('open');
    const buttons = screen.getAllByRole('button', { hidden: true }).map((b) => b.textContent!.trim());
    expect(buttons).toEqual([
      'What leverage does to a position',
      'Why a 60% haircut?',
      'Funding: who pays whom',
      'When the insurance fund runs dry: auto-deleveraging',
      'Why perpetuals are for professional investors',
      'How big must a haircut be?',
      "Teacher's guide",
    ]);
    expect(screen.getByRole('button', { name: 'Why a 60% haircut?' })).toHaveAccessibleDescription(
      /^Margin loans against bitcoin on Black Thursday, with a 60% and a 10% haircut\..*4 steps$/,
    );
  });

  it('starts a lesson: applies its first step, focuses its title and announces the step, without running yet', async () => {
    const { app, announce, run, user } = setup();
    await user.click(screen.getByText('Choose one of 1 guided lessons'));
    await user.click(screen.getByRole('button', { name: 'What leverage does to a position' }));
    const heading = screen.getByRole('heading', { name: 'What leverage does to a position' });
    expect(heading).toHaveFocus();
    expect(screen.getByTestId('lesson-progress')).toHaveTextContent('Step 1 of 3');
    expect(app.lessonId).toBe('quick');
    expect(app.settings()).toMatchObject({
      scenario: 'synthetic-flash-crash',
      days: 0.25,
      population: { traders: 30 },
      ruleSets: [
        { preset: 'offshore-cex', overrides: { 'perp.maxLeverage': 2 } },
        { preset: 'offshore-cex', overrides: {} },
      ],
    });
    expect(announce).toHaveBeenLastCalledWith(expect.stringMatching(/^Step 1 of 3\. Leverage lets a trader/));
    // The first step only sets the scene: the question comes before the run.
    expect(run).not.toHaveBeenCalled();
    expect(screen.getByTestId('lesson-back')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('link', { name: 'Link to this step' })).toHaveAttribute(
      'href',
      '#lesson=quick&step=1',
    );
  });

  it('asks, wants a prediction first, then runs on Check and reveals the answer from the run’s numbers', async () => {
    const { app, announce, run, user } = setup({ open: true });
    await user.click(screen.getByTestId('lesson-next'));
    expect(app.lessonStep).toBe(1);
    const group = screen.getByRole('group', {
      name: 'Under which rule set will more traders be liquidated?',
    });
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')!.textContent!.trim())).toEqual(CHOICES);
    expect(group).toBeInTheDocument();
    expect(run).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByText('Choose an answer first.')).toBeInTheDocument();
    expect(run).not.toHaveBeenCalled();

    const right = expectedChoice();
    const wrong = (right + 1) % 3;
    await user.click(screen.getByRole('radio', { name: CHOICES[wrong] }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    const feedback = await screen.findByTestId('lesson-feedback');
    expect(run).toHaveBeenCalledTimes(1);
    expect(feedback).toHaveTextContent(`Not quite: the answer is “${CHOICES[right]}”.`);
    const liquidated = app.results!.map((r) => r.summary.liquidations.traders);
    expect(screen.getByTestId('lesson-reveal')).toHaveTextContent(
      new RegExp(
        `^Under A \\(2×\\), ${liquidated[0]} of 30 traders were liquidated; under B \\(125×\\), ${liquidated[1]}\\. Bitcoin fell from \\$[\\d,]+ to \\$[\\d,]+\\.$`,
      ),
    );
    expect(announce).toHaveBeenLastCalledWith(expect.stringMatching(/^Not quite: .* Under A \(2×\)/));

    // Checking again with the right answer does not run again: the results are current.
    await user.click(screen.getByRole('radio', { name: CHOICES[right] }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByTestId('lesson-feedback')).toHaveTextContent('Correct.');
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('moves with N and Shift+N, with PageDown and PageUp only in presentation mode, and not while typing', async () => {
    const { app, user } = setup({ open: true });
    await user.keyboard('n');
    expect(app.lessonStep).toBe(1);
    await user.keyboard('{Shift>}N{/Shift}');
    expect(app.lessonStep).toBe(0);
    await user.keyboard('{PageDown}');
    expect(app.lessonStep).toBe(0);
    app.presenting = true;
    await user.keyboard('{PageDown}');
    expect(app.lessonStep).toBe(1);
    await user.keyboard('{PageUp}');
    expect(app.lessonStep).toBe(0);
    // Not past either end.
    await user.keyboard('{Shift>}N{/Shift}');
    expect(app.lessonStep).toBe(0);

    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    await user.keyboard('n');
    expect(app.lessonStep).toBe(0);
    field.remove();
    // A modifier or a key another handler took is left alone.
    await fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    expect(app.lessonStep).toBe(0);
  });

  it('keeps focus in the panel when the control that had it goes with the step', async () => {
    const { user } = setup({ open: true, lessonStep: 1 });
    const check = screen.getByRole('button', { name: 'Check' });
    check.focus();
    await user.keyboard('n');
    expect(screen.getByTestId('lesson-progress')).toHaveTextContent('Step 3 of 3');
    expect(screen.queryByRole('button', { name: 'Check' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByText(/^Why so many more\?/).closest('.step'));
  });

  it('opened by a link on a step after a run shows that run; All lessons goes back to the list', async () => {
    const { app, run, user } = setup({ open: true, lessonStep: 2 });
    // Step 3 comes after the question's run: the player runs it so the step has its results on screen.
    await vi.waitFor(() => expect(app.resultsCurrent).toBe(true));
    expect(run).toHaveBeenCalledTimes(1);
    expect(screen.getByText('End of the lesson.')).toBeInTheDocument();
    expect(screen.getByTestId('lesson-next')).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('button', { name: 'All lessons' }));
    expect(app.lessonId).toBeNull();
    expect(screen.getByRole('heading', { name: 'Lessons' })).toHaveFocus();
    // The list is open again, to pick the next lesson.
    expect(screen.getByText('Choose one of 1 guided lessons').closest('details')).toHaveAttribute('open');
  });

  it('speaks Traditional Chinese', async () => {
    const { user } = setup({ locale: 'zh-Hant-HK', open: true });
    expect(screen.getByRole('heading', { name: '槓桿對倉位有何影響' })).toBeInTheDocument();
    expect(screen.getByTestId('lesson-progress')).toHaveTextContent('第 1 步，共 3 步');
    await user.click(screen.getByRole('button', { name: /下一步/ }));
    expect(screen.getByRole('button', { name: '核對' })).toBeInTheDocument();
  });

  it('a question over other settings says it has not run yet, and what "about the same" means', async () => {
    const { app } = setup({ open: true, lessonStep: 1 });
    // The comparison of the app's defaults, computed before the lesson opened, is not this step's.
    expect(app.results).toBeNull();
    expect(await screen.findByTestId('lesson-not-run')).toHaveTextContent(
      'Not run yet: predict, then press Check to run it.',
    );
    expect(screen.getByTestId('lesson-same-means')).toHaveTextContent(
      '“About the same” here means exactly equal.',
    );
  });
});
