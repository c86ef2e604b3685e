/**
 * A lesson is data (src/lessons/*.json, documented in doc/lessons.md): an id, a title, and steps that set the
 * simulator's state, say something, may ask a question whose answer the run computes, may run, and may reveal
 * the run's numbers. Text is never in the file: it holds catalogue keys, so lessons translate like the app.
 * A step's `set` changes only what it names; the settings at step n are the defaults with steps 1…n applied in
 * order, so a lesson (and a link to one of its steps) always shows the same runs.
 */
import { defaultSettings, type AppSettings } from '../app-settings.ts';
import type { MessageKey } from '../i18n/catalogues.ts';
import type { RunConfig } from '../../engine/run/config.ts';
import type { PresetId } from '../../engine/regimes/types.ts';
import type { RegimeOverrides } from '../../engine/regimes/guardrail-keys.ts';
import type { ScenarioId } from '../../engine/scenarios/types.ts';
import type { PopulationSettings } from '../../engine/population/settings.ts';
import type { Answer } from './answers.ts';
import type { SweepChoice } from '../sweep-choice.ts';
import type { SweepOutcome } from '../../engine/run/sweep.ts';

export interface RuleSetSetting {
  preset: PresetId;
  /** Guardrails changed from the preset, by key (regimes/guardrail-keys.ts). */
  overrides?: RegimeOverrides;
}

/** What a step may set; anything left out keeps its value from the steps before. */
export interface LessonSet {
  scenario?: ScenarioId;
  /** Synthetic scenarios only; null: the scenario's default length. */
  days?: number | null;
  ruleSets?: { A?: RuleSetSetting; B?: RuleSetSetting };
  population?: Partial<PopulationSettings>;
  seed?: number;
  affiliatedMarketMaker?: boolean;
}

export const SET_FIELDS = [
  'scenario',
  'days',
  'ruleSets',
  'population',
  'seed',
  'affiliatedMarketMaker',
] as const;

export interface LessonAsk {
  question: MessageKey;
  choices: MessageKey[];
  answer: Answer;
}

export interface LessonStep {
  set?: LessonSet;
  say: MessageKey;
  ask?: LessonAsk;
  /** Run the two rule sets in this step: on entering it, or, with a question, when the student checks. */
  run?: boolean;
  /** Shown after the run (after the check, with a question), with `{A.…}` placeholders filled. */
  reveal?: MessageKey;
  /**
   * A policy frontier to open below the stage (issue 20), on this step's settings. With it, the reveal is
   * filled once the sweep has finished: `{sweep}` is the frontier's own summary sentence, from its points.
   */
  sweep?: LessonSweep;
}

/** The sweep view's choice for a step's sweep (checked by validate-lesson.ts). */
export function sweepChoiceOf(sweep: LessonSweep): SweepChoice {
  return {
    ruleSet: sweep.ruleSet === 'A' ? 0 : 1,
    guardrail: sweep.guardrail,
    from: sweep.from,
    to: sweep.to,
    steps: sweep.steps,
    seeds: sweep.seeds,
    outcome: sweep.outcome as SweepOutcome,
  };
}

/** The sweep a step opens: as a link's `sw` (lib/sweep-choice.ts), with the rule set by its letter. */
export interface LessonSweep {
  ruleSet: 'A' | 'B';
  guardrail: string;
  from: number;
  to: number;
  steps: number;
  seeds: number;
  outcome: string;
}

export interface Lesson {
  id: string;
  title: MessageKey;
  summary: MessageKey;
  steps: LessonStep[];
}

/** `set` applied to `settings` (a new object; `settings` is not changed). */
export function applySet(settings: AppSettings, set: LessonSet | undefined): AppSettings {
  if (!set) return settings;
  const next: AppSettings = {
    ...settings,
    ruleSets: [settings.ruleSets[0], settings.ruleSets[1]],
    population: { ...settings.population, ...set.population },
  };
  if (set.scenario !== undefined) {
    next.scenario = set.scenario;
    // A new scenario starts at its own default length unless the step says otherwise.
    next.days = undefined;
  }
  if (set.days !== undefined) next.days = set.days ?? undefined;
  if (set.seed !== undefined) next.seed = set.seed;
  if (set.affiliatedMarketMaker !== undefined) next.affiliatedMarketMaker = set.affiliatedMarketMaker;
  (['A', 'B'] as const).forEach((letter, i) => {
    const choice = set.ruleSets?.[letter];
    if (choice) next.ruleSets[i] = { preset: choice.preset, overrides: { ...choice.overrides } };
  });
  return next;
}

/** The settings at step `index` (from 0): the defaults with the `set` of every step up to it applied. */
export function settingsAt(lesson: Pick<Lesson, 'steps'>, index: number): AppSettings {
  let settings = defaultSettings();
  for (const step of lesson.steps.slice(0, index + 1)) settings = applySet(settings, step.set);
  return settings;
}

/** The two run configs the settings describe (as AppState.configs builds them, without followed traders). */
export function configsOf(settings: AppSettings): [RunConfig, RunConfig] {
  const config = (i: 0 | 1): RunConfig => ({
    scenario: settings.scenario,
    seed: settings.seed,
    population: { ...settings.population },
    affiliatedMarketMaker: settings.affiliatedMarketMaker,
    ...(settings.days === undefined ? {} : { days: settings.days }),
    regime: settings.ruleSets[i].preset,
    overrides: settings.ruleSets[i].overrides,
  });
  return [config(0), config(1)];
}

/**
 * Whether the runs the student has seen match step `index`'s settings when it opens, walking the lesson in
 * order: a `set` makes earlier runs stale; a step that runs, or asks (the check runs what it needs), makes them
 * current. A player opened on a later step by a link runs what the step expects to be on screen.
 */
export function freshAtEntry(lesson: Pick<Lesson, 'steps'>, index: number): boolean {
  let fresh = false;
  for (const [i, step] of lesson.steps.entries()) {
    if (step.set) fresh = false;
    if (i === index) return fresh;
    if (step.run || step.ask) fresh = true;
  }
  return fresh;
}

/** JSON with object keys sorted, so equal settings compare equal whatever order their fields were set in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sameSettings(a: AppSettings, b: AppSettings): boolean {
  return stableJson(a) === stableJson(b);
}
