import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFill, PositionRecord, unrealisedPnl } from './position.ts';

describe('applyFill: entry averaging, reduce and flip (mechanics §1.3)', () => {
  it('averages linear buys by size — vector 4 (BY-AVG): 1 @ 10,000 + 2 @ 13,000 → 12,000', () => {
    const first = applyFill(0, 0, 1, 10_000);
    const second = applyFill(first.size, first.entryPrice, 2, 13_000);
    expect(second.size).toBe(3);
    expect(second.entryPrice).toBeCloseTo(12_000, 9);
  });

  it('vector 7 (BY-AVG): 0.5 @ 50,000 then 0.8 @ 51,000 → 50,615.38', () => {
    const first = applyFill(0, 0, 0.5, 50_000);
    const second = applyFill(first.size, first.entryPrice, 0.8, 51_000);
    expect(second.entryPrice).toBeCloseTo(65_800 / 1.3, 6);
  });

  it('keeps the entry on a reduce and realises side·q·(fill − entry) (HL-entry-price-and-pnl)', () => {
    const r = applyFill(-3, 200, 1, 150); // short 3 @ 200, buy back 1 @ 150
    expect(r).toMatchObject({ size: -2, entryPrice: 200, realisedPnl: 50, closedQty: 1, openedQty: 0 });
  });

  it('flips as a full close plus an opening at the fill price (mechanics §1.3)', () => {
    const r = applyFill(1, 100, -3, 90); // long 1 @ 100, sell 3 @ 90
    expect(r).toMatchObject({ size: -2, entryPrice: 90, realisedPnl: -10, closedQty: 1, openedQty: 2 });
  });

  it('vector 69: A buys 1 from B @100, sells 1 to C @110, mark 105 → Σ(realised + unrealised) = 0', () => {
    const a1 = applyFill(0, 0, 1, 100);
    const b = applyFill(0, 0, -1, 100);
    const a2 = applyFill(a1.size, a1.entryPrice, -1, 110);
    const c = applyFill(0, 0, 1, 110);
    expect(a2.realisedPnl).toBe(10);
    expect(a2.size).toBe(0);
    const upnlB = unrealisedPnl(b, 105);
    const upnlC = unrealisedPnl(c, 105);
    expect(upnlB).toBe(-5);
    expect(upnlC).toBe(-5);
    expect(a2.realisedPnl + upnlB + upnlC).toBe(0);
  });

  it('property: realised + unrealised equals the cash flow of all fills (PnL is path-consistent)', () => {
    const fillArb = fc.record({
      delta: fc.double({ min: -5, max: 5, noNaN: true }).filter((d) => Math.abs(d) > 1e-3),
      price: fc.double({ min: 1, max: 1e5, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(fillArb, { minLength: 1, maxLength: 20 }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        (fills, mark) => {
          let size = 0;
          let entry = 0;
          let realised = 0;
          let cash = 0; // − Σ delta·price: what buying and selling paid
          for (const { delta, price } of fills) {
            const r = applyFill(size, entry, delta, price);
            size = r.size;
            entry = r.entryPrice;
            realised += r.realisedPnl;
            cash -= delta * price;
          }
          const total = realised + unrealisedPnl({ size, entryPrice: entry }, mark);
          const expected = cash + size * mark;
          const scale = fills.reduce((m, f) => m + Math.abs(f.delta * f.price), 0) + Math.abs(size * mark);
          expect(Math.abs(total - expected)).toBeLessThanOrEqual(1e-9 * scale);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('PositionRecord: a position whose numbers live in a shared Float64Array row', () => {
  const fields = [
    'size',
    'entryPrice',
    'isolatedMargin',
    'leverage',
    'fundingSnapshot',
    'lossSnapshot',
  ] as const;

  it('gives back every number as written, bit for bit, each record in a row of its own', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double(), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 40 }),
        (rows) => {
          const records = rows.map(
            (r) => new PositionRecord(r[0]!, r[1]!, 'isolated', r[2]!, r[3]!, r[4]!, r[5]!),
          );
          records.forEach((record, k) => {
            expect(record.mode).toBe('isolated');
            fields.forEach((field, f) => expect(Object.is(record[field], rows[k]![f]!)).toBe(true));
          });
          // Written after every record exists: a write lands in its own record's row only.
          records.forEach((record, k) => fields.forEach((field, f) => (record[field] = k * 10 + f - 0.5)));
          records.forEach((record, k) =>
            fields.forEach((field, f) => expect(record[field]).toBe(k * 10 + f - 0.5)),
          );
        },
      ),
    );
  });

  it('keeps its numbers apart across blocks of rows (more records than one block holds)', () => {
    const records = Array.from({ length: 9_000 }, (_, k) => new PositionRecord(k, -k, 'cross', 0, 1, -0, k));
    records.forEach((record, k) => {
      expect(record.size).toBe(k);
      expect(record.entryPrice).toBe(-k);
      expect(Object.is(record.fundingSnapshot, -0)).toBe(true);
      expect(record.lossSnapshot).toBe(k);
    });
    expect(records[8_999]!.toJSON()).toEqual({
      size: 8_999,
      entryPrice: -8_999,
      mode: 'cross',
      isolatedMargin: 0,
      leverage: 1,
      fundingSnapshot: -0,
      lossSnapshot: 8_999,
    });
  });
});
