import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from '../../engine/run/config.ts';
import { runScenario } from '../../engine/run/run.ts';
import { translate } from '../../lib/i18n/translate.ts';
import { chartFormats, clock } from './chart-format.ts';
import * as data from './chart-data.ts';
import fc from 'fast-check';
import { median, tickStep } from 'd3-array';
import type { RunResult } from '../../engine/run/run.ts';
import { sortReturnsByClass } from '../../engine/run/sorted-returns.ts';

/** A result with these outcomes (and their sorted copies, as the engine makes them). */
const withReturns = (base: RunResult, returnOnWealth: Float64Array, professional: Uint8Array): RunResult => ({
  ...base,
  outcomes: { returnOnWealth, professional },
  sortedReturns: sortReturnsByClass(returnOnWealth, professional),
});

/**
 * The histogram as a plain loop over every trader counts it, independent of `outcomeBins`: the range is
 * [−100%, 10%] widened to every finite return, cut at d3's tick step for about 16 bins (edges on multiples of
 * the step); each trader goes to the last bin whose lower edge is at or below its return (within a billionth
 * of a step), values beyond the ends to the end bins. The oracle for the binary-search counting.
 */
function histogramByPass(pair: data.Pair): data.OutcomeHistogramData {
  const clean = (v: number) => (v < -1 && v > -1 - 1e-9 ? -1 : v); // float dust below −100% is −100%
  let lo = -1;
  let hi = 0.1;
  for (const result of pair)
    for (const raw of result.outcomes.returnOnWealth) {
      const v = clean(raw);
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  const step = tickStep(lo, hi, 16);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const bins: data.OutcomeBin[] = [];
  for (let k = 0; k < Math.max(1, last - first); k++)
    bins.push({
      x0: first * step + k * step,
      x1: first * step + (k + 1) * step,
      counts: [
        [0, 0],
        [0, 0],
      ],
    });
  const traders: [number, number] = [0, 0];
  pair.forEach((result, r) => {
    const { returnOnWealth, professional } = result.outcomes;
    for (let i = 0; i < returnOnWealth.length; i++) {
      const v = clean(returnOnWealth[i]!);
      if (!Number.isFinite(v)) continue;
      const c = professional[i] ? 1 : 0;
      if (r === 0) traders[c]++;
      let bin = 0;
      for (let k = 0; k < bins.length; k++) if (v >= bins[k]!.x0 - 1e-9 * step) bin = k;
      bins[bin]!.counts[r]![c]!++;
    }
  });
  let maxCount = 0;
  for (const b of bins) for (const row of b.counts) for (const n of row) maxCount = Math.max(maxCount, n);
  return { bins, traders, maxCount };
}

const contextFor = (locale: string, startUtc: string | null = '2025-10-10T12:00:00Z'): data.ChartContext => {
  const t: data.Translate = (key, params) => translate(locale, key, params);
  return {
    t,
    formats: chartFormats(locale),
    clock: clock(locale, startUtc, {
      day: (day) => t('charts.time.day', { day }),
      dayTime: (day, time) => t('charts.time.dayTime', { day, time }),
    }),
  };
};

describe('chart data', () => {
  let results: data.Pair;
  beforeAll(() => {
    const base = { ...DEFAULT_RUN, population: { ...DEFAULT_RUN.population, traders: 60 } };
    results = [
      runScenario({ ...base, regime: 'hk-sfc-2026' }),
      runScenario({ ...base, regime: 'offshore-cex' }),
    ];
  });

  it('describes every chart in full sentences, with no hole or NaN, in both languages', () => {
    for (const locale of ['en', 'zh-Hant-HK']) {
      const context = contextFor(locale);
      const markers = data.priceMarkers(results);
      const texts = [
        data.priceDescription(context, results, markers),
        data.insuranceFundDescription(context, results),
        data.openInterestDescription(context, results),
        data.fundingDescription(context, results),
        data.equityDescription(context, results),
        data.outcomeDescription(context, results),
      ];
      for (const text of texts) {
        expect(text).not.toMatch(/\{\w+\}|NaN|undefined|Infinity/);
        expect(text.length).toBeGreaterThan(40);
      }
    }
    const price = data.priceDescription(contextFor('en'), results, data.priceMarkers(results));
    expect(price).toMatch(
      /^The BTC index price fell from \$122,000 to a low of \$104,900 \(−14%\) at 10 Oct 21:\d\d UTC/,
    );
  });

  it('marks only the BTC liquidations and ADL of each rule set’s own venue', () => {
    const markers = data.priceMarkers(results);
    for (const [r, result] of results.entries()) {
      const expected = result.events.filter(
        (e) => e.venue === 'onshore' && (e.type === 'liquidation' || e.type === 'adl') && e.market === 'BTC',
      ).length;
      expect(markers.filter((m) => m.ruleSet === r)).toHaveLength(expected);
    }
    for (const m of markers) expect(m.value).toBeGreaterThan(50_000);
  });

  it('bins every trader once, with −100% on a bin edge', () => {
    const histogram = data.outcomeHistogram(results);
    const traders = results[0].outcomes.returnOnWealth.length;
    for (const r of [0, 1] as const) {
      const total = histogram.bins.reduce((sum, b) => sum + b.counts[r][0] + b.counts[r][1], 0);
      expect(total).toBe(traders);
    }
    expect(histogram.traders[0] + histogram.traders[1]).toBe(traders);
    expect(histogram.bins.some((b) => Math.abs(b.x0 + 1) < 1e-9)).toBe(true);
    const table = data.outcomeTable(contextFor('en'), histogram);
    expect(table.rows).toHaveLength(histogram.bins.length);
    expect(table.columns).toHaveLength(5);
  });

  it('bins sorted returns exactly as a pass over every trader does (NaN, ±∞, dust below −100%, ties)', () => {
    const value = fc.oneof(
      fc.double({ min: -1.5, max: 3, noNaN: true }),
      fc.constantFrom(-1, -1 - 1e-12, -1 - 2e-9, 0, -0.5, NaN, Infinity, -Infinity, 2.5),
    );
    const outcomes = fc
      .array(fc.tuple(value, value, fc.boolean()), { maxLength: 400 })
      .map((rows): data.Pair => [
        withReturns(
          results[0],
          Float64Array.from(rows, (row) => row[0]),
          Uint8Array.from(rows, (row) => (row[2] ? 1 : 0)),
        ),
        withReturns(
          results[1],
          Float64Array.from(rows, (row) => row[1]),
          Uint8Array.from(rows, (row) => (row[2] ? 1 : 0)),
        ),
      ]);
    fc.assert(
      fc.property(outcomes, (pair) => {
        expect(data.outcomeHistogram(pair)).toEqual(histogramByPass(pair));
      }),
      { numRuns: 300 },
    );
  });

  it('tables a time series in at most 200 rows, times formatted for the scenario', () => {
    const context = contextFor('en');
    const table = data.priceTable(context, results, data.priceSeries(context, results));
    expect(table.rows.length).toBeLessThanOrEqual(200);
    expect(table.rows[0]![0]).toBe('10 Oct 12:00 UTC');
    expect(table.rows[table.rows.length - 1]![0]).toBe('11 Oct 12:00 UTC');
    expect(table.columns[0]).toBe('Time');
    const synthetic = contextFor('zh-Hant-HK', null);
    expect(synthetic.clock.format(1440 + 65)).toBe('第 2 天 01:05');
  });

  it('gives each class’s median and "lost over half" count as d3 does, NaN left out, for odd and even counts', () => {
    const context = contextFor('en');
    // Retail (0) and professional (1) interleaved; one NaN in each class; even and odd class sizes.
    const withOutcomes = (returns: number[], professional: number[]): RunResult =>
      withReturns(results[0], Float64Array.from(returns), Uint8Array.from(professional));
    const a = withOutcomes([-0.9, 0.2, 0.4, NaN, -0.6, 0.1, 0.3, -0.7, NaN], [0, 1, 0, 1, 0, 1, 0, 1, 0]);
    const b = withOutcomes([0.05, -0.2, -1, 0.5, 0.25, 0, 0.15, 0.35, -0.55], [0, 1, 0, 1, 0, 1, 0, 1, 0]);
    const text = data.outcomeDescription(context, [a, b]);
    const classOf = (r: RunResult, c: number) =>
      Array.from(r.outcomes.returnOnWealth).filter((_, i) => r.outcomes.professional[i] === c);
    for (const [r, c] of [
      [a, 0],
      [a, 1],
      [b, 0],
      [b, 1],
    ] as const) {
      const expected = context.formats.change(median(classOf(r, c))!);
      expect(text).toContain(expected);
    }
    // Retail A: −0.9, 0.4, −0.6, 0.3, NaN → median of four numbers (−0.6 + 0.3) / 2 = −15%; two lost over half.
    expect(median(classOf(a, 0))).toBeCloseTo(-0.15, 12);
    expect(text).toContain(context.formats.change(-0.15));
    expect(text).toMatch(/\b5\b/); // five retail traders (the NaN one counts as a trader)
  });
});
