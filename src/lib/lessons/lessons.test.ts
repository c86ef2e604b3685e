/**
 * The shipped lessons: each loads, every text key exists in every language, every state is one the engine
 * accepts, and, run through the engine here, every question has an answer and every reveal fills all its
 * numbers. The expected answers pin the stories the lesson texts tell (if the engine changes so that a story
 * no longer holds, this fails and the text must change with it).
 */
import { describe, expect, it } from 'vitest';
import { catalogues, locales, type MessageKey } from '../i18n/catalogues.ts';
import { translate } from '../i18n/translate.ts';
import { runScenario } from '../../engine/run/run.ts';
import type { RunResult } from '../../engine/run/run.ts';
import { LESSONS, LESSON_PROBLEMS } from './catalogue.ts';
import { configsOf, freshAtEntry, settingsAt, type Lesson } from './lesson.ts';
import { correctChoice, fillNumbers, PLACEHOLDER } from './answers.ts';
import { runFactsPair, type RunFactsPair } from './run-numbers.ts';
import { resolveRegime } from '../../engine/run/config.ts';
import { sweepChoiceOf } from './lesson.ts';
import { sweepRequest } from '../sweep-choice.ts';
import { sweepPlan, sweepPoint } from '../../engine/run/sweep.ts';
import { summarySentence } from '../../ui/sweep/sweep-text.ts';

/**
 * The sentence a sweep step's reveal shows, from the sweep's own points, as the app computes it. Two values
 * of two seeds each here (the lesson's 10 × 30 runs take minutes on the test machine): the same code path.
 */
function frontierSentence(lesson: Lesson, i: number, locale: string): string {
  const choice = { ...sweepChoiceOf(lesson.steps[i]!.sweep!), steps: 2, seeds: 2 };
  const settings = settingsAt(lesson, i);
  const { regime: _regime, overrides: _overrides, ...run } = configsOf(settings)[0];
  const plan = sweepPlan(
    sweepRequest({ run, ruleSets: [settings.ruleSets[0], settings.ruleSets[1]] }, choice),
  );
  const points = plan.map((s) =>
    sweepPoint(
      s.value,
      s.configs.map((c) => runScenario(c).summary),
    ),
  );
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const sentence = summarySentence({ t, locale }, choice.guardrail, choice.outcome, points);
  expect(sentence).not.toBe('');
  return sentence;
}

/** The rule paths ("perp.funding.intervalHours") where two regimes' rules differ (names and sources aside). */
function differingRules(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return Object.is(a, b) ? [] : [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) =>
    differingRules(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      path ? `${path}.${key}` : key,
    ),
  );
}

/** For each lesson, the index of the right choice at each step that asks (in step order). */
const EXPECTED_ANSWERS: Record<string, number[]> = {
  // B (125×) liquidates more; retail investors lose less under A.
  leverage: [1, 0],
  // B (10% haircut) forces more sales; the securities-only broker forces none.
  haircut: [1, 0],
  // Longs pay; hourly settlement costs the longs more on this seed since a quarter of the perpetual traders
  // trade ALT (A $6.5k, B $9.5k over BTC, ETH and ALT; before ALT: A $23.1k, B $20.9k, about the same).
  funding: [0, 1],
  // B (small fund) deleverages more; the fund does not change who is liquidated.
  'insurance-fund-adl': [1, 1],
  // No question: the frontier's own sentence is the answer (its reveal is checked below).
  'haircut-frontier': [],
  // 50 or more refused; with leakage some are liquidated offshore.
  'professional-investors': [2, 1],
};

const runCache = new Map<string, RunFactsPair>();
function factsAt(lesson: Lesson, step: number): RunFactsPair {
  const configs = configsOf(settingsAt(lesson, step));
  const key = JSON.stringify(configs);
  let facts = runCache.get(key);
  if (!facts) {
    const results = configs.map((config) => runScenario(config)) as [RunResult, RunResult];
    facts = runFactsPair(results, configs);
    runCache.set(key, facts);
  }
  return facts;
}

describe('shipped lessons', () => {
  it('load without problems: at least five, with unique ids, covering the issue’s topics', () => {
    expect(LESSON_PROBLEMS.map((p) => p.message)).toEqual([]);
    expect(LESSONS.length).toBeGreaterThanOrEqual(5);
    expect(LESSONS.map((l) => l.id)).toEqual([
      'leverage',
      'haircut',
      'funding',
      'insurance-fund-adl',
      'professional-investors',
      'haircut-frontier',
    ]);
  });

  it('the funding lesson varies the funding interval alone', () => {
    const lesson = LESSONS.find((l) => l.id === 'funding')!;
    const [a, b] = configsOf(settingsAt(lesson, 2)).map((config) => {
      const { perp, margin, spot } = resolveRegime(config) as unknown as Record<string, unknown>;
      return { perp, margin, spot };
    });
    expect(differingRules(a, b)).toEqual(['perp.funding.intervalHours']);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: every text key exists in every catalogue',
    (_id, lesson) => {
      const keys: string[] = [lesson.title, lesson.summary];
      for (const step of lesson.steps) {
        keys.push(step.say);
        if (step.reveal) keys.push(step.reveal);
        if (step.ask) keys.push(step.ask.question, ...step.ask.choices);
      }
      for (const locale of locales)
        for (const key of keys)
          expect(catalogues[locale]![key as MessageKey], `${locale} ${key}`).toBeTruthy();
    },
  );

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: run through the engine, every question has its expected answer and every reveal is filled',
    (id, lesson) => {
      const answers: number[] = [];
      lesson.steps.forEach((step, i) => {
        const runsHere = step.run || step.ask || freshAtEntry(lesson, i);
        if (!runsHere) return;
        const facts = factsAt(lesson, i);
        if (step.ask) {
          const choice = correctChoice(step.ask.answer, facts);
          expect(choice).toBeGreaterThanOrEqual(0);
          expect(choice).toBeLessThan(step.ask.choices.length);
          answers.push(choice);
        }
        if (step.reveal)
          for (const locale of locales) {
            const sweep = step.sweep ? frontierSentence(lesson, i, locale) : undefined;
            const template = translate(locale, step.reveal, sweep === undefined ? {} : { sweep });
            const text = fillNumbers(template, facts, locale);
            expect(text, `${locale} step ${i + 1}`).not.toMatch(PLACEHOLDER);
            expect(text, `${locale} step ${i + 1}`).not.toMatch(/—|NaN|undefined|\{/);
          }
      });
      expect(answers).toEqual(EXPECTED_ANSWERS[id]);
    },
    30_000,
  );
});
