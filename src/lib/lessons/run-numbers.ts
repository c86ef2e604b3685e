/**
 * The numbers a lesson may quote or ask about, named by a path into one run: `A.liquidations.traders`,
 * `B.insuranceFund.min`, `A.events.margin-call`, `B.frames.btcIndex.min`, `A.rules.perp.maxLeverage`. Each
 * path has a format (a count, dollars, a percentage…) so a reveal reads naturally in every language.
 * `numberSpec` checks a path without a run (lesson validation); `runNumber` reads it from a finished run.
 */
import type { Frames } from '../../engine/run/frames.ts';
import { FRAME_FIELDS, type FrameField } from '../../engine/run/frames.ts';
import type { RunEvent } from '../../engine/run/run-events.ts';
import type { RunSummary } from '../../engine/run/summary.ts';
import { figureFormat, figureValue, isFigurePath } from '../../engine/run/figure-paths.ts';
import type { RegimeRules } from '../../engine/regimes/types.ts';
import { REGIMES } from '../../engine/regimes/catalogue.ts';
import { resolveRegime, type RunConfig } from '../../engine/run/config.ts';
import type { RunResult } from '../../engine/run/run.ts';

export const NUMBER_FORMATS = ['count', 'number', 'usd', 'percent', 'times'] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

export type RuleSetLetter = 'A' | 'B';

/** What one finished run offers: its summary, frames and (non-routine) events, and the rules it ran under. */
export interface RunFacts {
  summary: RunSummary;
  frames: Frames;
  events: readonly RunEvent[];
  regime: RegimeRules;
}

export type RunFactsPair = Record<RuleSetLetter, RunFacts>;

/** The facts of a comparison: results A and B with the configs they ran from. */
export function runFactsPair(
  results: readonly [RunResult, RunResult],
  configs: readonly [RunConfig, RunConfig],
): RunFactsPair {
  const facts = (i: 0 | 1): RunFacts => ({
    summary: results[i].summary,
    frames: results[i].frames,
    events: results[i].events,
    regime: resolveRegime(configs[i]),
  });
  return { A: facts(0), B: facts(1) };
}

interface NumberSpec {
  format: NumberFormat;
  /** null where the run has no such number (a rule the regime leaves unset). */
  value(run: RunFacts): number | null;
}

const loss = (pnl: number) => Math.max(0, -pnl);

/** Numbers read off the run's summary (engine/run/summary.ts), plus a few differences teachers ask about. */
const SUMMARY: Record<string, NumberSpec> = {
  traders: { format: 'count', value: (r) => r.summary.traders },
  'liquidations.count': { format: 'count', value: (r) => r.summary.liquidations.count },
  'liquidations.traders': { format: 'count', value: (r) => r.summary.liquidations.traders },
  'liquidations.notional': { format: 'usd', value: (r) => r.summary.liquidations.notional },
  'adl.count': { format: 'count', value: (r) => r.summary.adl.count },
  'adl.notional': { format: 'usd', value: (r) => r.summary.adl.notional },
  'insuranceFund.start': { format: 'usd', value: (r) => r.summary.insuranceFund.start },
  'insuranceFund.min': { format: 'usd', value: (r) => r.summary.insuranceFund.min },
  'insuranceFund.end': { format: 'usd', value: (r) => r.summary.insuranceFund.end },
  'insuranceFund.drawn': { format: 'usd', value: (r) => r.summary.insuranceFund.drawn },
  'insuranceFund.drawdown': { format: 'usd', value: (r) => r.summary.insuranceFund.drawdown },
  'insuranceFund.drawdownShare': {
    format: 'percent',
    value: ({ summary: { insuranceFund: f } }) => (f.start > 0 ? f.drawdown / f.start : 0),
  },
  lossesBeyondDeposits: { format: 'usd', value: (r) => r.summary.lossesBeyondDeposits },
  brokerShortfall: { format: 'usd', value: (r) => r.summary.brokerShortfall },
  marketMakerGain: { format: 'usd', value: (r) => r.summary.marketMakerGain },
  maxPriceDislocation: { format: 'percent', value: (r) => r.summary.maxPriceDislocation },
  'refusedProducts.perp': { format: 'count', value: (r) => r.summary.refusedProducts.perp },
  'refusedProducts.margin': { format: 'count', value: (r) => r.summary.refusedProducts.margin },
};

for (const group of ['retail', 'professional', 'offshore'] as const) {
  // No offshore trading in a run reads as zero traders offshore, not as a missing number.
  const of = (r: RunFacts) =>
    (group === 'offshore' ? r.summary.offshore : r.summary.byClass[group]) ?? {
      traders: 0,
      deposits: 0,
      liquidated: 0,
      pnl: 0,
    };
  const prefix = group === 'offshore' ? 'offshore' : `byClass.${group}`;
  SUMMARY[`${prefix}.traders`] = { format: 'count', value: (r) => of(r).traders };
  SUMMARY[`${prefix}.liquidated`] = { format: 'count', value: (r) => of(r).liquidated };
  SUMMARY[`${prefix}.deposits`] = { format: 'usd', value: (r) => of(r).deposits };
  SUMMARY[`${prefix}.pnl`] = { format: 'usd', value: (r) => of(r).pnl };
  SUMMARY[`${prefix}.loss`] = { format: 'usd', value: (r) => loss(of(r).pnl) };
}

for (const persona of ['retailPerp20x', 'professionalPerp5x', 'marginFinancedBtcHolder'] as const) {
  SUMMARY[`personas.${persona}.liquidated`] = {
    format: 'count',
    value: (r) => (r.summary.personas[persona].liquidated ? 1 : 0),
  };
  SUMMARY[`personas.${persona}.pnl`] = { format: 'usd', value: (r) => r.summary.personas[persona].pnl };
}

/** Funding settled on the run's own venue: what longs paid shorts in all (negative: shorts paid longs). */
SUMMARY['funding.paidByLongs'] = {
  format: 'usd',
  value: (r) => figureValue(r.summary, 'venues.onshore.funding.paidByLongs'),
};
/** Settlements on the run's own venue, counted on BTC (each settles every market at once). */
SUMMARY['funding.settlements'] = {
  format: 'count',
  value: (r) => figureValue(r.summary, 'venues.onshore.markets.BTC.funding.settlements'),
};

/** Events the page receives (the worker leaves out routine fills, trades, loans and interest). */
export const COUNTED_EVENTS = [
  'liquidation',
  'insurance-draw',
  'adl',
  'socialised-loss',
  'bad-debt',
  'margin-call',
  'cure',
  'reduce',
  'top-up',
  'forced-sale',
  'shortfall',
  'broker-refused',
  'order-refused',
  'product-refused',
  'funding',
] as const;

const FRAME_STATS = ['first', 'last', 'min', 'max', 'mean'] as const;
type FrameStat = (typeof FRAME_STATS)[number];

function frameFormat(field: FrameField): NumberFormat {
  if (field === 'fundingRateBtc') return 'percent';
  if (field === 'liquidations' || field === 'adlEvents' || field === 'minute') return 'count';
  return 'usd';
}

function frameStat(values: Float64Array, stat: FrameStat): number | null {
  if (values.length === 0) return null;
  switch (stat) {
    case 'first':
      return values[0]!;
    case 'last':
      return values[values.length - 1]!;
    case 'min':
      return values.reduce((a, b) => Math.min(a, b), Infinity);
    case 'max':
      return values.reduce((a, b) => Math.max(a, b), -Infinity);
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
  }
}

function atPath(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function ruleFormat(path: string): NumberFormat {
  const last = path.split('.').at(-1)!;
  if (last === 'maxLeverage') return 'times';
  if (/Usd$|Notional$|insuranceFundStart/.test(last)) return 'usd';
  if (/Rate|haircut|Ltv|Share|clamp|cap|interest/i.test(last)) return 'percent';
  return 'number';
}

/** A rule's value, numbers as they are and yes/no as 1/0; null when the regime leaves it unset. */
function ruleValue(regime: unknown, segments: readonly string[]): number | null {
  const value = atPath(regime, segments);
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

const rulePaths = new Set<string>();
(function collectRulePaths() {
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'number' || typeof node === 'boolean') rulePaths.add(path.join('.'));
    else if (typeof node === 'object' && node !== null && !Array.isArray(node))
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  for (const regime of Object.values(REGIMES))
    for (const part of ['perp', 'financing', 'spot', 'marketMaker', 'extras'] as const)
      walk(regime[part], [part]);
  rulePaths.add('retailLeverageAppetite');
})();

/** The spec of a path without its letter ("liquidations.traders"), or a sentence saying why there is none. */
function specOf(path: string): NumberSpec | string {
  const summary = SUMMARY[path];
  if (summary) return summary;
  // Every other figure of the summary, as engine/run/figure-paths.ts defines and formats it.
  if (isFigurePath(path)) return { format: figureFormat(path), value: (r) => figureValue(r.summary, path) };
  const [head, ...rest] = path.split('.');
  if (head === 'events') {
    const type = rest.join('.');
    if ((COUNTED_EVENTS as readonly string[]).includes(type))
      return { format: 'count', value: (r) => r.events.filter((e) => e.type === type).length };
    return `events.${type} is not an event the page counts (allowed: ${COUNTED_EVENTS.join(', ')})`;
  }
  if (head === 'frames') {
    const [field, stat] = rest;
    if (rest.length !== 2 || !(FRAME_FIELDS as readonly string[]).includes(field!))
      return `frames.… must name a chart series and a statistic, as frames.btcIndex.min (series: ${FRAME_FIELDS.join(', ')})`;
    if (!(FRAME_STATS as readonly string[]).includes(stat!))
      return `frames.${field}.${stat} has an unknown statistic (allowed: ${FRAME_STATS.join(', ')})`;
    return {
      format: frameFormat(field as FrameField),
      value: (r) => frameStat(r.frames[field as FrameField], stat as FrameStat),
    };
  }
  if (head === 'rules') {
    const rule = rest.join('.');
    if (!rulePaths.has(rule))
      return `rules.${rule} is not a number or yes/no rule of any preset (for example rules.perp.maxLeverage, rules.financing.collateral.BTC.haircut)`;
    return { format: ruleFormat(rule), value: (r) => ruleValue(r.regime, rest) };
  }
  return `unknown number "${path}" (see doc/lessons.md for the numbers a lesson can use, for example liquidations.traders, insuranceFund.min, events.margin-call, frames.btcIndex.min, rules.perp.maxLeverage)`;
}

export interface ResolvedNumber {
  letter: RuleSetLetter;
  format: NumberFormat;
  value(pair: RunFactsPair): number | null;
}

/** A full path ("B.adl.count"), resolved, or a RangeError that says what is wrong and what is allowed. */
export function numberSpec(fullPath: string): ResolvedNumber {
  const match = /^([AB])\.(.+)$/.exec(fullPath);
  if (!match)
    throw new RangeError(
      `"${fullPath}" must start with the rule set it reads, A. or B. (for example A.liquidations.traders)`,
    );
  const letter = match[1] as RuleSetLetter;
  const spec = specOf(match[2]!);
  if (typeof spec === 'string') throw new RangeError(spec);
  return { letter, format: spec.format, value: (pair) => spec.value(pair[letter]) };
}

/** The value of a path in a finished pair of runs (null where that run has no such number). */
export function runNumber(pair: RunFactsPair, fullPath: string): number | null {
  return numberSpec(fullPath).value(pair);
}

export function isNumberFormat(value: string): value is NumberFormat {
  return (NUMBER_FORMATS as readonly string[]).includes(value);
}
