import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortUnique } from './sorted-ids.ts';

describe('sortUnique', () => {
  it('gives the ids ascending, each once, in the same array', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 80 }), (ids) => {
        const expected = [...new Set(ids)].sort((a, b) => a - b);
        const same = ids;
        expect(sortUnique(ids)).toBe(same);
        expect(ids).toEqual(expected);
      }),
      { numRuns: 300 }, // lengths on both sides of the insertion sort's limit (32)
    );
  });
});
