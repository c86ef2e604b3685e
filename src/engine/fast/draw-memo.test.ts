import { describe, expect, it } from 'vitest';
import { drawExtremes, intraMinuteExtremes } from '../market/intra-minute.ts';
import { securitiesPath } from '../market/securities-path.ts';
import { seedPrng, type PrngState } from '../prng.ts';
import { generateIndexPath } from '../scenarios/catalogue.ts';
import { DrawMemo } from './draw-memo.ts';

describe('DrawMemo', () => {
  it('keeps answers up to its budget, dropping the least recently used first', () => {
    const memo = new DrawMemo<string>(10);
    memo.set('a', 'A', 4);
    memo.set('b', 'B', 4);
    expect(memo.get('a')).toBe('A'); // a is now the most recently used
    memo.set('c', 'C', 4); // 12 bytes: b goes
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')).toBe('A');
    expect(memo.get('c')).toBe('C');
    memo.set('d', 'D', 11); // larger than the budget: not kept, nothing else dropped
    expect(memo.get('d')).toBeUndefined();
    expect(memo.size).toBe(2);
  });
});

describe('kept set-up draws', () => {
  const series = Float64Array.from({ length: 600 }, (_, t) => 100 * Math.exp(0.002 * Math.sin(t / 7)));
  const state = (): PrngState => seedPrng(41);

  it('hands out the draw the function makes, as a copy, with the stream advanced as the draw leaves it', () => {
    // A run changing its own copy changes nobody else's (the first draw, then a kept one).
    for (let k = 0; k < 2; k++) intraMinuteExtremes(series, state()).lowDepth.fill(0.5);
    const prng = state();
    const again = intraMinuteExtremes(series, prng);
    const oracle = state();
    const drawn = drawExtremes(series, oracle);
    expect(again.lowDepth).toEqual(drawn.lowDepth);
    expect(again.highDepth).toEqual(drawn.highDepth);
    expect(prng).toEqual(oracle);
  });

  it('draws again for another series from the same stream state', () => {
    intraMinuteExtremes(series, state());
    const moved = series.slice();
    moved[300] = moved[300]! * 1.01;
    const kept = intraMinuteExtremes(moved, state());
    const drawn = drawExtremes(moved, state());
    expect(kept.lowDepth).toEqual(drawn.lowDepth);
    expect(kept.highDepth).toEqual(drawn.highDepth);
  });

  it('gives each caller its own index path and securities path', () => {
    const btc = generateIndexPath('2025-10-tariff-crash', { seed: 5 }).btc.slice();
    const values = securitiesPath(5, 100).slice();
    // The first draw and a kept one, each changed by its caller.
    for (let k = 0; k < 2; k++) {
      const path = generateIndexPath('2025-10-tariff-crash', { seed: 5 });
      path.btc.fill(1);
      path.alt[3] = -1;
      securitiesPath(5, 100).fill(0);
    }
    const again = generateIndexPath('2025-10-tariff-crash', { seed: 5 });
    expect(again.btc).toEqual(btc);
    expect(again.alt[3]).toBeGreaterThan(0);
    expect(securitiesPath(5, 100)).toEqual(values);
  });
});
