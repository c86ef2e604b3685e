import { describe, it, expect } from 'vitest';
import { assetMarginLevel, krakenMarginState, krakenUsedMargin, marginLevel } from './margin-level.ts';

describe('Kraken margin level (KR)', () => {
  it('vector 65 (KR): $10,000, long 1.5 BTC @30,000 at 5x; at 28,133.3 the level is 79.999% → call', () => {
    const position = { side: 'long' as const, qty: 1.5, entryPrice: 30_000, leverage: 5 };
    const used = krakenUsedMargin(position, 28_133.3);
    expect(used).toBeCloseTo(9_000, 9);
    const upnl = 1.5 * (28_133.3 - 30_000);
    expect(upnl).toBeCloseTo(-2_800.05, 9);
    const equity = 10_000 + upnl;
    expect(equity).toBeCloseTo(7_199.95, 9);
    const level = marginLevel(equity, used);
    expect(level).toBeCloseTo(0.79999, 5);
    expect(krakenMarginState(level)).toBe('margin-call');
  });

  it('vector 66 (KR): $5,000, short 0.2 BTC @50,000 at 5x; at 65,200 used margin is $2,608, level 75%', () => {
    const position = { side: 'short' as const, qty: 0.2, entryPrice: 50_000, leverage: 5 };
    const used = krakenUsedMargin(position, 65_200); // 0.04 BTC valued at 65,200
    expect(used).toBeCloseTo(2_608, 9);
    const equity = 5_000 - 0.2 * (65_200 - 50_000);
    expect(equity).toBeCloseTo(1_960, 9);
    const level = marginLevel(equity, used);
    expect(level).toBeCloseTo(0.7515, 4);
    expect(krakenMarginState(level)).toBe('margin-call');
  });

  it('liquidates at 40% or lower, is ok above 80%', () => {
    expect(krakenMarginState(0.4)).toBe('liquidation');
    expect(krakenMarginState(0.8)).toBe('margin-call');
    expect(krakenMarginState(0.81)).toBe('ok');
    expect(() => krakenMarginState(1, 0.4, 0.8)).toThrow(
      'liquidation level must be below 0.4 (the call level) (got 0.8)',
    );
  });

  it('refuses a zero used margin', () => {
    expect(() => marginLevel(100, 0)).toThrow('used margin must be a number greater than 0 (got 0)');
  });
});

describe('Binance margin level (B-MGN)', () => {
  it('is assets / (liabilities + interest), infinite with no debt', () => {
    expect(assetMarginLevel(3_000, 1_000, 0)).toBe(3);
    expect(assetMarginLevel(1_100, 999.98, 0.02)).toBeCloseTo(1.1, 12);
    expect(assetMarginLevel(1_000, 0, 0)).toBe(Infinity);
  });
});
