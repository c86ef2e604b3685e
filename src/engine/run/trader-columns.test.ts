import { describe, expect, it } from 'vitest';
import { traderColumns } from './run-state.ts';

describe('traderColumns', () => {
  it.each([1, 3, 200, 1001])('gives %i traders columns that share no place', (n) => {
    const columns = traderColumns(n);
    const names = Object.keys(columns) as (keyof typeof columns)[];
    expect(columns.accountOf.every((a) => a === -1)).toBe(true);
    // Each column filled with its own number (small enough for every type), then all read back.
    names.forEach((name, k) => columns[name].fill(k + 1));
    names.forEach((name, k) => {
      expect(columns[name].length).toBe(n);
      expect(columns[name].every((x) => x === k + 1)).toBe(true);
    });
  });
});
