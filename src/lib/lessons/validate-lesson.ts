/**
 * Checking a lesson file when it loads, with messages a teacher can act on: which file, which step, which
 * field, what was wrong and what is allowed. Every text key must exist in every language's catalogue; every
 * state a step sets must pass the engine's own validators (the run config and the custom regime); every number
 * a question or reveal uses must exist. Values are checked with the rules of the shared validation layer
 * (src/engine/validation): a refused value reads "step 2, set.seed must be a whole number from 0 to … (got 1.5)".
 */
import { catalogues, type Catalogue, type MessageKey } from '../i18n/catalogues.ts';
import { resolveRegime, validateRunConfig } from '../../engine/run/config.ts';
import { PRESET_IDS } from '../../engine/regimes/types.ts';
import { isGuardrailKey, type GuardrailKey } from '../../engine/regimes/guardrail-keys.ts';
import { SCENARIO_IDS } from '../../engine/scenarios/catalogue.ts';
import { MAX_TRADERS, MIN_TRADERS } from '../../engine/population/settings.ts';
import {
  Refusal,
  above,
  between,
  described,
  finiteNumber,
  flag,
  isPlainRecord,
  isRefusal,
  oneOf,
  orNone,
  ownField,
  read,
  textMatching,
  wholeNumber,
  type Rule,
} from '../../engine/validation/index.ts';
import { defaultSettings } from '../app-settings.ts';
import { overrideRule } from '../url-state/override-shapes.ts';
import { LESSON_ID, MAX_LESSON_ID_LENGTH } from '../url-state/validate.ts';
import { choiceCount, COMPARISONS, PLACEHOLDER, placeholdersOf, type Answer } from './answers.ts';
import { applySet, configsOf, freshAtEntry, SET_FIELDS, type Lesson, type LessonStep } from './lesson.ts';
import { numberSpec } from './run-numbers.ts';
import { readCompactSweep } from '../sweep-choice.ts';

const STEP_FIELDS = ['set', 'say', 'ask', 'run', 'reveal', 'sweep'];
const LESSON_FIELDS = ['id', 'title', 'summary', 'steps'];

/** A lesson file that cannot be used; `problems` lists every one found, each on its own line. */
export class LessonError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
    /** The problems that are refused values, as data: field, value given and what is allowed. */
    readonly refusals: readonly Refusal[] = [],
  ) {
    super(`lesson ${file} cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LessonError';
  }
}

type Json = Record<string, unknown>;

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

const object = (words: string): Rule<Json> => described(words, isPlainRecord);

/** The rules of the shared validation layer for a lesson file's fields. */
const RULES = {
  file: object('a single JSON object'),
  // A lesson id travels in links (`#lesson=…`, the link state's `ls`), so it follows their rule.
  id: textMatching(
    LESSON_ID,
    `lower-case letters, digits and hyphens, such as "insurance-fund" (at most ${MAX_LESSON_ID_LENGTH} characters)`,
    MAX_LESSON_ID_LENGTH,
  ),
  textKey: described(
    'a text key of the lessons catalogue, starting with "lessons."',
    (v): v is string => typeof v === 'string' && v.startsWith('lessons.'),
  ),
  steps: described('a list of at least one step', (v): v is unknown[] => Array.isArray(v) && v.length > 0),
  step: object('an object'),
  run: flag,
  ask: object('an object with question, choices and answer'),
  choices: described(
    'a list of at least two text keys',
    (v): v is unknown[] => Array.isArray(v) && v.length >= 2,
  ),
  answer: object('an object with one of compare, most, least or pick'),
  compare: described(
    `[number, comparison, number] with a comparison among ${COMPARISONS.join(' ')}`,
    (c): c is [unknown, string, unknown] =>
      Array.isArray(c) && c.length === 3 && (COMPARISONS as readonly unknown[]).includes(c[1]),
  ),
  operands: described(
    'a list of at least two numbers to compare',
    (v): v is unknown[] => Array.isArray(v) && v.length >= 2,
  ),
  operand: described(
    'a number or a run number such as "A.liquidations.traders"',
    (v): v is number | string => finiteNumber.accepts(v) || typeof v === 'string',
  ),
  tolerance: described(
    'a share from 0 up to 1, such as 0.1 for 10%',
    between(0, 1, { maxExcluded: true }).accepts,
  ),
  bands: described(
    'ascending numbers, such as [1, 50]',
    (v): v is number[] =>
      Array.isArray(v) &&
      v.length > 0 &&
      v.every((b, i) => finiteNumber.accepts(b) && (i === 0 || b > (v[i - 1] as number))),
  ),
  set: object('an object'),
  scenario: oneOf(SCENARIO_IDS),
  days: orNone(above(0, undefined, { unit: 'days' })),
  seed: wholeNumber(0, Number.MAX_SAFE_INTEGER),
  population: object('an object'),
  population_: {
    traders: wholeNumber(MIN_TRADERS, MAX_TRADERS),
    retailShare: between(0, 1),
    leakage: between(0, 1),
    refusedChoice: oneOf(['spot', 'stay-out']),
  } as Readonly<Record<string, Rule<unknown>>>,
  ruleSets: object('an object with A and/or B'),
  ruleSet: object('an object with a preset'),
  preset: oneOf(PRESET_IDS),
  overrides: object('an object of guardrails'),
  guardrailKey: described(
    'a key from regimes/guardrail-keys.ts',
    (k): k is GuardrailKey => typeof k === 'string' && isGuardrailKey(k),
  ),
} as const;

class Checker {
  readonly problems: string[] = [];
  readonly refusals: Refusal[] = [];
  constructor(private readonly texts: Readonly<Record<string, Catalogue>>) {}

  problem(where: string, message: string) {
    this.problems.push(`${where}: ${message}`);
  }

  /** A refused value, in the layer's one form: "step 2, set.seed must be a whole number … (got 1.5)". */
  refuse(refusal: Refusal) {
    this.refusals.push(refusal);
    this.problems.push(refusal.message);
  }

  /** Whether `rule` allows `value`; a refusal naming `where` is noted otherwise. */
  check<T>(where: string, value: unknown, rule: Rule<T>): value is T {
    const reading = read(where, value, rule);
    if (!reading.ok) this.refuse(reading.refusal);
    return reading.ok;
  }

  unknownFields(where: string, value: Json, allowed: readonly string[]) {
    for (const field of Object.keys(value)) this.check(`${where}, field name`, field, oneOf(allowed));
  }

  /** A step's sweep is an object of the sweep view's fields (then checked as a link's sweep). */
  sweepObject(value: unknown): Json {
    if (isPlainRecord(value)) return value;
    throw new Refusal('sweep', value, {
      kind: 'words',
      text: 'an object { ruleSet, guardrail, from, to, steps, seeds, outcome }',
    });
  }

  /** A catalogue key of the lessons area that every language has. */
  key(where: string, value: unknown, { numbers = false } = {}): value is MessageKey {
    if (!this.check(where, value, RULES.textKey)) return false;
    const english = this.texts.en?.[value as MessageKey];
    if (english === undefined) {
      this.problem(where, `"${value}" is missing from the English catalogue (messages/en/lessons.json)`);
      return false;
    }
    for (const locale of Object.keys(this.texts)) {
      const text = this.texts[locale]![value as MessageKey];
      if (text === undefined) {
        this.problem(
          where,
          `"${value}" is missing from the ${locale} catalogue (messages/${locale}/lessons.json)`,
        );
        continue;
      }
      if (!numbers) {
        if (text.match(PLACEHOLDER))
          this.problem(
            where,
            `"${value}" (${locale}) has run numbers in braces; only a reveal can show them`,
          );
        continue;
      }
      try {
        const paths = placeholdersOf(text)
          .map((p) => p.text)
          .sort();
        const reference = placeholdersOf(english)
          .map((p) => p.text)
          .sort();
        if (show(paths) !== show(reference))
          this.problem(
            where,
            `"${value}" (${locale}) must show the same numbers as the English text (${reference.join(' ') || 'none'}; got ${paths.join(' ') || 'none'})`,
          );
      } catch (error) {
        this.problem(where, `"${value}" (${locale}): ${(error as Error).message}`);
      }
    }
    return true;
  }

  operand(where: string, value: unknown) {
    if (!this.check(where, value, RULES.operand) || typeof value !== 'string') return;
    try {
      numberSpec(value);
    } catch (error) {
      this.problem(where, (error as Error).message);
    }
  }

  answer(where: string, value: unknown, choices: number | null) {
    if (!this.check(where, value, RULES.answer)) return;
    const kinds = ['compare', 'most', 'least', 'pick'].filter((k) => Object.hasOwn(value, k));
    if (kinds.length !== 1) {
      this.problem(
        where,
        `must have exactly one of compare, most, least or pick (got ${kinds.join(', ') || 'none'})`,
      );
      return;
    }
    const kind = kinds[0]!;
    if (kind === 'compare') {
      this.unknownFields(where, value, ['compare']);
      const c = ownField(value, 'compare');
      if (!this.check(`${where}.compare`, c, RULES.compare)) return;
      this.operand(`${where}.compare[0]`, c[0]);
      this.operand(`${where}.compare[2]`, c[2]);
    } else if (kind === 'most' || kind === 'least') {
      this.unknownFields(where, value, [kind, 'tolerance']);
      const operands = ownField(value, kind);
      if (!this.check(`${where}.${kind}`, operands, RULES.operands)) return;
      operands.forEach((o, i) => this.operand(`${where}.${kind}[${i}]`, o));
      const tolerance = ownField(value, 'tolerance');
      if (tolerance !== undefined) this.check(`${where}.tolerance`, tolerance, RULES.tolerance);
    } else {
      this.unknownFields(where, value, ['pick', 'bands']);
      this.operand(`${where}.pick`, ownField(value, 'pick'));
      const bands = ownField(value, 'bands');
      if (bands !== undefined) this.check(`${where}.bands`, bands, RULES.bands);
    }
    if (choices !== null && this.problems.length === 0) {
      const needed = choiceCount(value as unknown as Answer);
      if (needed !== choices)
        this.problem(
          where,
          `a "${kind}" answer over these numbers needs ${needed} choices (the question has ${choices}): ${
            kind === 'compare'
              ? 'the first for true, the second for false'
              : kind === 'pick'
                ? 'one per band'
                : 'one per number compared, then one for "about the same"'
          }`,
        );
    }
  }

  /** An optional field: checked by `rule` when present. */
  optional(where: string, record: Json, field: string, rule: Rule<unknown>) {
    const value = ownField(record, field);
    if (value !== undefined) this.check(`${where}.${field}`, value, rule);
  }

  set(where: string, value: unknown) {
    if (!this.check(where, value, RULES.set)) return;
    this.unknownFields(where, value, SET_FIELDS);
    this.optional(where, value, 'scenario', RULES.scenario);
    this.optional(where, value, 'days', RULES.days);
    this.optional(where, value, 'seed', RULES.seed);
    this.optional(where, value, 'affiliatedMarketMaker', flag);
    const population = ownField(value, 'population');
    if (population !== undefined && this.check(`${where}.population`, population, RULES.population)) {
      this.unknownFields(`${where}.population`, population, Object.keys(RULES.population_));
      for (const [field, rule] of Object.entries(RULES.population_))
        this.optional(`${where}.population`, population, field, rule);
    }
    const ruleSets = ownField(value, 'ruleSets');
    if (ruleSets === undefined || !this.check(`${where}.ruleSets`, ruleSets, RULES.ruleSets)) return;
    this.unknownFields(`${where}.ruleSets`, ruleSets, ['A', 'B']);
    for (const letter of ['A', 'B'] as const) {
      const choice = ownField(ruleSets, letter);
      const at = `${where}.ruleSets.${letter}`;
      if (choice === undefined || !this.check(at, choice, RULES.ruleSet)) continue;
      this.unknownFields(at, choice, ['preset', 'overrides']);
      this.check(`${at}.preset`, ownField(choice, 'preset'), RULES.preset);
      const overrides = ownField(choice, 'overrides');
      if (overrides === undefined || !this.check(`${at}.overrides`, overrides, RULES.overrides)) continue;
      // Each value has the JSON shape of its guardrail (as in a link); the engine then checks its range.
      for (const [key, given] of Object.entries(overrides))
        if (this.check(`${at}.overrides, guardrail key`, key, RULES.guardrailKey))
          this.check(`${at}.overrides.${key}`, given, overrideRule(key));
    }
  }
}

function where(step: number, field: string): string {
  return `step ${step + 1}, ${field}`;
}

/**
 * A lesson from a parsed JSON file, checked; a LessonError listing every problem otherwise. `texts` are the
 * catalogues to check keys against (all shipped languages by default).
 */
export function parseLesson(
  raw: unknown,
  file: string,
  texts: Readonly<Record<string, Catalogue>> = catalogues,
): Lesson {
  const check = new Checker(texts);
  const fail = () => new LessonError(file, check.problems, check.refusals);
  if (!check.check('the file', raw, RULES.file)) throw fail();
  check.unknownFields('lesson', raw, LESSON_FIELDS);
  check.check('id', ownField(raw, 'id'), RULES.id);
  check.key('title', ownField(raw, 'title'));
  check.key('summary', ownField(raw, 'summary'));
  const steps = ownField(raw, 'steps');
  if (!check.check('steps', steps, RULES.steps)) throw fail();
  steps.forEach((step: unknown, i: number) => {
    if (!check.check(`step ${i + 1}`, step, RULES.step)) return;
    check.unknownFields(`step ${i + 1}`, step, STEP_FIELDS);
    check.key(where(i, 'say'), ownField(step, 'say'));
    const set = ownField(step, 'set');
    if (set !== undefined) check.set(where(i, 'set'), set);
    const run = ownField(step, 'run');
    if (run !== undefined) check.check(where(i, 'run'), run, RULES.run);
    const reveal = ownField(step, 'reveal');
    if (reveal !== undefined) check.key(where(i, 'reveal'), reveal, { numbers: true });
    const ask = ownField(step, 'ask');
    if (ask === undefined || !check.check(where(i, 'ask'), ask, RULES.ask)) return;
    check.unknownFields(where(i, 'ask'), ask, ['question', 'choices', 'answer']);
    check.key(where(i, 'ask.question'), ownField(ask, 'question'));
    const given = ownField(ask, 'choices');
    const choices = check.check(where(i, 'ask.choices'), given, RULES.choices) ? given : null;
    choices?.forEach((c, k) => check.key(where(i, `ask.choices[${k}]`), c));
    // A checker of its own: the choice count is compared only when the answer itself is sound.
    const answers = new Checker(texts);
    answers.answer(where(i, 'ask.answer'), ownField(ask, 'answer'), choices ? choices.length : null);
    check.problems.push(...answers.problems);
    check.refusals.push(...answers.refusals);
  });
  if (check.problems.length > 0) throw fail();

  // The state each step sets, as the engine sees it: run configs and custom regimes.
  const lesson = raw as unknown as Lesson;
  lesson.steps.forEach((step, i) => {
    if (step.reveal && !step.ask && !step.run && !step.sweep && !freshAtEntry(lesson, i))
      check.problem(
        where(i, 'reveal'),
        'shows run numbers, but nothing has run since the settings last changed: add "run": true to this step',
      );
  });
  let settings = defaultSettings();
  lesson.steps.forEach((step: LessonStep, i) => {
    settings = applySet(settings, step.set);
    // A sweep is checked as a link's is, against the step's settings (every value a valid rule set).
    const sweep: unknown = step.sweep;
    if (sweep !== undefined)
      try {
        const given = check.sweepObject(sweep);
        const letter = ownField(given, 'ruleSet');
        const { regime: _regime, overrides: _overrides, ...run } = configsOf(settings)[0];
        readCompactSweep(
          {
            r: letter === 'A' ? 0 : letter === 'B' ? 1 : letter,
            g: ownField(given, 'guardrail'),
            f: ownField(given, 'from'),
            t: ownField(given, 'to'),
            n: ownField(given, 'steps'),
            s: ownField(given, 'seeds'),
            o: ownField(given, 'outcome'),
          },
          {
            run,
            ruleSets: [settings.ruleSets[0], settings.ruleSets[1]],
          },
        );
      } catch (error) {
        if (isRefusal(error)) check.refuse(error.within(`step ${i + 1}`));
        else check.problem(where(i, 'sweep'), (error as Error).message);
      }
    if (!step.set) return;
    configsOf(settings).forEach((config, r) => {
      const letter = r === 0 ? 'A' : 'B';
      try {
        validateRunConfig(config);
        resolveRegime(config);
      } catch (error) {
        // The engine's refusal, as it stands, under the step and the rule set ("step 3, rule set B, BTC
        // haircut must be …"); a plain error keeps its message.
        if (isRefusal(error)) check.refuse(error.within(`step ${i + 1}, rule set ${letter}`));
        else check.problem(where(i, 'set'), `rule set ${letter}: ${(error as Error).message}`);
      }
    });
  });
  if (check.problems.length > 0) throw fail();
  return lesson;
}

export interface LoadedLessons {
  lessons: Lesson[];
  /** One LessonError per file that cannot be used (the others still load). */
  problems: LessonError[];
}

/** Lessons from files by path (as import.meta.glob gives them), in file-name order; bad files are reported. */
export function loadLessons(
  files: Record<string, unknown>,
  texts: Readonly<Record<string, Catalogue>> = catalogues,
): LoadedLessons {
  const lessons: Lesson[] = [];
  const problems: LessonError[] = [];
  for (const path of Object.keys(files).sort()) {
    const file = path.split('/').at(-1)!;
    try {
      const lesson = parseLesson(files[path], file, texts);
      if (lessons.some((l) => l.id === lesson.id))
        throw new LessonError(file, [`id: another lesson file already uses the id "${lesson.id}"`]);
      lessons.push(lesson);
    } catch (error) {
      problems.push(error instanceof LessonError ? error : new LessonError(file, [(error as Error).message]));
    }
  }
  return { lessons, problems };
}
