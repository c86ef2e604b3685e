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
});
