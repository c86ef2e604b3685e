import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryOrderOf } from './run-state.ts';

describe('the order traders enter in', () => {
  it('is by entry minute, ties by id: what a comparison sort on (minute, id) gives', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (minutes) => {
        const entryMinute = Uint32Array.from(minutes);
        const sorted = Array.from(minutes, (_, i) => i).sort(
          (a, b) => entryMinute[a]! - entryMinute[b]! || a - b,
        );
        expect(Array.from(entryOrderOf(entryMinute))).toEqual(sorted);
      }),
    );
  });
});
