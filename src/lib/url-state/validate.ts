/**
 * Reads a v1 JSON object, field by field, into a SharedState, with the engine's own validators. Two policies:
 *
 * - A field that changes the run (scenario, days, rule sets, population, seed, market maker, followed traders)
 *   with a value that is not allowed refuses the whole link: a run that silently differs from the sender's
 *   would mislead the class it was shared with. The app then runs its defaults and shows the notice.
 * - A display field (frame, speed, followed trader, language, view, lesson, sweep, market) that is not allowed takes its
 *   default; the run is kept and a notice says what was dropped.
 *
 * Missing fields take their defaults; unknown fields are ignored (a newer app may add display fields within
 * v1). Only own properties of plain objects are read, and every object built here is fresh. Every field is
 * checked with a rule of the shared validation layer (src/engine/validation), whose refusal becomes the notice.
 */
import { locales } from '../i18n/catalogues.ts';
import { PRESET_IDS, type PresetId } from '../../engine/regimes/types.ts';
import {
  GUARDRAIL_KEYS,
  type GuardrailKey,
  type RegimeOverrides,
} from '../../engine/regimes/guardrail-keys.ts';
import { customRegime } from '../../engine/regimes/catalogue.ts';
import { SCENARIO_IDS, scenarioInfo } from '../../engine/scenarios/catalogue.ts';
import {
  MAX_TRADERS,
  MIN_TRADERS,
  validatePopulation,
  type PopulationSettings,
  type RefusedChoice,
} from '../../engine/population/settings.ts';
import { validateRunConfig } from '../../engine/run/config.ts';
import {
  between,
  check,
  described,
  flag,
  isPlainRecord,
  isRefusal,
  listOf,
  oneOf,
  ownField as own,
  read,
  textMatching,
  wholeNumber,
  type Rule,
} from '../../engine/validation/index.ts';
import type { RuleSetChoice } from '../app-state.svelte.ts';
import { readCompactSweep, type SweepChoice } from '../sweep-choice.ts';
import { MARKET_IDS, type MarketId } from '../../engine/perp/market.ts';
import { LinkRefused, engineNotice, refusalNotice, type UrlNotice } from './notice.ts';
import { overrideRule } from './override-shapes.ts';
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

/** A plain JSON object, described as the link's format calls it. */
const object = (words: string): Rule<Record<string, unknown>> => described(words, isPlainRecord);

/** Nothing is allowed: for a field that must be left out. */
const leftOut = (words: string): Rule<never> => described(words, (_v): _v is never => false);

const RULES = {
  state: object('a JSON object'),
  scenario: oneOf(SCENARIO_IDS),
  ruleSets: described(
    'a list of two rule sets, A and B',
    (v): v is unknown[] => Array.isArray(v) && v.length === 2,
  ),
  ruleSet: object('an object { p: preset, o: changes }'),
  preset: oneOf(PRESET_IDS),
  overrides: object('an object of guardrail values by key'),
  guardrailKey: oneOf(GUARDRAIL_KEYS),
  population: object('an object { n, r, l, c }'),
  traders: wholeNumber(MIN_TRADERS, MAX_TRADERS),
  share: between(0, 1),
  refusedChoice: oneOf<RefusedChoice>(['spot', 'stay-out']),
  seed: wholeNumber(0, Number.MAX_SAFE_INTEGER),
  frame: wholeNumber(0, MAX_FRAME),
  speed: oneOf(LINK_SPEEDS, 'market minutes per second'),
  lang: oneOf(locales),
  view: oneOf<View>(VIEWS),
  market: oneOf<MarketId>(MARKET_IDS),
  lesson: textMatching(
    LESSON_ID,
    `an id of lower-case letters, digits and hyphens, at most ${MAX_LESSON_ID_LENGTH} characters`,
    MAX_LESSON_ID_LENGTH,
  ),
} as const;

const LETTERS = ['A', 'B'] as const;

function readScenario(raw: unknown, fallback: SharedState['scenario']): SharedState['scenario'] {
  return raw === undefined ? fallback : check('scenario', raw, RULES.scenario);
}

function readDays(raw: unknown, scenario: SharedState['scenario']): number | undefined {
  if (raw === undefined) return undefined;
  const info = scenarioInfo(scenario);
  if (info.kind === 'historical')
    check('days', raw, leftOut(`left out for ${scenario}, a historical scenario with a fixed length`));
  return check('days', raw, between(info.minDays, info.maxDays));
}

function readOverrides(raw: unknown, letter: string): RegimeOverrides {
  if (raw === undefined) return {};
  const given = check(`rule set ${letter}, changed guardrails`, raw, RULES.overrides);
  const overrides: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    const guardrail: GuardrailKey = check(`rule set ${letter}, guardrail key`, key, RULES.guardrailKey);
    const value = check(`rule set ${letter}, ${guardrail}`, given[key], overrideRule(guardrail));
    overrides[key] = structuredClone(value);
  }
  return overrides as RegimeOverrides;
}

function readRuleSet(raw: unknown, index: 0 | 1, fallback: RuleSetChoice): RuleSetChoice {
  const letter = LETTERS[index];
  if (raw === undefined) return { preset: fallback.preset, overrides: {} };
  const given = check(`rule set ${letter}`, raw, RULES.ruleSet);
  const presetRaw = own(given, 'p');
  const preset: PresetId =
    presetRaw === undefined ? fallback.preset : check(`rule set ${letter}, preset`, presetRaw, RULES.preset);
  const overrides = readOverrides(own(given, 'o'), letter);
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
  const given = check('rule sets', raw, RULES.ruleSets);
  return [readRuleSet(given[0], 0, fallback[0]), readRuleSet(given[1], 1, fallback[1])];
}

function readPopulation(raw: unknown, fallback: PopulationSettings): PopulationSettings {
  if (raw === undefined) return { ...fallback };
  const given = check('population', raw, RULES.population);
  const population: PopulationSettings = {
    traders: check('traders', own(given, 'n') ?? fallback.traders, RULES.traders),
    retailShare: check('retail share', own(given, 'r') ?? fallback.retailShare, RULES.share),
    leakage: check('leakage', own(given, 'l') ?? fallback.leakage, RULES.share),
    refusedChoice: check(
      'what refused traders do',
      own(given, 'c') ?? fallback.refusedChoice,
      RULES.refusedChoice,
    ),
  };
  try {
    validatePopulation(population);
  } catch (error) {
    throw new LinkRefused(engineNotice('population', error, raw));
  }
  return population;
}

function readSeed(raw: unknown, fallback: number): number {
  return raw === undefined ? fallback : check('seed', raw, RULES.seed);
}

function readFlag(raw: unknown, field: string, fallback: boolean): boolean {
  return raw === undefined ? fallback : check(field, raw, flag);
}

function readFollow(raw: unknown, traders: number): number[] {
  if (raw === undefined) return [];
  const rule = listOf(wholeNumber(0, traders - 1), { maxLength: MAX_FOLLOWED, distinct: true });
  // The same test, in the words the format has always used ("at most 50", not "0 to 50").
  const words = `a list of at most ${MAX_FOLLOWED} distinct whole numbers from 0 to ${traders - 1}`;
  return [...check('followed traders', raw, described(words, rule.accepts))];
}

/** Display fields: a value that is not allowed is dropped with a notice, and the default is used. */
class DisplayReader {
  readonly notices: UrlNotice[] = [];

  read<T>(raw: unknown, field: string, rule: Rule<T>, fallback: T): T {
    if (raw === undefined) return fallback;
    const reading = read(field, raw, rule);
    if (reading.ok) return reading.value;
    this.notices.push(refusalNotice(reading.refusal));
    return fallback;
  }
}

/** The sweep shown (a display field): read against the comparison's state; refused, it is dropped with a notice. */
function readSweep(raw: unknown, state: SharedState, display: DisplayReader): SweepChoice | undefined {
  if (raw === undefined) return undefined;
  const base = {
    run: {
      scenario: state.scenario,
      seed: state.seed,
      population: state.population,
      affiliatedMarketMaker: state.affiliatedMarketMaker,
      ...(state.days === undefined ? {} : { days: state.days }),
    },
    ruleSets: state.ruleSets,
  };
  try {
    return readCompactSweep(raw, base);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    display.notices.push(refusalNotice(error));
    return undefined;
  }
}

function readState(raw: unknown): { state: SharedState; notices: UrlNotice[] } {
  const given = check('link state', raw, RULES.state);
  const defaults = defaultSharedState();

  const scenario = readScenario(own(given, 'sc'), defaults.scenario);
  const days = readDays(own(given, 'dy'), scenario);
  const ruleSets = readRuleSets(own(given, 'rs'), defaults.ruleSets);
  const population = readPopulation(own(given, 'po'), defaults.population);
  const seed = readSeed(own(given, 'sd'), defaults.seed);
  const affiliatedMarketMaker = readFlag(
    own(given, 'mm'),
    'affiliated market maker',
    defaults.affiliatedMarketMaker,
  );
  const follow = readFollow(own(given, 'fo'), population.traders);

  const display = new DisplayReader();
  const followedTrader = display.read(
    own(given, 'ft'),
    'followed trader',
    oneOf([0, 1, 2, ...follow]),
    defaults.followedTrader,
  );
  const frame = display.read(own(given, 'fr'), 'playback frame', RULES.frame, 0);
  const speed = display.read(own(given, 'sp'), 'playback speed', RULES.speed, defaults.speed);
  const lang = display.read<string>(own(given, 'lg'), 'language', RULES.lang, defaults.lang);
  const view = display.read(own(given, 'vw'), 'view', RULES.view, defaults.view);
  const lesson = display.read<string | undefined>(own(given, 'ls'), 'lesson', RULES.lesson, undefined);
  const market = display.read(own(given, 'mk'), 'chart market', RULES.market, 'BTC');

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
  if (market !== 'BTC') state.market = market;
  const sweep = readSweep(own(given, 'sw'), state, display);
  if (sweep !== undefined) state.sweep = sweep;

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
    // A field refused by the layer, as it stands; anything else (an engine error) under "link state".
    if (isRefusal(error)) return { ok: false, notice: refusalNotice(error) };
    return { ok: false, notice: engineNotice('link state', error, raw) };
  }
}
