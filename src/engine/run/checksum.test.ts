import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESET_IDS } from '../regimes/types.ts';
import { checksumHex, emptyChecksum, foldEvent, foldRunEvent } from './checksum.ts';
import { DEFAULT_RUN } from './config.ts';
import { createRun } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';

const hashOf = (...events: unknown[]) => {
  const c = emptyChecksum();
  for (const e of events) foldEvent(c, e);
  return checksumHex(c);
};

describe('the event checksum', () => {
  it('is 16 hex digits and the same for the same events', () => {
    const e = { type: 'liquidation', step: 12, qty: 0.5, venue: 'offshore', trader: 3, flags: [true, null] };
    expect(hashOf(e)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashOf(e, e)).toBe(hashOf(structuredClone(e), structuredClone(e)));
  });

  it('changes when any value changes, by the last bit of a number', () => {
    const base = { type: 'fill', step: 1, price: 100, trader: null as number | null };
    const variants = [
      { ...base, type: 'fills' },
      { ...base, step: 2 },
      { ...base, price: 100 + 100 * Number.EPSILON },
      { ...base, trader: 0 },
      { ...base, price: '100' },
      { ...base, extra: false },
    ];
    const hashes = new Set([hashOf(base), ...variants.map((v) => hashOf(v))]);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('depends on the order of events', () => {
    expect(hashOf({ step: 1 }, { step: 2 })).not.toBe(hashOf({ step: 2 }, { step: 1 }));
  });

  it('tells apart random pairs of distinct events', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.string(), (x, y, s) => {
        fc.pre(!Object.is(x, y));
        expect(hashOf({ type: s, v: x })).not.toBe(hashOf({ type: s, v: y }));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("the run's fold by field name", () => {
  it("gives the generic fold's bits on every event of runs under every preset, each type seen", () => {
    const seen = new Set<string>();
    for (const regime of PRESET_IDS) {
      const run = createRun({
        ...DEFAULT_RUN,
        regime,
        population: { ...DEFAULT_RUN.population, traders: 300, leakage: 0.3 },
        eventLog: 'all',
      });
      while (!isFinished(run)) stepRun(run);
      const generic = emptyChecksum();
      const byName = emptyChecksum();
      for (const event of run.events) {
        seen.add(event.type);
        foldEvent(generic, event);
        foldRunEvent(byName, event);
        expect(byName, `${regime}: ${event.type}`).toEqual(generic);
      }
    }
    for (const type of ['fill', 'spot-trade', 'repayment', 'interest', 'loan']) expect(seen).toContain(type);
  });
});
