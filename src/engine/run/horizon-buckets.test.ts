import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HorizonBuckets } from './horizon-buckets.ts';

describe('horizons in buckets by exit minute', () => {
  it('gives each minute its traders in entry order, every trader once (fast-check)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 50 })
          .chain((lastMinute) =>
            fc.tuple(
              fc.constant(lastMinute),
              fc.array(fc.integer({ min: 0, max: lastMinute + 3 }), { maxLength: 300 }),
            ),
          ),
        fc.nat(),
        ([lastMinute, exits], shuffleSeed) => {
          const n = exits.length;
          const exitMinute = Uint32Array.from(exits);
          // Any entry order: a rotation of the ids, reversed on odd seeds.
          const ids = [...Array(n).keys()].map((k) => (k + shuffleSeed) % Math.max(1, n));
          if (shuffleSeed % 2) ids.reverse();
          const entryOrder = Uint32Array.from(ids);
          const buckets = new HorizonBuckets(exitMinute, entryOrder, lastMinute);
          const seen: number[] = [];
          for (let m = 0; m <= lastMinute + 1; m++) {
            const got: number[] = [];
            for (let k = buckets.first(m); k < buckets.end(m); k++) got.push(buckets.trader(k));
            const expected = [...entryOrder].filter((i) =>
              m <= lastMinute ? exitMinute[i] === m : exitMinute[i]! > lastMinute,
            );
            expect(got, `minute ${m}`).toEqual(expected);
            seen.push(...got);
          }
          expect(seen.sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
