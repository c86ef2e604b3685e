import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from './config.ts';
import { runScenario } from './run.ts';

describe('funding in a whole run (issue 15, defect 6)', () => {
  it('offshore BTC funding on 10–11 Oct 2025 is not pinned at 0.0100%, settles at 16:00, 00:00 and 08:00 UTC, and turns negative after the crash', () => {
    const { events } = runScenario({
      ...DEFAULT_RUN,
      regime: 'offshore-cex',
      population: { ...DEFAULT_RUN.population, traders: 300 },
    });
    const btc = events.filter((e) => e.type === 'funding' && e.market === 'BTC') as unknown as {
      step: number;
      rate: number;
    }[];
    // The episode starts at 12:00 UTC: 16:00 is minute 240, 00:00 minute 720, 08:00 minute 1,200.
    expect(btc.map((e) => e.step)).toEqual([240, 720, 1_200]);
    expect(btc.some((e) => Math.abs(e.rate - 0.0001) > 1e-6)).toBe(true);
    // The crash came at about 21:00 UTC: the midnight settlement pays shorts.
    expect(btc[1]!.rate).toBeLessThan(0);
  });
});
