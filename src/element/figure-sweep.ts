/**
 * The figure's small frontier (issue 20): rule set A's guardrail at each value of `sweep`, over its seeds, as a
 * median line with the 10th–90th percentile band, drawn in SVG by hand (no chart library: the script's size
 * budget). The numbers are the app's: the same configs as the sweep view's and `cli sweep`'s for that state,
 * and the figure's metric read from each run as the two-bar figure reads it (metrics.ts).
 */
import { DEFAULT_POPULATION } from '../engine/population/settings.ts';
import type { RegimeOverrides } from '../engine/regimes/guardrail-keys.ts';
import type { RunConfig } from '../engine/run/config.ts';
import type { RunSummary } from '../engine/run/summary.ts';
import { spreadOf, type Spread } from '../engine/run/across-seeds.ts';
import { sweepValues } from '../engine/run/sweep-values.ts';
import { SWEEP_RANGES } from '../engine/guardrail-catalogue/sweep-table.ts';
import type { FigureSettings, FigureSweep } from './attributes.ts';
import { figureText, regimeName, sweepText } from './figure-text.ts';
import { metricValue } from './metrics.ts';
import { numberFormat } from '../lib/i18n/number-format.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** The runs: value by value, each value's seeds in order (the sweep view's order). */
export function sweepConfigs(settings: FigureSettings, sweep: FigureSweep): RunConfig[] {
  const configs: RunConfig[] = [];
  for (const value of sweepValues(sweep.from, sweep.to, sweep.steps))
    for (let k = 0; k < sweep.seeds; k++)
      configs.push({
        scenario: settings.scenario,
        regime: settings.regimes[0],
        seed: settings.seed + k,
        population: { ...DEFAULT_POPULATION, traders: settings.traders },
        affiliatedMarketMaker: false,
        overrides: { [sweep.guardrail]: value } as RegimeOverrides,
      });
  return configs;
}

/** Each value's spread of the figure's metric over its seeds. */
export function sweepSpreads(settings: FigureSettings, sweep: FigureSweep, summaries: readonly RunSummary[]) {
  return sweepValues(sweep.from, sweep.to, sweep.steps).map((value, k) => ({
    value,
    ...spreadOf(
      summaries.slice(k * sweep.seeds, (k + 1) * sweep.seeds).map((s) => metricValue(settings.metric, s)),
    ),
  }));
}

/** A value of the swept guardrail in the figure's language: 5%, 20×, 24 h, US$1,000,000. */
export function sweepValueText(settings: FigureSettings, guardrail: string, value: number): string {
  const { lang } = settings;
  switch (SWEEP_RANGES[guardrail]?.scale) {
    case 'percent':
      return numberFormat(lang, { style: 'percent', maximumFractionDigits: 3 }).format(value);
    case 'times':
      return sweepText(lang, 'sweep.value.times', { value: numberFormat(lang).format(value) });
    case 'hours':
      return sweepText(lang, 'sweep.value.hours', { value: numberFormat(lang).format(value / 60) });
    case 'usd':
      return numberFormat(lang, {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
      }).format(value);
    default:
      return numberFormat(lang, { maximumFractionDigits: 3 }).format(value);
  }
}

function metricText(settings: FigureSettings, value: number): string {
  const { lang, metric } = settings;
  if (metric === 'liquidations') return numberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  if (metric === 'dislocation')
    return numberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(value);
  return numberFormat(lang, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);
}

function svg(tag: string, attributes: Record<string, string | number> = {}, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const WIDTH = 320;
const HEIGHT = 150;
const PAD = { left: 8, right: 8, top: 10, bottom: 22 };

/** The frontier, with a description listing every value's median, and the sentence under it. */
export function sweepView(
  settings: FigureSettings,
  sweep: FigureSweep,
  points: readonly (Spread & { value: number })[],
): HTMLElement {
  const { lang } = settings;
  const guardrail = sweepText(lang, `sweep.g.${sweep.guardrail}`);
  const metric = figureText(lang, `figure.metric.${settings.metric}`);
  const top = Math.max(...points.map((p) => p.p90), 0) || 1;
  const x = (v: number) =>
    PAD.left + ((v - sweep.from) / (sweep.to - sweep.from)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - (v / top) * (HEIGHT - PAD.top - PAD.bottom);
  const xy = (v: number, m: number) => `${x(v).toFixed(1)},${y(m).toFixed(1)}`;
  const band = [
    ...points.map((p) => xy(p.value, p.p90)),
    ...[...points].reverse().map((p) => xy(p.value, p.p10)),
  ];
  const description = figureText(lang, 'figure.sweep.description', {
    metric,
    guardrail,
    a: regimeName(lang, settings.regimes[0]),
    seeds: sweep.seeds,
    steps: sweep.steps,
    from: sweepValueText(settings, sweep.guardrail, sweep.from),
    to: sweepValueText(settings, sweep.guardrail, sweep.to),
  });
  const listed = points
    .map((p) => `${sweepValueText(settings, sweep.guardrail, p.value)}: ${metricText(settings, p.median)}`)
    .join('; ');

  const chart = svg('svg', {
    role: 'img',
    class: 'chart frontier',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    'aria-labelledby': 'chart-title chart-desc',
  });
  chart.append(
    svg('title', { id: 'chart-title' }, `${metric} · ${guardrail}`),
    svg('desc', { id: 'chart-desc' }, listed),
    svg('polygon', { class: 'band', points: band.join(' ') }),
    svg('polyline', { class: 'median', points: points.map((p) => xy(p.value, p.median)).join(' ') }),
    ...points.map((p) =>
      svg('circle', {
        class: 'point',
        cx: x(p.value),
        cy: y(p.median),
        r: 3,
        'data-value': p.value,
        'data-median': p.median,
      }),
    ),
    svg(
      'text',
      { x: PAD.left, y: HEIGHT - 6, class: 'axis' },
      sweepValueText(settings, sweep.guardrail, sweep.from),
    ),
    svg(
      'text',
      { x: WIDTH - PAD.right, y: HEIGHT - 6, class: 'axis end' },
      sweepValueText(settings, sweep.guardrail, sweep.to),
    ),
    svg('text', { x: PAD.left, y: PAD.top + 2, class: 'axis' }, metricText(settings, top)),
  );
  const frontier = document.createElement('div');
  frontier.className = 'frontier';
  const sentence = document.createElement('p');
  sentence.className = 'sentence';
  sentence.textContent = description;
  frontier.append(chart, sentence);
  return frontier;
}
