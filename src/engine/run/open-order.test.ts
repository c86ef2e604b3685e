import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byOpenSeq } from './run-engine.ts';

/** Traders 0..n−1 opened in a drawn order; openSeq and its inverse as the run keeps them. */
function opened(order: number[]) {
  const openSeq = new Float64Array(order.length);
  const traderBySeq = new Int32Array(order.length);
  order.forEach((trader, place) => {
    openSeq[trader] = place;
    traderBySeq[place] = trader;
  });
  return { openSeq, traderBySeq };
}

describe('the crossed exits in the order traders opened', () => {
  it('are what a comparison sort by place gives, short lists and long, a trader found twice kept twice', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 300 })
          .chain((n) =>
            fc.tuple(
              fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
              fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 200, size: 'max' }),
            ),
          ),
        ([order, found]) => {
          const { openSeq, traderBySeq } = opened(order);
          const expected = [...found].sort((a, b) => openSeq[a]! - openSeq[b]!);
          const traders = [...found];
          byOpenSeq(traders, openSeq, traderBySeq);
          expect(traders).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a trader with no place of its own where the comparison sort puts it', () => {
    const { openSeq, traderBySeq } = opened([...Array(40).keys()]);
    openSeq[39] = 0; // as if it never opened: its place is another trader's
    const found = [...Array(40).keys()].reverse();
    const expected = [...found].sort((a, b) => openSeq[a]! - openSeq[b]!);
    byOpenSeq(found, openSeq, traderBySeq);
    expect(found).toEqual(expected);
  });
});
