import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARKET_IDS, MARKET_INDEX } from '../perp/market.ts';
import { ExitWatch, exitLevels, venueSlot } from './exit-watch.ts';

const slot = (venue: 'onshore' | 'offshore', market: 'BTC' | 'ETH' | 'ALT') =>
  venueSlot(venue) * MARKET_IDS.length + MARKET_INDEX[market];

describe('ExitWatch by slot', () => {
  it('gives the traders whose level the mark reached, once, and keeps the rest', () => {
    const watch = new ExitWatch();
    watch.add('onshore', 'BTC', 1, { up: 110, down: 90 });
    watch.add('onshore', 'BTC', 2, { up: 120, down: -Infinity });
    watch.add('offshore', 'BTC', 3, { up: 105, down: 95 });
    const found: number[] = [];
    watch.crossed(slot('onshore', 'BTC'), 100, found);
    expect(found).toEqual([]);
    watch.crossed(slot('onshore', 'BTC'), 115, found);
    expect(found).toEqual([1]);
    found.length = 0;
    watch.crossed(slot('onshore', 'BTC'), 89, found);
    expect(found).toEqual([1]); // its fall level is still indexed: the caller's exact test decides
    found.length = 0;
    watch.crossed(slot('onshore', 'ETH'), 1e9, found);
    watch.crossed(slot('onshore', 'BTC'), 130, found);
    expect(found).toEqual([2]);
    found.length = 0;
    watch.crossed(slot('offshore', 'BTC'), 94, found);
    expect(found).toEqual([3]);
  });

  it('takes a level reached within rounding, as before', () => {
    const watch = new ExitWatch();
    const levels = exitLevels(true, 100, 10, 0.5, -0.5);
    watch.add('onshore', 'ETH', 7, levels);
    const found: number[] = [];
    watch.crossed(slot('onshore', 'ETH'), levels.up * (1 - 1e-13), found);
    expect(found).toEqual([7]);
  });

  it('indexes a position at the levels exitLevels gives (addPosition)', () => {
    const roe = fc.oneof(fc.constant(0), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        roe,
        roe,
        fc.array(fc.double({ min: 0.5, max: 2e6, noNaN: true }), { maxLength: 6 }),
        (long, entry, leverage, tp, sl, marks) => {
          const byObject = new ExitWatch();
          const byNumbers = new ExitWatch();
          const at = slot('offshore', 'ALT');
          byObject.add('offshore', 'ALT', 4, exitLevels(long, entry, leverage, tp, sl));
          byNumbers.addPosition(at, 4, long, entry, leverage, tp, sl);
          // The levels are the heaps' keys: each mark finds the trader in both, or in neither.
          for (const mark of [...marks, entry * 1e3, entry / 1e3]) {
            const a: number[] = [];
            const b: number[] = [];
            byObject.crossed(at, mark, a);
            byNumbers.crossed(at, mark, b);
            expect(b).toEqual(a);
          }
        },
      ),
    );
  });
});
