import { describe, expect, it } from 'vitest';
import { acrossSeeds, quantile, spreadOf } from './across-seeds.ts';
import { figureFormat, isFigurePath } from './figure-paths.ts';
import type { RunSummary } from './summary.ts';

describe('across seeds', () => {
  it('interpolates quantiles between closest ranks (type 7: NumPy’s default)', () => {
    // numpy.percentile([1, 2, 3, 4, 10], [10, 50, 90]) = [1.4, 3.0, 7.6]
    const sorted = [1, 2, 3, 4, 10];
    expect(quantile(sorted, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantile(sorted, 0.5)).toBe(3);
    expect(quantile(sorted, 0.9)).toBeCloseTo(7.6, 12);
    expect(spreadOf([5])).toEqual({ p10: 5, median: 5, p90: 5 });
    expect(spreadOf([4, 1, 3, 2])).toEqual({ p10: 1.3, median: 2.5, p90: expect.closeTo(3.7, 12) });
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });

  it('judges a figure some runs lack over the runs that have it', () => {
    const summary = (pnl: number, offshore: number | null) =>
      ({
        lossesBeyondDeposits: pnl,
        venues: offshore === null ? {} : { offshore: { adl: { count: offshore } } },
      }) as unknown as RunSummary;
    const out = acrossSeeds([summary(1, null), summary(3, 2), summary(2, 4)]);
    expect(out.lossesBeyondDeposits).toEqual({ p10: 1.2, median: 2, p90: 2.8, runs: 3 });
    expect(out['venues.offshore.adl.count']).toMatchObject({ median: 3, runs: 2 });
  });

  it('knows each figure path and its format without a run', () => {
    expect(isFigurePath('venues.offshore.markets.ALT.liquidations.traders')).toBe(true);
    expect(isFigurePath('broker.clientsCalled')).toBe(true);
    expect(isFigurePath('checksum')).toBe(false);
    expect(isFigurePath('markets.BTC.liquidations')).toBe(false);
    expect(figureFormat('funding.maxRate')).toBe('percent');
    expect(figureFormat('markets.BTC.maxPriceDislocation.minute')).toBe('count');
    expect(figureFormat('byProduct.margin.pnl')).toBe('usd');
  });
});
