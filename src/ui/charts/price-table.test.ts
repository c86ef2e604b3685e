/**
 * The price chart's table counts what the chart shows: one market's liquidations and ADL on each rule set's
 * venue. Oracle: the engine's own frame counters (`frames.liquidations`, `frames.adlEvents`), which count every
 * market's; the three markets' counts must add up to them at every frame.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from '../../engine/run/config.ts';
import { runScenario, type RunResult } from '../../engine/run/run.ts';
import { translate } from '../../lib/i18n/translate.ts';
import { chartFormats, clock } from './chart-format.ts';
import * as data from './chart-data.ts';

const MARKETS = ['BTC', 'ETH', 'ALT'] as const;
let results: [RunResult, RunResult];
const t: data.Translate = (key, params) => translate('en', key, params);
const context: data.ChartContext = {
  t,
  formats: chartFormats('en'),
  clock: clock('en', '2025-10-10T12:00:00Z', {
    day: (day) => t('charts.time.day', { day }),
    dayTime: (day, time) => t('charts.time.dayTime', { day, time }),
  }),
};
const { markersSoFar, priceMarkers, priceSeries, priceTable } = data;

describe('the price table’s event counts', () => {
  beforeAll(() => {
    results = [
      runScenario({ ...DEFAULT_RUN, regime: 'hk-sfc-2026' }),
      runScenario({ ...DEFAULT_RUN, regime: 'onchain-perp-dex' }),
    ];
  });

  it('adds up, market by market, to the engine’s all-market counters at every frame', () => {
    const minutes = results[0].frames.minute;
    for (const r of [0, 1] as const) {
      const { frames } = results[r];
      for (const [kind, counter] of [
        ['liquidation', frames.liquidations],
        ['adl', frames.adlEvents],
      ] as const) {
        const perMarket = MARKETS.map((m) => markersSoFar(minutes, priceMarkers(results, m), kind, r));
        for (let i = 0; i < minutes.length; i++)
          expect(perMarket[0]![i]! + perMarket[1]![i]! + perMarket[2]![i]!, `${kind} ${r} frame ${i}`).toBe(
            counter[i],
          );
      }
    }
    // The on-chain venue liquidates and deleverages ALT on 10 Oct 2025 (seed 20251010), so the split matters.
    const alt = markersSoFar(minutes, priceMarkers(results, 'ALT'), 'liquidation', 1);
    expect(alt[alt.length - 1]).toBeGreaterThan(0);
    expect(alt[alt.length - 1]).toBeLessThan(results[1].frames.liquidations[minutes.length - 1]!);
  });

  it('names the market in its columns, and counts nothing where the rule set does not list it', () => {
    const table = priceTable(context, results, priceSeries(context, results, 'ALT'), Infinity, 'ALT');
    expect(table.columns).toContain('A liquidation events so far (ALT)');
    expect(table.columns).toContain('B ADL events so far (ALT)');
    const a = table.columns.indexOf('A liquidation events so far (ALT)');
    expect(table.rows.every((row) => row[a] === '0')).toBe(true);
  });
});
