import { describe, expect, it } from 'vitest';
import { gapKeep, pathTables } from './path-tables.ts';
import { gapHalfLife, stressedDepthShare, STRESS_WINDOW_MINUTES } from './venue-depth.ts';

/** The tables of a series short enough to keep. */
const tablesOf = (series: Float64Array, calm: number) => {
  const tables = pathTables(series, calm);
  if (tables === null) throw new Error('no tables for a short series');
  return tables;
};

const series = (bump: number) =>
  Float64Array.from({ length: 301 }, (_, t) => 100 * (1 + 0.01 * Math.sin(t / 9)) * (t === 77 ? bump : 1));

describe('per-path tables of the venue feed', () => {
  it('hold each minute’s depth share of their own series, even beside one that looks alike', () => {
    const a = series(1);
    const b = series(1.2); // same length, first, middle and last price as a: told apart by content
    pathTables(a, 3);
    const tables = tablesOf(b, 3);
    for (let t = 1; t < b.length; t++)
      expect(tables.shares[t]).toBe(stressedDepthShare(b[t]!, b[Math.max(0, t - STRESS_WINDOW_MINUTES)]!));
    expect(tablesOf(a, 3).shares[77]).not.toBe(tables.shares[77]);
  });

  it('share factors between runs of the same series and calm half-life only', () => {
    const a = series(1);
    const first = tablesOf(a, 3);
    first.keeps[10] = gapKeep(3, first.shares[10]!);
    expect(tablesOf(a.slice(), 3).keeps[10]).toBe(first.keeps[10]);
    expect(tablesOf(a, 5).keeps[10]).toBeNaN(); // another half-life: its own table
    expect(gapKeep(3, 0.5)).toBe(Math.pow(0.5, 1 / gapHalfLife(3, 0.5)));
  });

  it('are not made for a path too long to keep (its run works each minute out as it comes)', () => {
    expect(pathTables(new Float64Array(800_001).fill(100), 3)).toBeNull();
    expect(pathTables(new Float64Array(600_001).fill(100), 3)).not.toBeNull();
  });
});
