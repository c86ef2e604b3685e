import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  adlLights,
  adlScore,
  binanceLeveragePnl,
  rankForAdl,
  type AdlCandidate,
  type AdlMethod,
} from './adl-ranking.ts';

const position = (id: string, fields: Partial<AdlCandidate>): AdlCandidate => ({
  id,
  side: 'long',
  qty: 1,
  entry: 100,
  mark: 120,
  wallet: 10,
  mmr: 0.004,
  ...fields,
});

describe('binance (B-ADL)', () => {
  it('vector 58: UPnL 40.2, WB 4.27, margin ratio 13.42% → LeveragePnL 1.26', () => {
    const mm = 0.1342 * (4.27 + 40.2); // MarginRatio = MM/(WB + UPnL)
    expect(binanceLeveragePnl(40.2, 4.27, mm)).toBeCloseTo(1.2634, 4); // 40.2/4.27 × 0.1342
    // the same numbers as a position: 1 coin bought at 959.8, marked at 1,000
    const p = position('F', { entry: 959.8, mark: 1_000, wallet: 4.27, mmr: mm / 1_000 });
    expect(adlScore(p, 'binance')).toBeCloseTo(1.2634, 4);
  });

  it('ranks by PnL% × margin ratio; losers score 0; a wallet under 1 counts as 1', () => {
    const a = position('A', {}); // UPnL 20; 20/10 × 0.48/30 = 0.032
    const b = position('B', { qty: 2, wallet: 50 }); // UPnL 40; 40/50 × 0.96/90
    const c = position('C', { entry: 130 }); // losing
    expect(adlScore(a, 'binance')).toBeCloseTo(0.032, 12);
    expect(adlScore(b, 'binance')).toBeCloseTo(0.8 * (0.96 / 90), 12);
    expect(adlScore(c, 'binance')).toBe(0);
    expect(rankForAdl([c, b, a], 'binance').order).toEqual(['A', 'B', 'C']);
    expect(binanceLeveragePnl(10, 0.5, 1)).toBeCloseTo(10 * (1 / 10.5), 12);
    expect(binanceLeveragePnl(10, -20, 1)).toBe(0); // WB + UPnL ≤ 0 → margin ratio 0
  });
});

describe('bitmex (BM-ADL)', () => {
  const a = position('A', {}); // PnL% 0.2; EffLev 120/(120 − 90) = 4 → 0.8
  const b = position('B', { wallet: 50 }); // EffLev 120/70 → 0.2 × 12/7
  const c = position('C', { entry: 150, wallet: 50 }); // PnL% −0.2; EffLev 120/20 = 6 → −0.2/6
  const d = position('D', { side: 'short', mark: 80 }); // PnL% 0.2; BP 110; EffLev 80/30 → 0.2 × 8/3
  const e = position('E', { side: 'short', mark: 80, wallet: 40 }); // EffLev 80/60 → 0.2 × 4/3

  it('scores PnL% × EffLev for winners and PnL% / EffLev for losers', () => {
    expect(adlScore(a, 'bitmex')).toBeCloseTo(0.8, 12);
    expect(adlScore(b, 'bitmex')).toBeCloseTo((0.2 * 12) / 7, 12);
    expect(adlScore(c, 'bitmex')).toBeCloseTo(-0.2 / 6, 12);
    expect(adlScore(d, 'bitmex')).toBeCloseTo((0.2 * 8) / 3, 12);
    expect(adlScore(e, 'bitmex')).toBeCloseTo((0.2 * 4) / 3, 12);
  });

  it('ranks longs and shorts separately: the longs’ queue, then the shorts’', () => {
    const r = rankForAdl([e, c, d, b, a], 'bitmex');
    expect(r.order).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(r.bySide).toEqual({ long: ['A', 'B', 'C'], short: ['D', 'E'] });
    expect(r.scores[3]).toBeCloseTo((0.2 * 8) / 3, 12);
  });

  it('puts a position with no equity left last', () => {
    const bust = position('Z', { entry: 150, wallet: 20 }); // equity 20 − 30 < 0
    expect(adlScore(bust, 'bitmex')).toBe(-Infinity);
    expect(rankForAdl([bust, c], 'bitmex').order).toEqual(['C', 'Z']);
  });
});

describe('hyperliquid (HL-auto-deleveraging)', () => {
  it('long: (mark/entry) × notional/account value', () => {
    expect(adlScore(position('A', {}), 'hyperliquid')).toBeCloseTo(1.2 * (120 / 30), 12);
  });

  it('short: (entry/mark) × notional/account value (our reading of the side-less formula)', () => {
    const d = position('D', { side: 'short', mark: 80 }); // UPnL 20, account value 30, notional 80
    expect(adlScore(d, 'hyperliquid')).toBeCloseTo(1.25 * (80 / 30), 12);
    // at equal leverage (notional/account value 8/3) the more profitable short ranks first;
    // the literal mark/entry would rank it second (0.8 < 0.95)
    const lessProfit = position('S', { side: 'short', mark: 95, wallet: 30.625 }); // 95/35.625 = 8/3
    expect(adlScore(lessProfit, 'hyperliquid')).toBeCloseTo((100 / 95) * (8 / 3), 12);
    expect(rankForAdl([lessProfit, d], 'hyperliquid').order).toEqual(['D', 'S']);
  });
});

describe('rankForAdl', () => {
  it('breaks ties by id and refuses duplicate ids', () => {
    const twins = [position('b', {}), position('a', {}), position('c', {})];
    expect(rankForAdl(twins, 'binance').order).toEqual(['a', 'b', 'c']);
    expect(() => rankForAdl([position('a', {}), position('a', {})], 'binance')).toThrow(
      'position 2 id must be an id no other position has (got "a")',
    );
  });

  it('refuses invalid positions, naming the position and field', () => {
    expect(() => rankForAdl([position('a', { qty: 0 })], 'binance')).toThrow(
      'position a, qty must be a number greater than 0 (got 0)',
    );
  });

  const candidateArb = fc.record({
    side: fc.constantFrom<'long' | 'short'>('long', 'short'),
    qty: fc.double({ min: 0.01, max: 100, noNaN: true }),
    entry: fc.double({ min: 1, max: 1_000, noNaN: true }),
    mark: fc.double({ min: 1, max: 1_000, noNaN: true }),
    wallet: fc.double({ min: 0, max: 10_000, noNaN: true }),
    mmr: fc.double({ min: 0, max: 0.1, noNaN: true }),
  });

  it('is a permutation, sorted by score (per side for bitmex), whatever the input order', () => {
    fc.assert(
      fc.property(
        fc.array(candidateArb, { maxLength: 12 }),
        fc.constantFrom<AdlMethod>('binance', 'bitmex', 'hyperliquid'),
        fc.integer(),
        (fields, method, salt) => {
          const ps = fields.map((f, i) => ({ id: `p${i}`, ...f }));
          const r = rankForAdl(ps, method);
          expect([...r.order].sort()).toEqual(ps.map((p) => p.id).sort());
          const shuffled = [...ps].sort((x, y) => ((x.qty * salt) % 7) - ((y.qty * salt) % 7));
          expect(rankForAdl(shuffled, method)).toEqual(r);
          const sideOf = new Map(ps.map((p) => [p.id, p.side]));
          for (let i = 1; i < r.order.length; i++) {
            const sameQueue =
              method !== 'bitmex' || sideOf.get(r.order[i - 1] ?? '') === sideOf.get(r.order[i] ?? '');
            if (sameQueue) expect(r.scores[i - 1]).toBeGreaterThanOrEqual(r.scores[i] ?? NaN);
          }
        },
      ),
    );
  });
});

describe('adlLights (BM-ADL quintiles)', () => {
  it('gives 5 lights to the first fifth of the queue and 1 to the last fifth', () => {
    expect(Array.from({ length: 10 }, (_, i) => adlLights(i + 1, 10))).toEqual([
      5, 5, 4, 4, 3, 3, 2, 2, 1, 1,
    ]);
    expect(adlLights(1, 1)).toBe(5);
    expect(adlLights(3, 3)).toBe(2);
  });

  it('refuses a rank outside 1..total', () => {
    expect(() => adlLights(0, 10)).toThrow('rank must be a whole number from 1 to 10 (got 0)');
    expect(() => adlLights(1, 0)).toThrow('total must be a whole number ≥ 1 (got 0)');
  });
});
