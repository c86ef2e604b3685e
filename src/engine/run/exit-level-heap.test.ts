import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyedHeap } from '../fast/heap.ts';
import { ExitLevelHeap } from './exit-level-heap.ts';

describe('ExitLevelHeap', () => {
  it.each([1, -1] as const)(
    'pops the same levels and traders as KeyedHeap, in its order (order %i), ties and growth included',
    (order) => {
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              // Few distinct levels as well as many, so ties are common: they must part as KeyedHeap parts them.
              fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 })),
              fc.boolean(),
            ),
            {
              maxLength: 300,
            },
          ),
          (steps) => {
            const heap = new ExitLevelHeap(order);
            const keyed = new KeyedHeap(order);
            const out: number[] = [];
            const expected: number[] = [];
            // Pushes with pops between them, so the tree is rebuilt from its last entry as the index's is.
            steps.forEach(([level, pop], trader) => {
              heap.push(level, trader);
              keyed.push(level, trader, 0);
              if (pop) {
                out.push(heap.peekKey(), heap.peekTrader());
                expected.push(keyed.peekKey(), keyed.peekId());
                heap.pop();
                keyed.pop();
              }
            });
            while (keyed.size > 0) {
              out.push(heap.peekKey(), heap.peekTrader());
              expected.push(keyed.peekKey(), keyed.peekId());
              heap.pop();
              keyed.pop();
            }
            expect(heap.size).toBe(0);
            expect(out).toEqual(expected);
          },
        ),
      );
    },
  );

  it('reads NaN at the top when empty', () => {
    const heap = new ExitLevelHeap(1);
    expect(heap.peekKey()).toBeNaN();
    heap.push(2, 7);
    heap.pop();
    expect(heap.peekKey()).toBeNaN();
  });
});
