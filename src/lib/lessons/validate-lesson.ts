/**
 * Checking a lesson file when it loads, with messages a teacher can act on: which file, which step, which
 * field, what was wrong and what is allowed. Every text key must exist in every language's catalogue; every
 * state a step sets must pass the engine's own validators (the run config and the custom regime); every number
 * a question or reveal uses must exist.
 */
import { catalogues, type Catalogue, type MessageKey } from '../i18n/catalogues.ts';
import { resolveRegime, validateRunConfig } from '../../engine/run/config.ts';
import { isPresetId } from '../../engine/regimes/catalogue.ts';
import { PRESET_IDS } from '../../engine/regimes/types.ts';
import { isGuardrailKey } from '../../engine/regimes/guardrail-keys.ts';
import { isScenarioId, SCENARIO_IDS } from '../../engine/scenarios/catalogue.ts';
import { defaultSettings } from '../app-settings.ts';
import { choiceCount, COMPARISONS, PLACEHOLDER, placeholdersOf, type Answer } from './answers.ts';
import { applySet, configsOf, freshAtEntry, SET_FIELDS, type Lesson, type LessonStep } from './lesson.ts';
import { numberSpec } from './run-numbers.ts';

const STEP_FIELDS = ['set', 'say', 'ask', 'run', 'reveal'];
const LESSON_FIELDS = ['id', 'title', 'summary', 'steps'];
const POPULATION_FIELDS = ['traders', 'retailShare', 'leakage', 'refusedChoice'];

/** A lesson file that cannot be used; `problems` lists every one found, each on its own line. */
export class LessonError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`lesson ${file} cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LessonError';
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

class Checker {
  readonly problems: string[] = [];
  constructor(private readonly texts: Readonly<Record<string, Catalogue>>) {}

  problem(where: string, message: string) {
    this.problems.push(`${where}: ${message}`);
  }

  unknownFields(where: string, value: Json, allowed: readonly string[]) {
    for (const field of Object.keys(value))
      if (!allowed.includes(field))
        this.problem(where, `unknown field "${field}" (allowed: ${allowed.join(', ')})`);
  }

  /** A catalogue key of the lessons area that every language has. */
  key(where: string, value: unknown, { numbers = false } = {}): value is MessageKey {
    if (typeof value !== 'string' || !value.startsWith('lessons.')) {
      this.problem(
        where,
        `must be a text key of the lessons catalogue, starting with "lessons." (got ${show(value)})`,
      );
      return false;
    }
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
    if (typeof value === 'number' && Number.isFinite(value)) return;
    if (typeof value !== 'string') {
      this.problem(
        where,
        `must be a number or a run number such as "A.liquidations.traders" (got ${show(value)})`,
      );
      return;
    }
    try {
      numberSpec(value);
    } catch (error) {
      this.problem(where, (error as Error).message);
    }
  }

  answer(where: string, value: unknown, choices: number | null) {
    if (!isObject(value)) {
      this.problem(where, `must be an object with one of compare, most, least or pick (got ${show(value)})`);
      return;
    }
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
      const c = value.compare;
      if (!Array.isArray(c) || c.length !== 3 || !(COMPARISONS as readonly unknown[]).includes(c[1])) {
        this.problem(
          `${where}.compare`,
          `must be [number, comparison, number] with a comparison among ${COMPARISONS.join(' ')} (got ${show(c)})`,
        );
        return;
      }
      this.operand(`${where}.compare[0]`, c[0]);
      this.operand(`${where}.compare[2]`, c[2]);
    } else if (kind === 'most' || kind === 'least') {
      this.unknownFields(where, value, [kind, 'tolerance']);
      const operands = value[kind];
      if (!Array.isArray(operands) || operands.length < 2) {
        this.problem(`${where}.${kind}`, `must list at least two numbers to compare (got ${show(operands)})`);
        return;
      }
      operands.forEach((o, i) => this.operand(`${where}.${kind}[${i}]`, o));
      const tolerance = value.tolerance;
      if (tolerance !== undefined && !(typeof tolerance === 'number' && tolerance >= 0 && tolerance < 1))
        this.problem(
          `${where}.tolerance`,
          `must be a share from 0 up to 1, such as 0.1 for 10% (got ${show(tolerance)})`,
        );
    } else {
      this.unknownFields(where, value, ['pick', 'bands']);
      this.operand(`${where}.pick`, value.pick);
      const bands = value.bands;
      if (
        bands !== undefined &&
        !(
          Array.isArray(bands) &&
          bands.length > 0 &&
          bands.every((b, i) => typeof b === 'number' && Number.isFinite(b) && (i === 0 || b > bands[i - 1]))
        )
      )
        this.problem(`${where}.bands`, `must be ascending numbers, such as [1, 50] (got ${show(bands)})`);
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

  set(where: string, value: unknown) {
    if (!isObject(value)) {
      this.problem(where, `must be an object (got ${show(value)})`);
      return;
    }
    this.unknownFields(where, value, SET_FIELDS);
    if (value.scenario !== undefined && !isScenarioId(value.scenario))
      this.problem(
        `${where}.scenario`,
        `unknown scenario ${show(value.scenario)} (allowed: ${SCENARIO_IDS.join(', ')})`,
      );
    if (value.days !== undefined && value.days !== null && typeof value.days !== 'number')
      this.problem(`${where}.days`, `must be a number of days or null (got ${show(value.days)})`);
    if (value.seed !== undefined && typeof value.seed !== 'number')
      this.problem(`${where}.seed`, `must be a whole number (got ${show(value.seed)})`);
    if (value.affiliatedMarketMaker !== undefined && typeof value.affiliatedMarketMaker !== 'boolean')
      this.problem(
        `${where}.affiliatedMarketMaker`,
        `must be true or false (got ${show(value.affiliatedMarketMaker)})`,
      );
    if (value.population !== undefined) {
      if (isObject(value.population))
        this.unknownFields(`${where}.population`, value.population, POPULATION_FIELDS);
      else this.problem(`${where}.population`, `must be an object (got ${show(value.population)})`);
    }
    if (value.ruleSets !== undefined) {
      if (!isObject(value.ruleSets)) {
        this.problem(`${where}.ruleSets`, `must be an object with A and/or B (got ${show(value.ruleSets)})`);
        return;
      }
      this.unknownFields(`${where}.ruleSets`, value.ruleSets, ['A', 'B']);
      for (const letter of ['A', 'B'] as const) {
        const choice = value.ruleSets[letter];
        if (choice === undefined) continue;
        const at = `${where}.ruleSets.${letter}`;
        if (!isObject(choice)) {
          this.problem(at, `must be an object with a preset (got ${show(choice)})`);
          continue;
        }
        this.unknownFields(at, choice, ['preset', 'overrides']);
        if (!isPresetId(choice.preset))
          this.problem(
            `${at}.preset`,
            `unknown preset ${show(choice.preset)} (allowed: ${PRESET_IDS.join(', ')})`,
          );
        if (choice.overrides !== undefined) {
          if (!isObject(choice.overrides)) this.problem(`${at}.overrides`, `must be an object of guardrails`);
          else
            for (const key of Object.keys(choice.overrides))
              if (!isGuardrailKey(key))
                this.problem(`${at}.overrides`, `unknown guardrail "${key}" (see regimes/guardrail-keys.ts)`);
        }
      }
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
  if (!isObject(raw)) throw new LessonError(file, [`the file must hold one JSON object (got ${show(raw)})`]);
  check.unknownFields('lesson', raw, LESSON_FIELDS);
  if (typeof raw.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(raw.id))
    check.problem(
      'id',
      `must be lower-case letters, digits and hyphens, such as "insurance-fund" (got ${show(raw.id)})`,
    );
  check.key('title', raw.title);
  check.key('summary', raw.summary);
  if (!Array.isArray(raw.steps) || raw.steps.length === 0) {
    check.problem('steps', `must be a list of at least one step (got ${show(raw.steps)})`);
    throw new LessonError(file, check.problems);
  }
  raw.steps.forEach((step: unknown, i: number) => {
    if (!isObject(step)) {
      check.problem(`step ${i + 1}`, `must be an object (got ${show(step)})`);
      return;
    }
    check.unknownFields(`step ${i + 1}`, step, STEP_FIELDS);
    check.key(where(i, 'say'), step.say);
    if (step.set !== undefined) check.set(where(i, 'set'), step.set);
    if (step.run !== undefined && typeof step.run !== 'boolean')
      check.problem(where(i, 'run'), `must be true or false (got ${show(step.run)})`);
    if (step.reveal !== undefined) check.key(where(i, 'reveal'), step.reveal, { numbers: true });
    if (step.ask !== undefined) {
      const ask = step.ask;
      if (!isObject(ask)) {
        check.problem(
          where(i, 'ask'),
          `must be an object with question, choices and answer (got ${show(ask)})`,
        );
        return;
      }
      check.unknownFields(where(i, 'ask'), ask, ['question', 'choices', 'answer']);
      check.key(where(i, 'ask.question'), ask.question);
      const choices = Array.isArray(ask.choices) && ask.choices.length >= 2 ? ask.choices : null;
      if (!choices)
        check.problem(where(i, 'ask.choices'), `must list at least two text keys (got ${show(ask.choices)})`);
      else choices.forEach((c, k) => check.key(where(i, `ask.choices[${k}]`), c));
      // A checker of its own: the choice count is compared only when the answer itself is sound.
      const answers = new Checker(texts);
      answers.answer(where(i, 'ask.answer'), ask.answer, choices ? choices.length : null);
      check.problems.push(...answers.problems);
    }
  });
  if (check.problems.length > 0) throw new LessonError(file, check.problems);

  // The state each step sets, as the engine sees it: run configs and custom regimes.
  const lesson = raw as unknown as Lesson;
  lesson.steps.forEach((step, i) => {
    if (step.reveal && !step.ask && !step.run && !freshAtEntry(lesson, i))
      check.problem(
        where(i, 'reveal'),
        'shows run numbers, but nothing has run since the settings last changed: add "run": true to this step',
      );
  });
  let settings = defaultSettings();
  lesson.steps.forEach((step: LessonStep, i) => {
    settings = applySet(settings, step.set);
    if (!step.set) return;
    configsOf(settings).forEach((config, r) => {
      const letter = r === 0 ? 'A' : 'B';
      try {
        validateRunConfig(config);
        resolveRegime(config);
      } catch (error) {
        check.problem(where(i, 'set'), `rule set ${letter}: ${(error as Error).message}`);
      }
    });
  });
  if (check.problems.length > 0) throw new LessonError(file, check.problems);
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
