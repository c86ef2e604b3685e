/**
 * The plain time charts of A against B: insurance fund, open interest, funding rate and equity by investor
 * class, each with its description in words and data table.
 */
import type { MessageParams } from '../../lib/i18n/translate.ts';
import type { RunResult } from '../../engine/run/run.ts';
import {
  RULE_SETS,
  highest,
  last,
  lowest,
  framesRead,
  pairSeries,
  playedTable,
  type ChartContext,
  type ChartSeries,
  type DataTable,
  type Pair,
} from './chart-series.ts';

export function insuranceFundSeries(context: ChartContext, results: Pair): ChartSeries[] {
  return pairSeries(context, results, 'fund', (r) => r.frames.insuranceFund, context.formats.money);
}

export function insuranceFundDescription(context: ChartContext, results: Pair, played = Infinity): string {
  const { t, formats, clock } = context;
  const { upTo, soFar } = framesRead(results, played);
  const part = (result: RunResult) => {
    const fund = result.frames.insuranceFund.subarray(0, upTo);
    return {
      start: formats.money(fund[0] ?? NaN),
      end: formats.money(last(fund)),
      low: formats.money(lowest(fund).value),
    };
  };
  const a = part(results[0]);
  const b = part(results[1]);
  return t(soFar ? 'charts.fund.descriptionSoFar' : 'charts.fund.description', {
    now: clock.format(results[0].frames.minute[upTo - 1]!),
    startA: a.start,
    endA: a.end,
    lowA: a.low,
    startB: b.start,
    endB: b.end,
    lowB: b.low,
  });
}

export function openInterestSeries(context: ChartContext, results: Pair): ChartSeries[] {
  return pairSeries(context, results, 'interest', (r) => r.frames.openInterest, context.formats.money);
}

export function openInterestDescription(context: ChartContext, results: Pair, played = Infinity): string {
  const { t, formats, clock } = context;
  const { upTo, soFar } = framesRead(results, played);
  const minutes = results[0].frames.minute;
  const interest = (result: RunResult) => result.frames.openInterest.subarray(0, upTo);
  const [pa, pb] = [highest(interest(results[0])), highest(interest(results[1]))];
  return t(soFar ? 'charts.interest.descriptionSoFar' : 'charts.interest.description', {
    now: clock.format(minutes[upTo - 1]!),
    peakA: formats.money(pa.value),
    timeA: clock.format(minutes[pa.index]!),
    peakB: formats.money(pb.value),
    timeB: clock.format(minutes[pb.index]!),
    endA: formats.money(last(interest(results[0]))),
    endB: formats.money(last(interest(results[1]))),
  });
}

export function fundingSeries(context: ChartContext, results: Pair): ChartSeries[] {
  return pairSeries(context, results, 'funding', (r) => r.frames.fundingRateBtc, context.formats.rate);
}

export function fundingDescription(context: ChartContext, results: Pair, played = Infinity): string {
  const { t, formats, clock } = context;
  const { upTo, soFar } = framesRead(results, played);
  const range = (result: RunResult) => {
    const rates = result.frames.fundingRateBtc.subarray(0, upTo);
    return [formats.rate(lowest(rates).value), formats.rate(highest(rates).value)];
  };
  const [a, b] = [range(results[0]), range(results[1])];
  const now = clock.format(results[0].frames.minute[upTo - 1]!);
  return t(soFar ? 'charts.funding.descriptionSoFar' : 'charts.funding.description', {
    now,
    minA: a[0]!,
    maxA: a[1]!,
    minB: b[0]!,
    maxB: b[1]!,
  });
}

/* ---------------------------------------------------------- 5. equity by class */

export function equitySeries(
  context: ChartContext,
  results: Pair,
  investorClass: 'retail' | 'professional',
): ChartSeries[] {
  return pairSeries(
    context,
    results,
    `equity-${investorClass}`,
    (r) => (investorClass === 'retail' ? r.frames.equityRetail : r.frames.equityProfessional),
    context.formats.money,
  );
}

/**
 * From the summaries: what each class brought and what it had at the end, under A and under B; with `played`
 * short of the end, from the frames: each class's equity at the start and at the playhead.
 */
export function equityDescription(context: ChartContext, results: Pair, played = Infinity): string {
  const { t, formats, clock } = context;
  const { upTo, soFar } = framesRead(results, played);
  const params: MessageParams = {};
  if (soFar) {
    params['now'] = clock.format(results[0].frames.minute[upTo - 1]!);
    results.forEach((result, r) => {
      for (const [key, equity] of [
        ['Retail', result.frames.equityRetail],
        ['Pro', result.frames.equityProfessional],
      ] as const) {
        params[`start${key}${RULE_SETS[r]}`] = formats.money(equity[0] ?? NaN);
        params[`now${key}${RULE_SETS[r]}`] = formats.money(equity[upTo - 1] ?? NaN);
      }
    });
    return t('charts.equity.descriptionSoFar', params);
  }
  for (const investorClass of ['retail', 'professional'] as const) {
    const key = investorClass === 'retail' ? 'Retail' : 'Pro';
    const deposits = results[0].summary.byClass[investorClass].deposits;
    params[`deposits${key}`] = formats.money(deposits);
    results.forEach((result, r) => {
      const pnl = result.summary.byClass[investorClass].pnl;
      params[`end${key}${RULE_SETS[r]}`] = formats.money(deposits + pnl);
      params[`change${key}${RULE_SETS[r]}`] = formats.change(deposits > 0 ? pnl / deposits : NaN);
    });
  }
  return t('charts.equity.description', params);
}

export function equityTable(context: ChartContext, results: Pair, played = Infinity): DataTable {
  const { t } = context;
  const labelled = (investorClass: 'retail' | 'professional') =>
    equitySeries(context, results, investorClass).map((s, r) => ({
      ...s,
      label: t(investorClass === 'retail' ? 'charts.table.retail' : 'charts.table.professional', {
        ruleSet: RULE_SETS[r]!,
      }),
    }));
  return playedTable(context, results, [...labelled('retail'), ...labelled('professional')], played);
}
