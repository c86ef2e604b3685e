/**
 * The attributes of `<leverage-lab-figure>`, read and checked before anything is computed. Every attribute is
 * hostile until checked (issue 10): a refusal names the attribute, the value given and what is allowed, and a
 * value is only ever shown as text.
 *
 * Acceptance is decided by the rules of the shared validation layer (src/engine/validation), the same as for
 * links and the command line: attribute text is trimmed (HTML authors pad attributes), numbers are read with
 * `numberFromText` (plain decimals only: "0x10", "1e400" and "Infinity" are refused), and each refusal is a
 * Refusal. The figure says what is allowed in its own catalogue (figure-text.ts, kept small for the script's
 * size): one message per attribute, with its parameters taken from the rule's `Allowed` data.
 */
import { MIN_TRADERS } from '../engine/population/settings.ts';
import { PRESET_IDS, type PresetId } from '../engine/regimes/types.ts';
import type { ScenarioId } from '../engine/scenarios/types.ts';
import {
  listOf,
  numberFromText,
  oneOf,
  read,
  wholeNumber,
  type Allowed,
  type Refusal,
  type Rule,
} from '../engine/validation/index.ts';
import { FIGURE_LOCALES, type FigureKey, type FigureLocale } from './figure-text.ts';
import { SWEEP_RANGES } from '../engine/guardrail-catalogue/sweep-table.ts';
import { GUARDRAIL_KEYS } from '../engine/regimes/guardrail-keys.ts';

export const FIGURE_ATTRIBUTES = [
  'scenario',
  'regimes',
  'seed',
  'lang',
  'metric',
  'traders',
  'sweep',
] as const;
export type FigureAttribute = (typeof FIGURE_ATTRIBUTES)[number];

export const FIGURE_METRICS = ['liquidations', 'losses', 'dislocation'] as const;
export type FigureMetric = (typeof FIGURE_METRICS)[number];

/**
 * The scenario ids, listed here rather than imported from the scenario catalogue so that the element's page
 * script does not carry the episodes' data (the inlined worker has them). `satisfies Record<ScenarioId, …>`
 * makes the compiler refuse a list that misses or invents a scenario.
 */
const SCENARIO_FLAGS = {
  '2020-03-black-thursday': true,
  '2021-05-crash': true,
  '2022-05-luna': true,
  '2022-11-ftx': true,
  '2025-10-tariff-crash': true,
  'synthetic-calm': true,
  'synthetic-volatile': true,
  'synthetic-flash-crash': true,
  'synthetic-short-squeeze': true,
} as const satisfies Record<ScenarioId, true>;
export const FIGURE_SCENARIOS = Object.keys(SCENARIO_FLAGS) as ScenarioId[];

/** A figure computes in the reader's browser, beside an article: a classroom-size population at most. */
export const MAX_FIGURE_TRADERS = 2_000;

/** The app's default comparison (DEFAULT_RUN with rule set B offshore), which the unit test holds to. */
export const FIGURE_DEFAULTS = {
  scenario: '2025-10-tariff-crash' as ScenarioId,
  regimes: ['hk-sfc-2026', 'offshore-cex'] as [PresetId, PresetId],
  seed: 20251010,
  lang: 'en' as FigureLocale,
  metric: 'liquidations' as FigureMetric,
  traders: 200,
};

/**
 * A small frontier (issue 20): rule set A's guardrail at `steps` values from `from` to `to`, each over `seeds`
 * seeds. Written `PATH,FROM,TO,VALUES[,SEEDS]` in the guardrail's own unit (0.6 for 60%).
 */
export interface FigureSweep {
  guardrail: string;
  from: number;
  to: number;
  steps: number;
  seeds: number;
}
export const MAX_FIGURE_SWEEP_STEPS = 12;
export const MAX_FIGURE_SWEEP_SEEDS = 30;
export const DEFAULT_FIGURE_SWEEP_SEEDS = 10;

/**
 * The guardrails a figure can sweep: those set as a whole (`perp.maxLeverage`). A field of a record (a
 * haircut) needs the rule set's other fields to build the change, and a maintenance rate the rule set's tiers
 * to rescale, and the figure's page script does not carry the rule sets (its size budget); the app and
 * `cli sweep` sweep those.
 */
export const FIGURE_SWEEP_PATHS = Object.keys(SWEEP_RANGES).filter((path) =>
  (GUARDRAIL_KEYS as readonly string[]).includes(path),
);

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const SWEEP_RULE: Rule<FigureSweep> = {
  allowed: { kind: 'one-of', options: FIGURE_SWEEP_PATHS },
  accepts: (v): v is FigureSweep => {
    if (typeof v !== 'object' || v === null) return false;
    const s = v as FigureSweep;
    return (
      FIGURE_SWEEP_PATHS.includes(s.guardrail) &&
      isFiniteNumber(s.from) &&
      isFiniteNumber(s.to) &&
      s.to > s.from &&
      Number.isSafeInteger(s.steps) &&
      s.steps >= 2 &&
      s.steps <= MAX_FIGURE_SWEEP_STEPS &&
      Number.isSafeInteger(s.seeds) &&
      s.seeds >= 1 &&
      s.seeds <= MAX_FIGURE_SWEEP_SEEDS
    );
  },
};

/** `PATH,FROM,TO,VALUES[,SEEDS]` → a FigureSweep to check (text that is not a number stays text). */
function sweepFromText(text: string): unknown {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length < 4 || parts.length > 5) return text;
  const [guardrail, from, to, steps, seeds] = parts;
  return {
    guardrail,
    from: numberFromText(from!),
    to: numberFromText(to!),
    steps: numberFromText(steps!),
    seeds: seeds === undefined ? DEFAULT_FIGURE_SWEEP_SEEDS : numberFromText(seeds),
  };
}

export interface FigureSettings {
  scenario: ScenarioId;
  regimes: [PresetId, PresetId];
  seed: number;
  lang: FigureLocale;
  metric: FigureMetric;
  traders: number;
  /** A frontier of rule set A instead of the two bars, or null. */
  sweep: FigureSweep | null;
  /** The attributes as given (absent ones left out), for the "Open in Leverage Lab" link. */
  given: Partial<Record<FigureAttribute, string>>;
}

export interface AttributeProblem {
  attribute: FigureAttribute;
  /** The attribute's text as given (untrimmed). */
  value: string;
  /** What is allowed, as a figure-catalogue message and its parameters. */
  allowed: { key: FigureKey; params: Record<string, string | number> };
  /** The layer's refusal: the field, the value read and the rule, in English in its message. */
  refusal: Refusal;
}

export type FigureReading =
  { ok: true; settings: FigureSettings } | { ok: false; problems: AttributeProblem[] };

/** The rule of each attribute (after trimming, and after reading numbers), with its catalogue message. */
const RULES = {
  scenario: oneOf(FIGURE_SCENARIOS),
  regimes: listOf(oneOf(PRESET_IDS), { minLength: 2, maxLength: 2, distinct: true }),
  seed: wholeNumber(0, Number.MAX_SAFE_INTEGER),
  lang: oneOf(FIGURE_LOCALES),
  metric: oneOf(FIGURE_METRICS),
  traders: wholeNumber(MIN_TRADERS, MAX_FIGURE_TRADERS),
  sweep: SWEEP_RULE,
} as const satisfies Record<FigureAttribute, Rule<unknown>>;

/** The catalogue message's parameters, from what the rule allows: {list} for a choice, {min} and {max}. */
function catalogueParams(allowed: Allowed): Record<string, string | number> {
  switch (allowed.kind) {
    case 'one-of':
      return { list: allowed.options.join(', ') };
    case 'whole':
      return allowed.max === undefined ? { min: allowed.min } : { min: allowed.min, max: allowed.max };
    case 'list':
      return { ...catalogueParams(allowed.each), count: allowed.minLength };
    default:
      return {};
  }
}

/** Reads every attribute; returns the settings, or every problem found (not just the first). */
export function readFigureAttributes(get: (name: FigureAttribute) => string | null): FigureReading {
  const problems: AttributeProblem[] = [];
  const given: Partial<Record<FigureAttribute, string>> = {};

  /** The attribute's value if its rule allows it (`fallback` when absent); a problem noted otherwise. */
  const attribute = <A extends FigureAttribute, T>(
    name: A,
    rule: Rule<T>,
    fallback: T,
    fromText: (text: string) => unknown,
  ): T => {
    const value = get(name);
    if (value === null) return fallback;
    given[name] = value;
    const reading = read(name, fromText(value.trim()), rule);
    if (reading.ok) return reading.value;
    problems.push({
      attribute: name,
      value,
      allowed: { key: `figure.allowed.${name}`, params: catalogueParams(rule.allowed) },
      refusal: reading.refusal,
    });
    return fallback;
  };
  const asText = (text: string) => text;
  // -0 reads as 0 (numberFromText keeps the sign; a seed or a count of traders has none).
  const asNumber = (text: string) => {
    const n = numberFromText(text);
    return typeof n === 'number' ? n + 0 : n;
  };

  const scenario = attribute('scenario', RULES.scenario, FIGURE_DEFAULTS.scenario, asText);
  const [a, b] = attribute('regimes', RULES.regimes, FIGURE_DEFAULTS.regimes, (text) =>
    text.split(',').map((id) => id.trim()),
  );
  const seed = attribute('seed', RULES.seed, FIGURE_DEFAULTS.seed, asNumber);
  // Language tags are case-insensitive (BCP 47): zh-hant-hk is zh-Hant-HK.
  const lang = attribute(
    'lang',
    RULES.lang,
    FIGURE_DEFAULTS.lang,
    (text) => FIGURE_LOCALES.find((l) => l.toLowerCase() === text.toLowerCase()) ?? text,
  );
  const metric = attribute('metric', RULES.metric, FIGURE_DEFAULTS.metric, asText);
  const traders = attribute('traders', RULES.traders, FIGURE_DEFAULTS.traders, asNumber);
  const sweep = attribute<'sweep', FigureSweep | null>('sweep', RULES.sweep, null, sweepFromText);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    settings: { scenario, regimes: [a!, b!], seed, lang, metric, traders, sweep, given },
  };
}
