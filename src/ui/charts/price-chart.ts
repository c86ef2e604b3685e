/**
 * The BTC price chart: the index, each rule set's traded and mark prices, liquidation and ADL markers where
 * they happened, a description in words and a data table.
 */
import type { RunResult } from '../../engine/run/run.ts';
import type { RunEvent } from '../../engine/run/run-events.ts';
import {
  RULE_SETS,
  STYLE,
  highest,
  last,
  lowest,
  timeTable,
  type ChartContext,
  type ChartMarker,
  type ChartSeries,
  type DataTable,
  type Pair,
} from './chart-series.ts';

export function priceSeries(context: ChartContext, results: Pair): ChartSeries[] {
  const { t, formats } = context;
  const [a, b] = results;
  const traded = (result: RunResult, r: 0 | 1): ChartSeries => ({
    id: `traded-${RULE_SETS[r]}`,
    label: t('charts.series.traded', { ruleSet: RULE_SETS[r] }),
    values: result.frames.btcTraded,
    colour: STYLE.colour[r],
    dash: STYLE.dash[r],
    width: 2,
    format: formats.price,
  });
  const mark = (result: RunResult, r: 0 | 1): ChartSeries => ({
    id: `mark-${RULE_SETS[r]}`,
    label: t('charts.series.mark', { ruleSet: RULE_SETS[r] }),
    values: result.frames.btcMark,
    colour: STYLE.colour[r],
    dash: STYLE.markDash[r],
    width: 1.25,
    format: formats.price,
  });
  return [
    {
      id: 'index',
      label: t('charts.series.index'),
      values: a.frames.btcIndex,
      colour: STYLE.index,
      width: 1.5,
      format: formats.price,
    },
    traded(a, 0),
    mark(a, 0),
    traded(b, 1),
    mark(b, 1),
  ];
}

/** Liquidations and ADL on the rule set's own venue, BTC market, at the minute and price they happened. */
export function priceMarkers(results: Pair): ChartMarker[] {
  const markers: ChartMarker[] = [];
  results.forEach((result, r) => {
    for (const event of result.events) {
      const marker = markerOf(event, r as 0 | 1);
      if (marker) markers.push(marker);
    }
  });
  return markers;
}

function markerOf(event: RunEvent, ruleSet: 0 | 1): ChartMarker | null {
  if (event.venue !== 'onshore') return null;
  if (event.type === 'liquidation' && event.market === 'BTC')
    return { minute: event.step, value: event.fillPrice ?? event.markPrice, kind: 'liquidation', ruleSet };
  if (event.type === 'adl' && event.market === 'BTC')
    return { minute: event.step, value: event.price, kind: 'adl', ruleSet };
  return null;
}

/**
 * The chart in words: the index's largest move, each venue's largest gap to it, and the markers. With `played`
 * (a frame count) only the first `played` frames, "so far": the stage describes what a class has seen.
 */
export function priceDescription(
  context: ChartContext,
  results: Pair,
  markers: readonly ChartMarker[],
  played: number = results[0].frames.minute.length,
): string {
  const { t, formats, clock } = context;
  const all = results[0].frames.minute.length;
  const upTo = Math.max(1, Math.min(all, played));
  const minutes = results[0].frames.minute.subarray(0, upTo);
  const index = results[0].frames.btcIndex.subarray(0, upTo);
  const start = index[0] ?? NaN;
  const now = minutes[upTo - 1] ?? 0;
  const low = lowest(index);
  const high = highest(index);
  const fell = start - low.value >= high.value - start;
  const turn = fell ? low : high;
  const soFar = upTo < all;
  const words = {
    start: formats.price(start),
    extreme: formats.price(turn.value),
    change: formats.change(turn.value / start - 1),
    time: clock.format(minutes[turn.index]!),
    end: formats.price(last(index)),
    now: clock.format(now),
  };
  const move =
    soFar && turn.value === start
      ? t('charts.price.atStart', words)
      : t(
          soFar
            ? fell
              ? 'charts.price.fellSoFar'
              : 'charts.price.roseSoFar'
            : fell
              ? 'charts.price.fell'
              : 'charts.price.rose',
          words,
        );
  const gap = (result: RunResult) => {
    const { btcTraded, btcIndex } = result.frames;
    let worst = 0;
    let at = 0;
    for (let i = 0; i < upTo; i++) {
      const g = btcTraded[i]! / btcIndex[i]! - 1;
      if (Math.abs(g) > Math.abs(worst)) {
        worst = g;
        at = i;
      }
    }
    return worst === 0
      ? t('charts.price.noGap')
      : t('charts.price.gapAt', { gap: formats.change(worst), time: clock.format(minutes[at]!) });
  };
  const count = (kind: ChartMarker['kind'], ruleSet: 0 | 1) =>
    formats.count(
      markers.filter((m) => m.kind === kind && m.ruleSet === ruleSet && (!soFar || m.minute <= now)).length,
    );
  return t('charts.price.description', {
    move,
    gap: t('charts.price.gap', { a: gap(results[0]), b: gap(results[1]) }),
    markers: t('charts.price.markers', {
      liquidationsA: count('liquidation', 0),
      liquidationsB: count('liquidation', 1),
      adlA: count('adl', 0),
      adlB: count('adl', 1),
    }),
  });
}

/** The chart's data; with `played`, only its first `played` frames (the stage, before the end is shown). */
export function priceTable(
  context: ChartContext,
  results: Pair,
  series: readonly ChartSeries[],
  played: number = results[0].frames.minute.length,
): DataTable {
  const { t, formats } = context;
  const counts = results.flatMap((result, r): ChartSeries[] => [
    {
      id: `liquidations-${RULE_SETS[r]}`,
      label: t('charts.table.liquidations', { ruleSet: RULE_SETS[r]! }),
      values: result.frames.liquidations,
      colour: '',
      format: formats.count,
    },
    {
      id: `adl-${RULE_SETS[r]}`,
      label: t('charts.table.adl', { ruleSet: RULE_SETS[r]! }),
      values: result.frames.adlEvents,
      colour: '',
      format: formats.count,
    },
  ]);
  const upTo = Math.max(1, Math.min(results[0].frames.minute.length, played));
  return timeTable(
    context,
    results[0].frames.minute.subarray(0, upTo),
    [...series, ...counts].map((s) => ({ ...s, values: s.values.subarray(0, upTo) })),
  );
}
