/**
 * Reads a v1 JSON object, field by field, into a SharedState, with the engine's own validators. Two policies:
 *
 * - A field that changes the run (scenario, days, rule sets, population, seed, market maker, followed traders)
 *   with a value that is not allowed refuses the whole link: a run that silently differs from the sender's
 *   would mislead the class it was shared with. The app then runs its defaults and shows the notice.
 * - A display field (frame, speed, followed trader, language, view, lesson) that is not allowed takes its
 *   default; the run is kept and a notice says what was dropped.
 *
 * Missing fields take their defaults; unknown fields are ignored (a newer app may add display fields within
 * v1). Only own properties of plain objects are read, and every object built here is fresh.
 */
import { isLocale, locales } from '../i18n/catalogues.ts';
import { PRESET_IDS, type PresetId } from '../../engine/regimes/types.ts';
import { GUARDRAIL_KEYS, isGuardrailKey, type RegimeOverrides } from '../../engine/regimes/guardrail-keys.ts';
import { customRegime, isPresetId } from '../../engine/regimes/catalogue.ts';
import { SCENARIO_IDS, isScenarioId, scenarioInfo } from '../../engine/scenarios/catalogue.ts';
import {
  MAX_TRADERS,
  MIN_TRADERS,
  validatePopulation,
  type PopulationSettings,
} from '../../engine/population/settings.ts';
import { validateRunConfig } from '../../engine/run/config.ts';
import type { RuleSetChoice } from '../app-state.svelte.ts';
import { LinkRefused, engineNotice, notice, type UrlNotice } from './notice.ts';
import { overrideShapeProblem } from './override-shapes.ts';
import {
  LINK_SPEEDS,
  VIEWS,
  defaultSharedState,
  runConfigsOf,
  type SharedState,
  type View,
} from './shared-state.ts';

/** At most this many traders followed besides the personas (each is traced frame by frame). */
export const MAX_FOLLOWED = 50;
/** Frames are at most a few thousand per run; anything beyond this is not a frame a run can have. */
export const MAX_FRAME = 10_000_000;
/** Lesson ids: lower-case words joined by hyphens. */
export const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_LESSON_ID_LENGTH = 64;

export type Validation =
  { ok: true; state: SharedState; notices: UrlNotice[] } | { ok: false; notice: UrlNotice };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own property, or undefined (never one inherited from a prototype). */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function refuse(field: string, value: unknown, allowed: string): never {
  throw new LinkRefused(notice('invalid-field', field, value, allowed));
}

const LETTERS = ['A', 'B'] as const;

function readScenario(raw: unknown, fallback: SharedState['scenario']): SharedState['scenario'] {
  if (raw === undefined) return fallback;
  if (!isScenarioId(raw)) refuse('scenario', raw, `one of ${SCENARIO_IDS.join(', ')}`);
  return raw;
}

function readDays(raw: unknown, scenario: SharedState['scenario']): number | undefined {
  if (raw === undefined) return undefined;
  const info = scenarioInfo(scenario);
  if (info.kind === 'historical')
    refuse('days', raw, `left out for ${scenario}, a historical scenario with a fixed length`);
  if (typeof raw !== 'number' || !(raw >= info.minDays && raw <= info.maxDays))
    refuse('days', raw, `a number between ${info.minDays} and ${info.maxDays}`);
  return raw;
}

function readOverrides(raw: unknown, letter: string): RegimeOverrides {
  const field = `rule set ${letter}, changed guardrails`;
  if (raw === undefined) return {};
  if (!isPlainObject(raw)) refuse(field, raw, 'an object of guardrail values by key');
  const overrides: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if (!isGuardrailKey(key))
      refuse(`rule set ${letter}, guardrail key`, key, `one of ${GUARDRAIL_KEYS.join(', ')}`);
    const value = raw[key];
    const problem = overrideShapeProblem(key, value);
    if (problem !== null) refuse(`rule set ${letter}, ${key}`, value, problem);
    overrides[key] = structuredClone(value);
  }
  return overrides as RegimeOverrides;
}

function readRuleSet(raw: unknown, index: 0 | 1, fallback: RuleSetChoice): RuleSetChoice {
  const letter = LETTERS[index];
  if (raw === undefined) return { preset: fallback.preset, overrides: {} };
  if (!isPlainObject(raw)) refuse(`rule set ${letter}`, raw, 'an object { p: preset, o: changes }');
  const presetRaw = own(raw, 'p');
  const preset: PresetId =
    presetRaw === undefined
      ? fallback.preset
      : isPresetId(presetRaw)
        ? presetRaw
        : refuse(`rule set ${letter}, preset`, presetRaw, `one of ${PRESET_IDS.join(', ')}`);
  const overrides = readOverrides(own(raw, 'o'), letter);
  if (Object.keys(overrides).length > 0) {
    try {
      customRegime(preset, overrides);
    } catch (error) {
      throw new LinkRefused(engineNotice(`rule set ${letter}`, error, overrides));
    }
  }
  return { preset, overrides };
}

function readRuleSets(raw: unknown, fallback: SharedState['ruleSets']): SharedState['ruleSets'] {
  if (raw === undefined)
    return [readRuleSet(undefined, 0, fallback[0]), readRuleSet(undefined, 1, fallback[1])];
  if (!Array.isArray(raw) || raw.length !== 2) refuse('rule sets', raw, 'a list of two rule sets, A and B');
  return [readRuleSet(raw[0], 0, fallback[0]), readRuleSet(raw[1], 1, fallback[1])];
}

function readPopulation(raw: unknown, fallback: PopulationSettings): PopulationSettings {
  if (raw === undefined) return { ...fallback };
  if (!isPlainObject(raw)) refuse('population', raw, 'an object { n, r, l, c }');
  const n = own(raw, 'n') ?? fallback.traders;
  const r = own(raw, 'r') ?? fallback.retailShare;
  const l = own(raw, 'l') ?? fallback.leakage;
  const c = own(raw, 'c') ?? fallback.refusedChoice;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < MIN_TRADERS || n > MAX_TRADERS)
    refuse('traders', n, `a whole number from ${MIN_TRADERS} to ${MAX_TRADERS}`);
  if (typeof r !== 'number' || !(r >= 0 && r <= 1)) refuse('retail share', r, 'a number between 0 and 1');
  if (typeof l !== 'number' || !(l >= 0 && l <= 1)) refuse('leakage', l, 'a number between 0 and 1');
  if (c !== 'spot' && c !== 'stay-out') refuse('what refused traders do', c, '"spot" or "stay-out"');
  const population: PopulationSettings = { traders: n, retailShare: r, leakage: l, refusedChoice: c };
  try {
    validatePopulation(population);
  } catch (error) {
    throw new LinkRefused(engineNotice('population', error, raw));
  }
  return population;
}

function readSeed(raw: unknown, fallback: number): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < 0)
    refuse('seed', raw, `a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`);
  return raw;
}

function readFlag(raw: unknown, field: string, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'boolean') refuse(field, raw, 'true or false');
  return raw;
}

function readFollow(raw: unknown, traders: number): number[] {
  if (raw === undefined) return [];
  const allowed = `a list of at most ${MAX_FOLLOWED} distinct whole numbers from 0 to ${traders - 1}`;
  if (!Array.isArray(raw) || raw.length > MAX_FOLLOWED) refuse('followed traders', raw, allowed);
  for (const id of raw)
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= traders)
      refuse('followed traders', raw, allowed);
  if (new Set(raw).size !== raw.length) refuse('followed traders', raw, allowed);
  return [...(raw as number[])];
}

/** Display fields: a value that is not allowed is dropped with a notice, and the default is used. */
class DisplayReader {
  readonly notices: UrlNotice[] = [];

  read<T>(raw: unknown, field: string, allowed: string, accept: (v: unknown) => v is T, fallback: T): T {
    if (raw === undefined) return fallback;
    if (accept(raw)) return raw;
    this.notices.push(notice('invalid-field', field, raw, allowed));
    return fallback;
  }
}

const isWhole =
  (min: number, max: number) =>
  (v: unknown): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function readState(raw: unknown): { state: SharedState; notices: UrlNotice[] } {
  if (!isPlainObject(raw)) refuse('link state', raw, 'a JSON object');
  const defaults = defaultSharedState();

  const scenario = readScenario(own(raw, 'sc'), defaults.scenario);
  const days = readDays(own(raw, 'dy'), scenario);
  const ruleSets = readRuleSets(own(raw, 'rs'), defaults.ruleSets);
  const population = readPopulation(own(raw, 'po'), defaults.population);
  const seed = readSeed(own(raw, 'sd'), defaults.seed);
  const affiliatedMarketMaker = readFlag(
    own(raw, 'mm'),
    'affiliated market maker',
    defaults.affiliatedMarketMaker,
  );
  const follow = readFollow(own(raw, 'fo'), population.traders);

  const display = new DisplayReader();
  const followedTrader = display.read(
    own(raw, 'ft'),
    'followed trader',
    `a persona (0, 1 or 2) or one of the followed traders (${follow.join(', ') || 'none'})`,
    (v): v is number => isWhole(0, 2)(v) || (typeof v === 'number' && follow.includes(v)),
    defaults.followedTrader,
  );
  const frame = display.read(
    own(raw, 'fr'),
    'playback frame',
    `a whole number from 0 to ${MAX_FRAME}`,
    isWhole(0, MAX_FRAME),
    0,
  );
  const speed = display.read(
    own(raw, 'sp'),
    'playback speed',
    `one of ${LINK_SPEEDS.join(', ')} market minutes per second`,
    (v): v is number => typeof v === 'number' && LINK_SPEEDS.includes(v),
    defaults.speed,
  );
  const lang = display.read(
    own(raw, 'lg'),
    'language',
    `one of ${locales.join(', ')}`,
    (v): v is string => typeof v === 'string' && isLocale(v),
    defaults.lang,
  );
  const view = display.read(
    own(raw, 'vw'),
    'view',
    VIEWS.join(' or '),
    (v): v is View => typeof v === 'string' && (VIEWS as readonly string[]).includes(v),
    defaults.view,
  );
  const lesson = display.read<string | undefined>(
    own(raw, 'ls'),
    'lesson',
    `an id of lower-case letters, digits and hyphens, at most ${MAX_LESSON_ID_LENGTH} characters`,
    (v): v is string => typeof v === 'string' && v.length <= MAX_LESSON_ID_LENGTH && LESSON_ID.test(v),
    undefined,
  );

  const state: SharedState = {
    scenario,
    ruleSets,
    population,
    seed,
    affiliatedMarketMaker,
    follow,
    followedTrader,
    frame,
    speed,
    lang,
    view,
  };
  if (days !== undefined) state.days = days;
  if (lesson !== undefined) state.lesson = lesson;

  // Belt and braces: the configs the app will run pass the engine's own check of a run.
  for (const [i, config] of runConfigsOf(state).entries()) {
    try {
      validateRunConfig(config);
    } catch (error) {
      throw new LinkRefused(engineNotice(`rule set ${LETTERS[i]!}`, error, config));
    }
  }
  return { state, notices: display.notices };
}

/** Never throws: a valid state (with notices for dropped display fields) or the refusal of the whole link. */
export function validateSharedState(raw: unknown): Validation {
  try {
    const { state, notices } = readState(raw);
    return { ok: true, state, notices };
  } catch (error) {
    if (error instanceof LinkRefused) return { ok: false, notice: error.notice };
    return { ok: false, notice: engineNotice('link state', error, raw) };
  }
}
