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
  pairSeries,
  timeTable,
  type ChartContext,
  type ChartSeries,
  type DataTable,
  type Pair,
} from './chart-series.ts';

export function insuranceFundSeries(context: ChartContext, results: Pair): ChartSeries[] {
  return pairSeries(context, results, 'fund', (r) => r.frames.insuranceFund, context.formats.money);
}

export function insuranceFundDescription(context: ChartContext, results: Pair): string {
  const { t, formats } = context;
  const part = (result: RunResult) => {
    const fund = result.frames.insuranceFund;
    return {
      start: formats.money(fund[0] ?? NaN),
      end: formats.money(last(fund)),
      low: formats.money(lowest(fund).value),
    };
  };
  const a = part(results[0]);
  const b = part(results[1]);
  return t('charts.fund.description', {
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

export function openInterestDescription(context: ChartContext, results: Pair): string {
  const { t, formats, clock } = context;
  const minutes = results[0].frames.minute;
  const peak = (result: RunResult) => highest(result.frames.openInterest);
  const [pa, pb] = [peak(results[0]), peak(results[1])];
  return t('charts.interest.description', {
    peakA: formats.money(pa.value),
    timeA: clock.format(minutes[pa.index]!),
    peakB: formats.money(pb.value),
    timeB: clock.format(minutes[pb.index]!),
    endA: formats.money(last(results[0].frames.openInterest)),
    endB: formats.money(last(results[1].frames.openInterest)),
  });
}

export function fundingSeries(context: ChartContext, results: Pair): ChartSeries[] {
  return pairSeries(context, results, 'funding', (r) => r.frames.fundingRateBtc, context.formats.rate);
}

export function fundingDescription(context: ChartContext, results: Pair): string {
  const { t, formats } = context;
  const range = (result: RunResult) => [
    formats.rate(lowest(result.frames.fundingRateBtc).value),
    formats.rate(highest(result.frames.fundingRateBtc).value),
  ];
  const [a, b] = [range(results[0]), range(results[1])];
  return t('charts.funding.description', { minA: a[0]!, maxA: a[1]!, minB: b[0]!, maxB: b[1]! });
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

/** From the summaries: what each class brought and what it had at the end, under A and under B. */
export function equityDescription(context: ChartContext, results: Pair): string {
  const { t, formats } = context;
  const params: MessageParams = {};
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

export function equityTable(context: ChartContext, results: Pair): DataTable {
  const { t } = context;
  const labelled = (investorClass: 'retail' | 'professional') =>
    equitySeries(context, results, investorClass).map((s, r) => ({
      ...s,
      label: t(investorClass === 'retail' ? 'charts.table.retail' : 'charts.table.professional', {
        ruleSet: RULE_SETS[r]!,
      }),
    }));
  return timeTable(context, results[0].frames.minute, [...labelled('retail'), ...labelled('professional')]);
}
