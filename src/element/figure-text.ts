/**
 * The words of `<leverage-lab-figure>`: its own `figure` catalogue area, and the scenario and rule-set names
 * from the app's catalogues. Only these areas are imported (not the whole app's catalogues), so that the
 * element's script stays small.
 */
import enFigure from '../lib/i18n/messages/en/figure.json';
import enRegimes from '../lib/i18n/messages/en/regimes.json';
import enScenarios from '../lib/i18n/messages/en/scenarios.json';
import enSweep from '../lib/i18n/messages/en/sweep-names.json';
import zhFigure from '../lib/i18n/messages/zh-Hant-HK/figure.json';
import zhRegimes from '../lib/i18n/messages/zh-Hant-HK/regimes.json';
import zhScenarios from '../lib/i18n/messages/zh-Hant-HK/scenarios.json';
import zhSweep from '../lib/i18n/messages/zh-Hant-HK/sweep-names.json';
import type { PresetId } from '../engine/regimes/types.ts';
import type { ScenarioId } from '../engine/scenarios/types.ts';
import { fillPlaceholders, type MessageParams } from '../lib/i18n/placeholders.ts';

export const FIGURE_LOCALES = ['en', 'zh-Hant-HK'] as const;
export type FigureLocale = (typeof FIGURE_LOCALES)[number];
export type FigureKey = keyof typeof enFigure;

const CATALOGUES: Record<FigureLocale, Readonly<Record<string, string>>> = {
  en: { ...enFigure, ...enScenarios, ...enRegimes, ...enSweep },
  'zh-Hant-HK': { ...zhFigure, ...zhScenarios, ...zhRegimes, ...zhSweep },
};

function lookUp(locale: FigureLocale, key: string): string {
  return CATALOGUES[locale][key] ?? CATALOGUES.en[key] ?? key;
}

/** A figure message with its `{name}` placeholders filled, as the app's `translate` fills them. */
export function figureText(locale: FigureLocale, key: FigureKey, params: MessageParams = {}): string {
  return fillPlaceholders(lookUp(locale, key), params);
}

export const scenarioTitle = (locale: FigureLocale, id: ScenarioId): string =>
  lookUp(locale, `scenarios.${id}.title`);

export const regimeName = (locale: FigureLocale, id: PresetId): string =>
  lookUp(locale, `regimes.${id}.shortTitle`);

/** A message of the sweep view's area (guardrail names, value units), for the figure's frontier. */
export function sweepText(
  locale: FigureLocale,
  key: string,
  params: Record<string, string | number> = {},
): string {
  return lookUp(locale, key).replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
