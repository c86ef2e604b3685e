import { describe, expect, it } from 'vitest';
import { catalogues, type Catalogue } from '../i18n/catalogues.ts';
import { LessonError, loadLessons, parseLesson } from './validate-lesson.ts';
import { applySet, freshAtEntry, settingsAt } from './lesson.ts';
import { defaultSettings } from '../app-settings.ts';

/** The shipped catalogues plus the texts a test lesson needs, in both languages. */
function withTexts(texts: Record<string, string>): Record<string, Catalogue> {
  return Object.fromEntries(
    Object.entries(catalogues).map(([locale, catalogue]) => [
      locale,
      { ...catalogue, ...texts } as Catalogue,
    ]),
  );
}

const TEXTS = withTexts({
  'lessons.t.title': 'A test',
  'lessons.t.summary': 'Summary',
  'lessons.t.say': 'Say',
  'lessons.t.q': 'Question?',
  'lessons.t.a': 'A',
  'lessons.t.b': 'B',
  'lessons.t.same': 'Same',
  'lessons.t.reveal': '{A.liquidations.traders} and {B.adl.count:count}',
});

function lesson(steps: unknown[], extra: Record<string, unknown> = {}) {
  return { id: 'test', title: 'lessons.t.title', summary: 'lessons.t.summary', steps, ...extra };
}

function problemsOf(raw: unknown, texts = TEXTS): string[] {
  try {
    parseLesson(raw, 'test.json', texts);
  } catch (error) {
    expect(error).toBeInstanceOf(LessonError);
    return (error as LessonError).problems;
  }
  return [];
}

const ask = (answer: unknown, choices = ['lessons.t.a', 'lessons.t.b', 'lessons.t.same']) => ({
  say: 'lessons.t.say',
  ask: { question: 'lessons.t.q', choices, answer },
  run: true,
  reveal: 'lessons.t.reveal',
});

describe('parseLesson', () => {
  it('accepts a sound lesson', () => {
    const parsed = parseLesson(
      lesson([
        {
          set: { scenario: 'synthetic-flash-crash', days: 1, ruleSets: { B: { preset: 'eu-esma-retail' } } },
          say: 'lessons.t.say',
        },
        ask({ most: ['A.liquidations.traders', 'B.liquidations.traders'] }),
      ]),
      'test.json',
      TEXTS,
    );
    expect(parsed.id).toBe('test');
  });

  it('names the file, the step and the field, and says what is allowed', () => {
    const problems = problemsOf(
      lesson([
        { say: 'lessons.t.missing', sey: 'typo' },
        {
          set: { senario: 'x', scenario: 'moon-landing', ruleSets: { C: {}, A: { preset: 'nowhere' } } },
          say: 'app.title',
        },
      ]),
    );
    expect(problems).toEqual([
      'step 1, field name must be one of set, say, ask, run, reveal, sweep (got "sey")',
      'step 1, say: "lessons.t.missing" is missing from the English catalogue (messages/en/lessons.json)',
      'step 2, say must be a text key of the lessons catalogue, starting with "lessons." (got "app.title")',
      'step 2, set, field name must be one of scenario, days, ruleSets, population, seed, affiliatedMarketMaker (got "senario")',
      expect.stringMatching(
        /^step 2, set\.scenario must be one of 2020-03-black-thursday, .* \(got "moon-landing"\)$/,
      ),
      'step 2, set.ruleSets, field name must be A or B (got "C")',
      expect.stringMatching(
        /^step 2, set\.ruleSets\.A\.preset must be one of hk-sfc-2026, .* \(got "nowhere"\)$/,
      ),
    ]);
    expect(() => parseLesson(lesson([{ say: 'lessons.t.missing' }]), 'x.json', TEXTS)).toThrow(
      /^lesson x\.json cannot be used:\n {2}- step 1, say: /,
    );
  });

  it('checks the state with the engine’s own validators', () => {
    expect(
      problemsOf(
        lesson([
          {
            set: {
              ruleSets: {
                B: {
                  preset: 'hk-sfc-2026',
                  overrides: { 'financing.collateral.BTC': { eligible: true, haircut: 1.5 } },
                },
              },
              population: { traders: 2 },
            },
            say: 'lessons.t.say',
          },
        ]),
      ),
    ).toEqual(['step 1, set.population.traders must be a whole number from 3 to 1000000 (got 2)']);
    expect(
      problemsOf(
        lesson([
          {
            set: {
              ruleSets: {
                B: {
                  preset: 'hk-sfc-2026',
                  overrides: { 'financing.collateral.BTC': { eligible: true, haircut: 1.5 } },
                },
              },
            },
            say: 'lessons.t.say',
          },
        ]),
      ),
    ).toEqual([
      // The engine's Refusal, under the step and the rule set (at whatever scale the engine writes it).
      expect.stringMatching(
        /^step 1, rule set B, BTC haircut must be between 0%? and 1(00%)? \(got 1(\.5|50%)\)$/,
      ),
    ]);
    expect(
      problemsOf(lesson([{ set: { scenario: '2022-05-luna', days: 3 }, say: 'lessons.t.say' }])),
    ).toEqual([
      expect.stringMatching(/^step 1, (set: rule set A:|rule set A,) days .*2022-05-luna/),
      expect.stringMatching(/^step 1, (set: rule set B:|rule set B,) days .*2022-05-luna/),
    ]);
    expect(
      problemsOf(
        lesson([
          {
            set: { ruleSets: { A: { preset: 'us-cftc', overrides: { 'perp.leverage': 3 } } } },
            say: 'lessons.t.say',
          },
        ]),
      ),
    ).toEqual([
      'step 1, set.ruleSets.A.overrides, guardrail key must be a key from regimes/guardrail-keys.ts (got "perp.leverage")',
    ]);
  });

  it('checks answers: their form, their numbers and the number of choices', () => {
    expect(problemsOf(lesson([ask({ most: ['A.liquidation.traders', 'B.liquidations.traders'] })]))).toEqual([
      expect.stringMatching(/^step 1, ask\.answer\.most\[0\]: unknown number "liquidation\.traders"/),
    ]);
    expect(problemsOf(lesson([ask({ compare: ['A.adl.count', '=>', 1] })]))).toEqual([
      'step 1, ask.answer.compare must be [number, comparison, number] with a comparison among < <= > >= == != (got ["A.adl.count","=>",1])',
    ]);
    expect(problemsOf(lesson([ask({ compare: ['A.adl.count', '>', 0] })]))).toEqual([
      'step 1, ask.answer: a "compare" answer over these numbers needs 2 choices (the question has 3): the first for true, the second for false',
    ]);
    expect(problemsOf(lesson([ask({ pick: 'liquidations.traders' })]))).toEqual([
      'step 1, ask.answer.pick: "liquidations.traders" must start with the rule set it reads, A. or B. (for example A.liquidations.traders)',
    ]);
    expect(problemsOf(lesson([ask({ pick: 'A.events.fill', bands: [5, 1] })]))).toEqual([
      expect.stringMatching(
        /^step 1, ask\.answer\.pick: events\.fill is not an event the page counts \(allowed: liquidation, /,
      ),
      'step 1, ask.answer.bands must be ascending numbers, such as [1, 50] (got [5,1])',
    ]);
    expect(problemsOf(lesson([ask({ most: ['A.adl.count', 'B.adl.count'], least: [] })]))).toEqual([
      'step 1, ask.answer: must have exactly one of compare, most, least or pick (got most, least)',
    ]);
    expect(problemsOf(lesson([ask({ pick: 'A.rules.perp.maxLeverage', bands: [3, 20] })]))).toEqual([]);
    expect(problemsOf(lesson([ask({ pick: 'A.rules.perp.fantasy' })]))).toEqual([
      expect.stringMatching(
        /^step 1, ask\.answer\.pick: rules\.perp\.fantasy is not a number or yes\/no rule/,
      ),
    ]);
  });

  it('keeps run numbers to reveals, and the same numbers in every language', () => {
    const texts = withTexts({
      'lessons.t.title': 'T',
      'lessons.t.summary': 'S',
      'lessons.t.say': 'Say {A.adl.count}',
      'lessons.t.reveal': '{A.adl.count} {B.adl.count:dollars}',
    });
    texts['zh-Hant-HK']!['lessons.t.reveal' as never] = '{A.adl.count}' as never;
    expect(
      problemsOf(lesson([{ say: 'lessons.t.say', run: true, reveal: 'lessons.t.reveal' }]), texts),
    ).toEqual([
      'step 1, say: "lessons.t.say" (en) has run numbers in braces; only a reveal can show them',
      'step 1, say: "lessons.t.say" (zh-Hant-HK) has run numbers in braces; only a reveal can show them',
      'step 1, reveal: "lessons.t.reveal" (en): {B.adl.count:dollars} has an unknown format "dollars" (allowed: count, number, usd, percent, times)',
      'step 1, reveal: "lessons.t.reveal" (zh-Hant-HK): {B.adl.count:dollars} has an unknown format "dollars" (allowed: count, number, usd, percent, times)',
    ]);
    const mismatch = withTexts({
      'lessons.t.title': 'T',
      'lessons.t.summary': 'S',
      'lessons.t.say': 'Say',
      'lessons.t.reveal': '{A.adl.count}',
    });
    mismatch['zh-Hant-HK']!['lessons.t.reveal' as never] = '{B.adl.count}' as never;
    expect(
      problemsOf(lesson([{ say: 'lessons.t.say', run: true, reveal: 'lessons.t.reveal' }]), mismatch),
    ).toEqual([
      'step 1, reveal: "lessons.t.reveal" (zh-Hant-HK) must show the same numbers as the English text ({A.adl.count}; got {B.adl.count})',
    ]);
  });

  it('refuses a reveal of numbers nothing has run for', () => {
    expect(
      problemsOf(lesson([{ set: { seed: 7 }, say: 'lessons.t.say', reveal: 'lessons.t.reveal' }])),
    ).toEqual([
      'step 1, reveal: shows run numbers, but nothing has run since the settings last changed: add "run": true to this step',
    ]);
  });

  it('loads good files in file-name order and reports bad ones and duplicate ids', () => {
    const good = lesson([{ say: 'lessons.t.say' }]);
    const { lessons, problems } = loadLessons(
      {
        '/x/02-b.json': { ...good, id: 'b' },
        '/x/01-a.json': { ...good, id: 'a' },
        '/x/03-a-again.json': { ...good, id: 'a' },
        '/x/04-broken.json': 'not an object',
      },
      TEXTS,
    );
    expect(lessons.map((l) => l.id)).toEqual(['a', 'b']);
    expect(problems.map((p) => p.message)).toEqual([
      'lesson 03-a-again.json cannot be used:\n  - id: another lesson file already uses the id "a"',
      'lesson 04-broken.json cannot be used:\n  - the file must be a single JSON object (got "not an object")',
    ]);
  });
});

describe('lesson settings', () => {
  it('apply each step’s set in order, from the defaults', () => {
    const steps = [
      { say: 'x', set: { scenario: 'synthetic-calm' as const, days: 2, population: { traders: 50 } } },
      { say: 'x', set: { ruleSets: { B: { preset: 'us-cftc' as const } }, population: { leakage: 0.2 } } },
      { say: 'x', set: { scenario: 'synthetic-volatile' as const } },
    ];
    const at1 = settingsAt({ steps } as never, 1);
    expect(at1.scenario).toBe('synthetic-calm');
    expect(at1.days).toBe(2);
    expect(at1.population).toEqual({ ...defaultSettings().population, traders: 50, leakage: 0.2 });
    expect(at1.ruleSets).toEqual([
      { preset: 'hk-sfc-2026', overrides: {} },
      { preset: 'us-cftc', overrides: {} },
    ]);
    // A new scenario starts at its own length.
    expect(settingsAt({ steps } as never, 2).days).toBeUndefined();
    expect(applySet(defaultSettings(), undefined)).toEqual(defaultSettings());
  });

  it('know when the runs on screen should match a step', () => {
    const steps = [
      { say: 'x', set: { seed: 1 } },
      { say: 'x', run: true },
      { say: 'x' },
      { say: 'x', set: { seed: 2 }, ask: {} },
      { say: 'x' },
    ];
    expect(steps.map((_, i) => freshAtEntry({ steps } as never, i))).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
  });
});
