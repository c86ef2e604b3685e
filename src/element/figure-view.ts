/**
 * The figure's DOM inside its shadow root, built with createElement and textContent only: a value from an
 * attribute or a run is never parsed as HTML (issue 10). The bar chart is SVG with an accessible name and
 * description, and a sentence says the same in words.
 */
import type { PresetId } from '../engine/regimes/types.ts';
import type { RunSummary } from '../engine/run/summary.ts';
import type { AttributeProblem, FigureSettings } from './attributes.ts';
import { figureText, regimeName, scenarioTitle, type FigureLocale } from './figure-text.ts';
import { formatMetric, metricValue } from './metrics.ts';
import { numberFormat } from '../lib/i18n/number-format.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Longer attribute values are cut in the error message, so a hostile one cannot flood the page. */
const SHOWN_VALUE_LIMIT = 80;

type Children = (Node | string | null)[];

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Children
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

function svg(tag: string, attributes: Record<string, string | number> = {}, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function shownValue(value: string): string {
  const chars = [...value];
  return chars.length > SHOWN_VALUE_LIMIT ? chars.slice(0, SHOWN_VALUE_LIMIT).join('') + '…' : value;
}

/** The visible refusal: every bad attribute, its value and what is allowed. Nothing is computed. */
export function errorView(problems: readonly AttributeProblem[], locale: FigureLocale): HTMLElement {
  return el(
    'div',
    { class: 'error', role: 'alert', 'data-state': 'invalid', lang: locale },
    el('p', { class: 'error-title' }, figureText(locale, 'figure.error.title')),
    el(
      'ul',
      {},
      ...problems.map((problem) =>
        el(
          'li',
          { 'data-attribute': problem.attribute },
          figureText(locale, 'figure.error.attribute', {
            attribute: problem.attribute,
            value: shownValue(problem.value),
            allowed: figureText(locale, problem.allowed.key, problem.allowed.params),
          }),
        ),
      ),
    ),
  );
}

export interface FigureParts {
  root: HTMLElement;
  /** Where the chart or the status goes. */
  body: HTMLElement;
  status: HTMLElement;
}

/** The frame of a valid figure: title, metric, a body for the chart, details and the link to the app. */
export function figureFrame(settings: FigureSettings, openHref: string): FigureParts {
  const { lang } = settings;
  const status = el('p', { class: 'status', role: 'status' });
  const body = el('div', { class: 'body' }, status);
  const root = el(
    'figure',
    { class: 'figure', lang },
    el(
      'figcaption',
      {},
      el('span', { class: 'scenario' }, scenarioTitle(lang, settings.scenario)),
      el('span', { class: 'metric' }, figureText(lang, `figure.metric.${settings.metric}`)),
    ),
    body,
    el(
      'p',
      { class: 'details' },
      figureText(lang, 'figure.details', {
        traders: numberFormat(lang).format(settings.traders),
        seed: settings.seed,
      }),
      ' ',
      el('a', { href: openHref, target: '_blank', rel: 'noopener' }, figureText(lang, 'figure.open')),
    ),
  );
  return { root, body, status };
}

/** The two-bar comparison of A and B, and the sentence that says it. */
export function comparisonView(settings: FigureSettings, summaries: readonly RunSummary[]): HTMLElement {
  const { lang, metric } = settings;
  const names = settings.regimes.map((id: PresetId) => regimeName(lang, id));
  const values = summaries.map((s) => metricValue(metric, s));
  const texts = summaries.map((s) => formatMetric(metric, s, lang));
  const largest = Math.max(...values);
  const params = {
    a: names[0]!,
    b: names[1]!,
    valueA: texts[0]!,
    valueB: texts[1]!,
    traders: numberFormat(lang).format(settings.traders),
  };

  const chart = svg('svg', { role: 'img', class: 'chart', 'aria-labelledby': 'chart-title chart-desc' });
  chart.append(
    svg(
      'title',
      { id: 'chart-title' },
      figureText(lang, 'figure.chartName', {
        metric: figureText(lang, `figure.metric.${metric}`),
        scenario: scenarioTitle(lang, settings.scenario),
        a: names[0]!,
        b: names[1]!,
      }),
    ),
    svg('desc', { id: 'chart-desc' }, figureText(lang, 'figure.chartDescription', params)),
  );
  values.forEach((value, k) => {
    const top = k * 46;
    const share = largest > 0 ? value / largest : 0;
    const label = svg('text', { x: 0, y: top + 14, class: 'label' });
    label.append(
      svg('tspan', { class: 'name' }, `${k === 0 ? 'A' : 'B'} · ${names[k]!}`),
      svg('tspan', { class: 'value', dx: 8 }, texts[k]!),
    );
    chart.append(
      label,
      svg('rect', { x: 0, y: top + 22, width: '100%', height: 16, rx: 2, class: 'track' }),
      // A zero value still shows a sliver, so the bar is seen to be there and empty.
      svg('rect', {
        x: 0,
        y: top + 22,
        width: share > 0 ? `${(share * 100).toFixed(2)}%` : 3,
        height: 16,
        rx: 2,
        class: k === 0 ? 'bar bar-a' : 'bar bar-b',
        'data-value': value,
      }),
    );
  });

  return el(
    'div',
    { class: 'comparison' },
    chart,
    el('p', { class: 'sentence' }, figureText(lang, `figure.sentence.${metric}`, params)),
  );
}
