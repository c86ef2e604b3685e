/**
 * Lesson files on the shared validation layer: hostile JSON not tried elsewhere (numbers in text, "1e400",
 * -0, prototype names, very long ids, arrays where objects belong) is refused, each problem naming the file's
 * field with the value given and what is allowed, and carried as a Refusal.
 */
import { describe, expect, it } from 'vitest';
import { catalogues, type Catalogue } from '../i18n/catalogues.ts';
import { Refusal } from '../../engine/validation/index.ts';
import { LessonError, parseLesson } from './validate-lesson.ts';

const TEXTS: Record<string, Catalogue> = Object.fromEntries(
  Object.entries(catalogues).map(([locale, catalogue]) => [
    locale,
    { ...catalogue, 'lessons.t.title': 'T', 'lessons.t.summary': 'S', 'lessons.t.say': 'Say' } as Catalogue,
  ]),
);

/** A lesson from JSON text with `stepJson` as its only step (so JSON.parse makes the hostile values). */
const fileWith = (stepJson: string, top = '"id":"t"') =>
  JSON.parse(
    `{${top},"title":"lessons.t.title","summary":"lessons.t.summary","steps":[${stepJson}]}`,
  ) as unknown;

function errorOf(raw: unknown): LessonError {
  try {
    parseLesson(raw, 'hostile.json', TEXTS);
  } catch (error) {
    expect(error).toBeInstanceOf(LessonError);
    return error as LessonError;
  }
  throw new Error('expected the lesson to be refused');
}

describe('hostile lesson files', () => {
  it.each([
    ['{"say":"lessons.t.say","set":{"seed":"0x10"}}', 'step 1, set.seed', '"0x10"'],
    ['{"say":"lessons.t.say","set":{"seed":1e400}}', 'step 1, set.seed', 'Infinity'],
    ['{"say":"lessons.t.say","set":{"seed":-0.5}}', 'step 1, set.seed', '-0.5'],
    ['{"say":"lessons.t.say","set":{"seed":" 5"}}', 'step 1, set.seed', '" 5"'],
    ['{"say":"lessons.t.say","set":{"days":-0}}', 'step 1, set.days', '0'],
    ['{"say":"lessons.t.say","set":{"scenario":"__proto__"}}', 'step 1, set.scenario', '"__proto__"'],
    ['{"say":"lessons.t.say","set":{"population":[200]}}', 'step 1, set.population', '[200]'],
    [
      '{"say":"lessons.t.say","set":{"population":{"retailShare":"0.5"}}}',
      'step 1, set.population.retailShare',
      '"0.5"',
    ],
    [
      '{"say":"lessons.t.say","set":{"population":{"__proto__":{"traders":5}}}}',
      'step 1, set.population, field name',
      '"__proto__"',
    ],
    [
      '{"say":"lessons.t.say","set":{"ruleSets":[{"preset":"us-cftc"}]}}',
      'step 1, set.ruleSets',
      '[{"preset":"us-cftc"}]',
    ],
    [
      '{"say":"lessons.t.say","set":{"ruleSets":{"A":{"preset":"constructor"}}}}',
      'step 1, set.ruleSets.A.preset',
      '"constructor"',
    ],
    [
      '{"say":"lessons.t.say","set":{"ruleSets":{"A":{"preset":"us-cftc","overrides":{"perp.maxLeverage":"20"}}}}}',
      'step 1, set.ruleSets.A.overrides.perp.maxLeverage',
      '"20"',
    ],
    ['{"say":"lessons.t.say","run":"true"}', 'step 1, run', '"true"'],
    ['{"say":["lessons.t.say"]}', 'step 1, say', '["lessons.t.say"]'],
    ['[]', 'step 1', '[]'],
  ])('refuses %s, naming %s', (step, field, given) => {
    const error = errorOf(fileWith(step));
    const refusal = error.refusals.find((r) => r.field === field);
    expect(refusal, error.message).toBeInstanceOf(Refusal);
    expect(refusal!.message).toMatch(
      new RegExp(`^${field.replace(/[.[\]]/g, '\\$&')} must be .+ \\(got .+\\)$`),
    );
    expect(refusal!.message.endsWith(`(got ${given})`)).toBe(true);
    expect(error.problems).toContain(refusal!.message);
    expect(Object.prototype).not.toHaveProperty('traders');
  });

  it('refuses ids that a link could not carry, shown short', () => {
    for (const id of ['__proto__', 'Lesson', ' a', 'a'.repeat(65), 'x'.repeat(10_000)]) {
      const error = errorOf(fileWith('{"say":"lessons.t.say"}', `"id":${JSON.stringify(id)}`));
      expect(error.refusals.map((r) => r.field)).toEqual(['id']);
      expect(error.problems[0]!.length).toBeLessThan(200);
    }
  });

  it('refuses a file that is not one object, and steps that are not a list', () => {
    expect(errorOf([]).problems).toEqual(['the file must be a single JSON object (got [])']);
    expect(errorOf(null).refusals[0]!.field).toBe('the file');
    const steps = JSON.parse(
      '{"id":"t","title":"lessons.t.title","summary":"lessons.t.summary","steps":{"0":{"say":"lessons.t.say"}}}',
    ) as unknown;
    expect(errorOf(steps).problems).toEqual([
      'steps must be a list of at least one step (got {"0":{"say":"lessons.t.say"}})',
    ]);
  });

  it('refuses hostile answers with the field named', () => {
    const ask = (answer: string, choices = '["lessons.t.say","lessons.t.say","lessons.t.say"]') =>
      `{"say":"lessons.t.say","run":true,"ask":{"question":"lessons.t.say","choices":${choices},"answer":${answer}}}`;
    const fields = (step: string) => errorOf(fileWith(step)).refusals.map((r) => r.field);
    expect(fields(ask('[1,2]'))).toEqual(['step 1, ask.answer']);
    expect(fields(ask('{"most":["A.adl.count","B.adl.count"],"tolerance":1}'))).toEqual([
      'step 1, ask.answer.tolerance',
    ]);
    expect(fields(ask('{"pick":"A.adl.count","bands":[1e400]}'))).toEqual(['step 1, ask.answer.bands']);
    expect(fields(ask('{"compare":[{},">",0]}', '["lessons.t.say","lessons.t.say"]'))).toEqual([
      'step 1, ask.answer.compare[0]',
    ]);
    expect(fields(ask('{"pick":"A.adl.count"}', '"lessons.t.say"'))).toEqual(['step 1, ask.choices']);
  });
});
