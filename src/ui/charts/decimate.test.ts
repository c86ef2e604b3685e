import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minMaxIndices, tableIndices } from './decimate.ts';

const minutes = (n: number) => Float64Array.from({ length: n }, (_, i) => i);
const wave = (n: number) => Float64Array.from({ length: n }, (_, i) => 100 + 10 * Math.sin(i / 50) + (i % 7));
const increasing = (indices: Uint32Array) => indices.every((v, k) => k === 0 || v > indices[k - 1]!);

const series = fc
  .array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 3000 })
  .map((values) => ({ x: minutes(values.length), y: Float64Array.from(values) }));

describe('minMaxIndices', () => {
  it('returns at most 2 × buckets + 2 indices, increasing, with the first and the last point', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 400 }), ({ x, y }, buckets) => {
        const kept = minMaxIndices(x, y, buckets);
        expect(kept.length).toBeLessThanOrEqual(2 * buckets + 2);
        expect(kept[0]).toBe(0);
        expect(kept[kept.length - 1]).toBe(y.length - 1);
        expect(increasing(kept)).toBe(true);
      }),
    );
  });

  it('keeps the lowest and the highest point of the series', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 400 }), ({ x, y }, buckets) => {
        const kept = Array.from(minMaxIndices(x, y, buckets), (i) => y[i]!);
        expect(Math.min(...kept)).toBe(Math.min(...y));
        expect(Math.max(...kept)).toBe(Math.max(...y));
      }),
    );
  });

  it('keeps the extremes of every bucket, in the order they occur', () => {
    const y = Float64Array.from([5, 1, 9, 3, 8, 2, 7, 0, 6, 4]);
    // Buckets by x: [1,5.5) holds 1,9,3,8,2 (min 1 at x=1, max 9 at x=2); [5.5,9) holds 7,0 (max 7 first).
    expect(Array.from(minMaxIndices(minutes(10), y, 2))).toEqual([0, 1, 2, 6, 7, 9]);
  });

  it('lets a one-point spike survive heavy decimation', () => {
    const y = wave(100_000);
    y[54_321] = 1_000;
    y[77_777] = -1_000;
    const kept = minMaxIndices(minutes(y.length), y, 300);
    expect(kept).toContain(54_321);
    expect(kept).toContain(77_777);
  });

  it('returns short series whole and skips values that are not finite', () => {
    expect(Array.from(minMaxIndices(minutes(4), Float64Array.from([1, NaN, 3, 4]), 10))).toEqual([0, 2, 3]);
    expect(minMaxIndices(minutes(0), new Float64Array(0), 10)).toHaveLength(0);
  });
});

describe('tableIndices', () => {
  it('keeps at most maxRows rows, with the extremes of every column', () => {
    const x = minutes(5_000);
    const a = wave(5_000);
    const b = Float64Array.from(a, (v, i) => -v + (i === 4_321 ? -500 : 0));
    const rows = tableIndices(x, [a, b], 200);
    expect(rows.length).toBeLessThanOrEqual(200);
    expect(rows[0]).toBe(0);
    expect(rows[rows.length - 1]).toBe(4_999);
    expect(rows).toContain(4_321);
    expect(rows).toContain(a.indexOf(Math.max(...a)));
  });

  it('returns every row of a short table', () => {
    expect(Array.from(tableIndices(minutes(3), [wave(3)], 200))).toEqual([0, 1, 2]);
  });
});
