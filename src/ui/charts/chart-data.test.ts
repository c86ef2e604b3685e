import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from '../../engine/run/config.ts';
import { runScenario } from '../../engine/run/run.ts';
import { translate } from '../../lib/i18n/translate.ts';
import { chartFormats, clock } from './chart-format.ts';
import * as data from './chart-data.ts';

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
});
