/**
 * The price chart of one market (BTC unless asked; the stage lets the user choose BTC, ETH or ALT): the index,
 * each rule set's traded and mark prices, liquidation and ADL markers where they happened, a description in
 * words and a data table. A rule set that does not list the market (ALT under the HK presets) gets no line:
 * its frames hold the index there (observe.ts), which would read as a venue that never gapped.
 */
import type { RunResult } from '../../engine/run/run.ts';
import type { RunEvent } from '../../engine/run/run-events.ts';
import type { MarketId } from '../../engine/perp/market.ts';
import type { FrameField } from '../../engine/run/frames.ts';
import {
  RULE_SETS,
  STYLE,
  highest,
  last,
  framesRead,
  lowest,
  playedTable,
  type ChartContext,
  type ChartMarker,
  type ChartSeries,
  type DataTable,
  type Pair,
} from './chart-series.ts';

/** Each market's frame columns. */
const COLUMNS: Record<MarketId, Record<'index' | 'mark' | 'traded', FrameField>> = {
  BTC: { index: 'btcIndex', mark: 'btcMark', traded: 'btcTraded' },
  ETH: { index: 'ethIndex', mark: 'ethMark', traded: 'ethTraded' },
  ALT: { index: 'altIndex', mark: 'altMark', traded: 'altTraded' },
};

/** Whether the rule set's own venue lists the market (its summary has figures for the markets it lists). */
export function listsMarket(result: RunResult, market: MarketId): boolean {
  return Object.hasOwn(result.summary.venues.onshore.markets, market);
}

/** The market's index, from a rule set that lists it (where neither does, the path itself: the same numbers). */
function indexOf(results: Pair, market: MarketId): Float64Array {
  const column = COLUMNS[market].index;
  return (results.find((result) => listsMarket(result, market)) ?? results[0]).frames[column];
}

export function priceSeries(context: ChartContext, results: Pair, market: MarketId = 'BTC'): ChartSeries[] {
  const { t, formats } = context;
  const columns = COLUMNS[market];
  const traded = (result: RunResult, r: 0 | 1): ChartSeries => ({
    id: `traded-${RULE_SETS[r]}`,
    label: t('charts.series.traded', { ruleSet: RULE_SETS[r] }),
    values: result.frames[columns.traded],
    colour: STYLE.colour[r],
    dash: STYLE.dash[r],
    width: 2,
    format: formats.price,
  });
  const mark = (result: RunResult, r: 0 | 1): ChartSeries => ({
    id: `mark-${RULE_SETS[r]}`,
    label: t('charts.series.mark', { ruleSet: RULE_SETS[r] }),
    values: result.frames[columns.mark],
    colour: STYLE.colour[r],
    dash: STYLE.markDash[r],
    width: 1.25,
    format: formats.price,
  });
  const series: ChartSeries[] = [
    {
      id: 'index',
      label: t('charts.series.index'),
      values: indexOf(results, market),
      colour: STYLE.index,
      width: 1.5,
      format: formats.price,
    },
  ];
  results.forEach((result, r) => {
    if (listsMarket(result, market)) series.push(traded(result, r as 0 | 1), mark(result, r as 0 | 1));
  });
  return series;
}

/** Liquidations and ADL on the rule set's own venue, in one market, at the minute and price they happened. */
export function priceMarkers(results: Pair, market: MarketId = 'BTC'): ChartMarker[] {
  const markers: ChartMarker[] = [];
  results.forEach((result, r) => {
    for (const event of result.events) {
      const marker = markerOf(event, r as 0 | 1, market);
      if (marker) markers.push(marker);
    }
  });
  return markers;
}

function markerOf(event: RunEvent, ruleSet: 0 | 1, market: MarketId): ChartMarker | null {
  if (event.venue !== 'onshore') return null;
  if (event.type === 'liquidation' && event.market === market)
    return { minute: event.step, value: event.fillPrice ?? event.markPrice, kind: 'liquidation', ruleSet };
  if (event.type === 'adl' && event.market === market)
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
  market: MarketId = 'BTC',
): string {
  const { t, formats, clock } = context;
  const { upTo, soFar } = framesRead(results, played);
  const minutes = results[0].frames.minute.subarray(0, upTo);
  const index = indexOf(results, market).subarray(0, upTo);
  const start = index[0] ?? NaN;
  const now = minutes[upTo - 1] ?? 0;
  const low = lowest(index);
  const high = highest(index);
  const fell = start - low.value >= high.value - start;
  const turn = fell ? low : high;
  const words = {
    market,
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
    if (!listsMarket(result, market)) return t('charts.price.notListed', { market });
    const traded = result.frames[COLUMNS[market].traded];
    const ownIndex = result.frames[COLUMNS[market].index];
    let worst = 0;
    let at = 0;
    for (let i = 0; i < upTo; i++) {
      const g = traded[i]! / ownIndex[i]! - 1;
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
    gap: t('charts.price.gap', { market, a: gap(results[0]), b: gap(results[1]) }),
    markers: t('charts.price.markers', {
      market,
      liquidationsA: count('liquidation', 0),
      liquidationsB: count('liquidation', 1),
      adlA: count('adl', 0),
      adlB: count('adl', 1),
    }),
  });
}

/**
 * How many of a rule set's markers of one kind (liquidations or ADL on its own venue, in the chart's market) had
 * happened by each frame: a frame at minute m counts the events of steps up to m, as the run's frame counters do.
 */
export function markersSoFar(
  minutes: Float64Array,
  markers: readonly ChartMarker[],
  kind: ChartMarker['kind'],
  ruleSet: 0 | 1,
): Float64Array {
  const steps = markers
    .filter((m) => m.kind === kind && m.ruleSet === ruleSet)
    .map((m) => m.minute)
    .sort((x, y) => x - y);
  const counts = new Float64Array(minutes.length);
  let k = 0;
  for (let i = 0; i < minutes.length; i++) {
    while (k < steps.length && steps[k]! <= minutes[i]!) k++;
    counts[i] = k;
  }
  return counts;
}

/**
 * The chart's data; with `played`, only its first `played` frames (the stage, before the end is shown). The
 * event counts are the chart's own markers (`priceMarkers` for `market`), so the table counts what the chart
 * shows: one market's liquidations and ADL on each rule set's venue, not every market's.
 */
export function priceTable(
  context: ChartContext,
  results: Pair,
  series: readonly ChartSeries[],
  played: number = results[0].frames.minute.length,
  market: MarketId = 'BTC',
  markers: readonly ChartMarker[] = priceMarkers(results, market),
): DataTable {
  const { t, formats } = context;
  const minutes = results[0].frames.minute;
  const counts = results.flatMap((_, r): ChartSeries[] => [
    {
      id: `liquidations-${RULE_SETS[r]}`,
      label: t('charts.table.liquidations', { ruleSet: RULE_SETS[r]!, market }),
      values: markersSoFar(minutes, markers, 'liquidation', r as 0 | 1),
      colour: '',
      format: formats.count,
    },
    {
      id: `adl-${RULE_SETS[r]}`,
      label: t('charts.table.adl', { ruleSet: RULE_SETS[r]!, market }),
      values: markersSoFar(minutes, markers, 'adl', r as 0 | 1),
      colour: '',
      format: formats.count,
    },
  ]);
  return playedTable(context, results, [...series, ...counts], played);
}
