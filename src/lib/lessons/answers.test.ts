import { describe, expect, it } from 'vitest';
import { correctChoice, fillNumbers, formatNumber, placeholdersOf } from './answers.ts';
import { numberSpec, type RunFactsPair } from './run-numbers.ts';
import { REGIMES } from '../../engine/regimes/catalogue.ts';
import type { RunSummary } from '../../engine/run/summary.ts';
import type { Frames } from '../../engine/run/frames.ts';
import type { RunEvent } from '../../engine/run/run-events.ts';

function facts(
  liquidated: number,
  adl: number,
  events: Partial<RunEvent>[] = [],
): RunFactsPair[keyof RunFactsPair] {
  const summary = {
    traders: 200,
    liquidations: { count: liquidated, notional: 1000, traders: liquidated },
    adl: { count: adl, notional: 0 },
    insuranceFund: { start: 1000, min: 250, end: 300, drawn: 750, drawdown: 750 },
    byClass: {
      retail: { traders: 140, deposits: 1, liquidated, pnl: -5000, loss: 5000 },
      professional: { traders: 60, deposits: 1, liquidated: 0, pnl: 10, loss: 0 },
    },
    offshore: null,
    // The run's own venue's funding, as the summary reports it (one BTC settlement, longs paid 12).
    venues: {
      onshore: {
        funding: { paidByLongs: events.length > 0 ? 12 : 0 },
        markets: { BTC: { funding: { settlements: events.length > 0 ? 1 : 0 } } },
      },
    },
    broker: { marginCalls: 2 },
  } as unknown as RunSummary;
  const frames = {
    length: 3,
    btcIndex: Float64Array.of(100, 90, 95),
    fundingRateBtc: Float64Array.of(0, 0.0001, 0.0002),
  } as unknown as Frames;
  return { summary, frames, events: events as RunEvent[], regime: REGIMES['offshore-cex'] };
}

const pair: RunFactsPair = {
  A: facts(3, 0, [
    { type: 'margin-call' },
    { type: 'margin-call' },
    { type: 'funding', venue: 'onshore', market: 'BTC', paidByLongs: 12 } as never,
  ]),
  B: facts(40, 5),
};

describe('correctChoice', () => {
  it('compare: the first choice when true, the second when false', () => {
    expect(correctChoice({ compare: ['A.liquidations.traders', '<', 'B.liquidations.traders'] }, pair)).toBe(
      0,
    );
    expect(correctChoice({ compare: ['A.adl.count', '>', 0] }, pair)).toBe(1);
    expect(correctChoice({ compare: ['A.events.margin-call', '==', 2] }, pair)).toBe(0);
  });

  it('most and least: the operand’s choice, or the last choice for about the same', () => {
    expect(correctChoice({ most: ['A.liquidations.traders', 'B.liquidations.traders'] }, pair)).toBe(1);
    expect(correctChoice({ least: ['A.liquidations.traders', 'B.liquidations.traders'] }, pair)).toBe(0);
    expect(correctChoice({ most: ['A.traders', 'B.traders'] }, pair)).toBe(2);
    expect(correctChoice({ most: [36, 'B.liquidations.traders'], tolerance: 0.1 }, pair)).toBe(2);
    expect(correctChoice({ most: [35, 'B.liquidations.traders'], tolerance: 0.1 }, pair)).toBe(1);
  });

  it('pick: the band the value falls in (default: none, or at least one)', () => {
    expect(correctChoice({ pick: 'A.adl.count' }, pair)).toBe(0);
    expect(correctChoice({ pick: 'B.adl.count' }, pair)).toBe(1);
    expect(correctChoice({ pick: 'B.liquidations.traders', bands: [1, 40, 100] }, pair)).toBe(2);
    expect(correctChoice({ pick: 'A.rules.perp.maxLeverage', bands: [10, 100] }, pair)).toBe(2);
  });

  it('refuses to answer from a number the run lacks', () => {
    expect(() => correctChoice({ pick: 'A.rules.financing.maxCryptoShareOfLendingValue' }, pair)).toThrow(
      'A.rules.financing.maxCryptoShareOfLendingValue has no value in this run, so the answer cannot be computed',
    );
  });
});

describe('run numbers', () => {
  it('read the summary, derived numbers, events, frames and rules, each with a format', () => {
    const value = (path: string) => numberSpec(path).value(pair);
    expect(value('A.insuranceFund.drawdown')).toBe(750);
    expect(value('A.insuranceFund.drawdownShare')).toBe(0.75);
    expect(value('B.byClass.retail.loss')).toBe(5000);
    expect(value('A.offshore.traders')).toBe(0);
    expect(value('A.funding.paidByLongs')).toBe(12);
    expect(value('A.funding.settlements')).toBe(1);
    expect(value('A.broker.marginCalls')).toBe(2);
    expect(numberSpec('A.venues.offshore.markets.BTC.liquidations.count').format).toBe('count');
    expect(value('A.venues.offshore.markets.BTC.liquidations.count')).toBeNull();
    expect(value('A.frames.btcIndex.min')).toBe(90);
    expect(value('A.frames.btcIndex.last')).toBe(95);
    expect(value('A.rules.perp.maxLeverage')).toBe(125);
    // Yes/no rules read as 1/0 (the offshore preset protects against negative balances).
    expect(value('A.rules.perp.negativeBalanceProtection')).toBe(1);
    expect(numberSpec('A.rules.perp.maxLeverage').format).toBe('times');
    expect(numberSpec('A.rules.financing.collateral.BTC.haircut').format).toBe('percent');
    expect(numberSpec('A.frames.fundingRateBtc.mean').format).toBe('percent');
    expect(numberSpec('B.insuranceFund.min').format).toBe('usd');
  });
});

describe('reveals', () => {
  it('fill numbers in the page’s language, with the path’s format or the one asked for', () => {
    const text =
      '{A.liquidations.traders} of {A.traders}; fund {A.insuranceFund.min}; {A.insuranceFund.drawdownShare}; {A.rules.perp.maxLeverage}; {A.insuranceFund.min:count}';
    expect(fillNumbers(text, pair, 'en')).toBe('3 of 200; fund $250; 75%; 125×; 250');
    expect(fillNumbers('{B.liquidations.notional}', pair, 'zh-Hant-HK')).toBe('US$1,000');
    expect(fillNumbers('{A.rules.financing.maxCryptoShareOfLendingValue}', pair, 'en')).toBe('—');
  });

  it('list placeholders and refuse unknown ones', () => {
    expect(placeholdersOf('{A.adl.count} and {B.adl.notional:usd}')).toEqual([
      { text: '{A.adl.count}', path: 'A.adl.count', format: null },
      { text: '{B.adl.notional:usd}', path: 'B.adl.notional', format: 'usd' },
    ]);
    expect(() => placeholdersOf('{A.nothing}')).toThrow(/unknown number "nothing"/);
  });

  it('format small rates and shares readably', () => {
    expect(formatNumber('en', 0.0001, 'percent')).toBe('0.01%');
    expect(formatNumber('en', 0.6, 'percent')).toBe('60%');
    expect(formatNumber('en', 1234.567, 'number')).toBe('1,234.57');
  });
});
