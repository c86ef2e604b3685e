import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyedHeap } from './heap.ts';

describe('KeyedHeap', () => {
  it.each([1, -1] as const)('pops keys in order (order %i), ties and growth included', (order) => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { maxLength: 300 }), (keys) => {
        const heap = new KeyedHeap(order);
        keys.forEach((k, i) => heap.push(k, i, 0));
        const out: number[] = [];
        while (heap.size > 0) {
          out.push(heap.peekKey());
          heap.pop();
        }
        // −0 and +0 are equal keys, popped in either order; toEqual tells them apart, so both are read as +0.
        const plain = (list: number[]) => list.map((k) => k + 0);
        expect(plain(out)).toEqual(plain([...keys].sort((a, b) => order * (a - b))));
      }),
    );
  });

  it('keeps each id and version with its key through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { maxLength: 300 }), (keys) => {
        const heap = new KeyedHeap(1);
        keys.forEach((k, i) => heap.push(k, i, 7 * i + 1));
        while (heap.size > 0) {
          const id = heap.peekId();
          expect([heap.peekKey(), heap.peekVersion()]).toEqual([keys[id], 7 * id + 1]);
          heap.pop();
        }
      }),
    );
  });

  it('keeps the id and version with their key', () => {
    const heap = new KeyedHeap(1);
    heap.push(3, 30, 1);
    heap.push(1, 10, 2);
    heap.push(2, 20, 3);
    expect([heap.peekKey(), heap.peekId(), heap.peekVersion()]).toEqual([1, 10, 2]);
    heap.pop();
    expect([heap.peekKey(), heap.peekId(), heap.peekVersion()]).toEqual([2, 20, 3]);
    expect(new KeyedHeap(1).peekKey()).toBeNaN();
  });
});
