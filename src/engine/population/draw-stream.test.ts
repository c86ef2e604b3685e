/**
 * The Int32Array stream against prng.ts itself: the same draws bit for bit (uniforms, normals, raw words),
 * and the state written back equal to prng.ts's, so a caller's stream moves on as if prng.ts had drawn.
 */
import { describe, expect, it } from 'vitest';
import { nextFloat, nextNormal, nextUint32, seedPrng } from '../prng.ts';
import { drawStream, storeStream, streamFloat, streamNormal, streamUint32 } from './draw-stream.ts';

describe('draw stream', () => {
  it('draws what prng.ts draws and leaves the same state', () => {
    for (const seed of [0, 1, 2026, 0x5eed_0f7a, 2 ** 32 - 1, -7, Number.MAX_SAFE_INTEGER]) {
      const reference = seedPrng(seed);
      const state = seedPrng(seed);
      const stream = drawStream(state);
      for (let k = 0; k < 20_000; k++) {
        const kind = k % 3;
        if (kind === 0) expect(streamFloat(stream)).toBe(nextFloat(reference));
        else if (kind === 1) expect(streamNormal(stream)).toBe(nextNormal(reference));
        else expect(streamUint32(stream)).toBe(nextUint32(reference));
      }
      storeStream(stream, state);
      expect(state).toEqual(reference);
      // And prng.ts carries on from the stored state as from its own.
      for (let k = 0; k < 100; k++) expect(nextUint32(state)).toBe(nextUint32(reference));
    }
  });
});
