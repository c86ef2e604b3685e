/**
 * The attributes of `<leverage-lab-figure>`, read and checked before anything is computed. Every attribute is
 * hostile until checked (issue 10): a refusal names the attribute, the value given and what is allowed, and a
 * value is only ever shown as text.
 */
import { MIN_TRADERS } from '../engine/population/settings.ts';
import { PRESET_IDS, type PresetId } from '../engine/regimes/types.ts';
import type { ScenarioId } from '../engine/scenarios/types.ts';
import { FIGURE_LOCALES, type FigureKey, type FigureLocale } from './figure-text.ts';

export const FIGURE_ATTRIBUTES = ['scenario', 'regimes', 'seed', 'lang', 'metric', 'traders'] as const;
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

export interface FigureSettings {
  scenario: ScenarioId;
  regimes: [PresetId, PresetId];
  seed: number;
  lang: FigureLocale;
  metric: FigureMetric;
  traders: number;
  /** The attributes as given (absent ones left out), for the "Open in Leverage Lab" link. */
  given: Partial<Record<FigureAttribute, string>>;
}

export interface AttributeProblem {
  attribute: FigureAttribute;
  value: string;
  /** What is allowed, as a figure-catalogue message and its parameters. */
  allowed: { key: FigureKey; params: Record<string, string | number> };
}

export type FigureReading =
  { ok: true; settings: FigureSettings } | { ok: false; problems: AttributeProblem[] };

const WHOLE_NUMBER = /^\d{1,16}$/;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Reads every attribute; returns the settings, or every problem found (not just the first). */
export function readFigureAttributes(get: (name: FigureAttribute) => string | null): FigureReading {
  const problems: AttributeProblem[] = [];
  const given: Partial<Record<FigureAttribute, string>> = {};
  const refuse = (attribute: FigureAttribute, value: string, allowed: AttributeProblem['allowed']) =>
    problems.push({ attribute, value, allowed });
  const read = (attribute: FigureAttribute): string | null => {
    const value = get(attribute);
    if (value !== null) given[attribute] = value;
    return value === null ? null : value.trim();
  };

  let scenario = FIGURE_DEFAULTS.scenario;
  const scenarioText = read('scenario');
  if (scenarioText !== null) {
    if (isOneOf(FIGURE_SCENARIOS, scenarioText)) scenario = scenarioText;
    else
      refuse('scenario', given.scenario!, {
        key: 'figure.allowed.scenario',
        params: { list: FIGURE_SCENARIOS.join(', ') },
      });
  }

  let regimes = FIGURE_DEFAULTS.regimes;
  const regimesText = read('regimes');
  if (regimesText !== null) {
    const ids = regimesText.split(',').map((id) => id.trim());
    const [a, b] = ids;
    if (ids.length === 2 && a !== b && isOneOf(PRESET_IDS, a!) && isOneOf(PRESET_IDS, b!)) regimes = [a, b];
    else
      refuse('regimes', given.regimes!, {
        key: 'figure.allowed.regimes',
        params: { list: PRESET_IDS.join(', ') },
      });
  }

  let seed = FIGURE_DEFAULTS.seed;
  const seedText = read('seed');
  if (seedText !== null) {
    const value = Number(seedText);
    if (WHOLE_NUMBER.test(seedText) && Number.isSafeInteger(value)) seed = value;
    else
      refuse('seed', given.seed!, {
        key: 'figure.allowed.seed',
        params: { max: Number.MAX_SAFE_INTEGER },
      });
  }

  let lang = FIGURE_DEFAULTS.lang;
  const langText = read('lang');
  if (langText !== null) {
    // Language tags are case-insensitive (BCP 47): zh-hant-hk is zh-Hant-HK.
    const locale = FIGURE_LOCALES.find((l) => l.toLowerCase() === langText.toLowerCase());
    if (locale !== undefined) lang = locale;
    else
      refuse('lang', given.lang!, {
        key: 'figure.allowed.lang',
        params: { list: FIGURE_LOCALES.join(', ') },
      });
  }

  let metric = FIGURE_DEFAULTS.metric;
  const metricText = read('metric');
  if (metricText !== null) {
    if (isOneOf(FIGURE_METRICS, metricText)) metric = metricText;
    else
      refuse('metric', given.metric!, {
        key: 'figure.allowed.metric',
        params: { list: FIGURE_METRICS.join(', ') },
      });
  }

  let traders = FIGURE_DEFAULTS.traders;
  const tradersText = read('traders');
  if (tradersText !== null) {
    const value = Number(tradersText);
    if (WHOLE_NUMBER.test(tradersText) && value >= MIN_TRADERS && value <= MAX_FIGURE_TRADERS)
      traders = value;
    else
      refuse('traders', given.traders!, {
        key: 'figure.allowed.traders',
        params: { min: MIN_TRADERS, max: MAX_FIGURE_TRADERS },
      });
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { scenario, regimes, seed, lang, metric, traders, given } };
}
