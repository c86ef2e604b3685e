import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomRun } from './random-venue-run.ts';

describe('the liquidation-threshold index (fast engine) against the plain scan (reference)', () => {
  it('produces the identical event stream on random venues, rules and crashes (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2, max: 60 }), (seed, traders) => {
        const reference = randomRun(seed, traders, 300, false);
        const fast = randomRun(seed, traders, 300, true);
        expect(JSON.stringify(fast.events)).toBe(JSON.stringify(reference.events));
        expect(fast.worst.conservation).toBeLessThan(1e-9);
      }),
      { numRuns: 80 },
    );
  }, 30_000);

  it('agrees on a venue where a cross short fell into debt (found by fast-check: seed 5, 43 traders)', () => {
    expect(JSON.stringify(randomRun(5, 43, 300, true).events)).toBe(
      JSON.stringify(randomRun(5, 43, 300, false).events),
    );
  });

  it('agrees over a fixed sweep of 300 seeds that includes ADL and socialised losses', () => {
    const kinds = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const reference = randomRun(i * 104729, 3 + (i % 50), 240, false);
      const fast = randomRun(i * 104729, 3 + (i % 50), 240, true);
      for (const e of reference.events) kinds.add(e.type);
      expect(fast.events.length, `seed ${i * 104729}`).toBe(reference.events.length);
      expect(JSON.stringify(fast.events), `seed ${i * 104729}`).toBe(JSON.stringify(reference.events));
    }
    for (const kind of ['liquidation', 'adl', 'socialised-loss', 'insurance-draw', 'bad-debt'])
      expect(kinds).toContain(kind);
  }, 90_000); // 600 venue runs with three liquidation checks a step (the minute's high, low and close)
});
