/**
 * Many seeded multi-trader runs under varied rules, with the invariants asserted after every step
 * (mechanics §4): conservation to 1e-9 relative (to all deposits, and to the traders' deposits alone since the
 * liquidity provider's 5e8 would hide a $0.50 leak), long OI = short OI, insurance fund ≥ 0, determinism.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomRun } from './random-venue-run.ts';

/** The paths the invariants guard: a sweep that never reaches one of them would prove nothing about it. */
const PATHS = [
  'fill',
  'order-refused',
  'funding',
  'liquidation',
  'insurance-draw',
  'adl',
  'socialised-loss',
  'bad-debt',
];
const sweptKinds = new Set<string>();

describe('invariants over seeded multi-trader runs', () => {
  // 60 runs take about 4 s alone; a shared machine under load needs more than the default 5 s.
  it('hold after every step for random seeds and rule sets (fast-check)', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2, max: 40 }), (seed, traders) => {
        const { events, worst } = randomRun(seed, traders, 240);
        expect(worst.conservation).toBeLessThan(1e-9);
        expect(worst.traderConservation).toBeLessThan(1e-9); // of the traders' money, not the provider's 5e8
        expect(worst.openInterest).toBeLessThan(1e-9);
        expect(worst.fund).toBeGreaterThanOrEqual(0);
        for (const e of events)
          for (const v of Object.values(e)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('hold over a fixed sweep of 400 seeds (this sweep found float dust in open interest once)', () => {
    for (let i = 0; i < 400; i++) {
      const { events, worst } = randomRun(i * 7919, 2 + (i % 39), 240);
      expect(worst.conservation, `seed ${i * 7919}`).toBeLessThan(1e-9);
      expect(worst.traderConservation, `seed ${i * 7919}`).toBeLessThan(1e-9); // worst measured: 2.2e-11
      expect(worst.openInterest, `seed ${i * 7919}`).toBeLessThan(1e-9);
      expect(worst.fund, `seed ${i * 7919}`).toBeGreaterThanOrEqual(0);
      for (const e of events) sweptKinds.add(e.type);
    }
    // The fixed sweep must exercise every path the invariants guard (checked here, on fixed seeds, because the
    // property's seeds change with each commit and a socialised loss comes up in only about 6% of random runs).
    for (const kind of PATHS) expect(sweptKinds, kind).toContain(kind);
  }, 30_000); // three liquidation checks a step (the minute's high, low and close)

  it('is deterministic: the same seed gives the same event stream, another seed a different one', () => {
    const a = JSON.stringify(randomRun(7, 30, 300).events);
    expect(JSON.stringify(randomRun(7, 30, 300).events)).toBe(a);
    expect(JSON.stringify(randomRun(8, 30, 300).events)).not.toBe(a);
  });

  it('keeps every isolated loss within the margin posted when negative-balance protection is on', () => {
    // Isolated margin is carved out of the wallet (trade.ts), so a loss kept within it never lowers the wallet:
    // for a trader holding only isolated positions, a step (funding, liquidation, ADL, socialised loss all settle
    // into the isolated margin or release it) may not take the wallet below what it was before the step.
    let shortfalls = 0; // isolated liquidations past the bankruptcy price: the losses that would spill over
    let protectedRuns = 0;
    for (let seed = 0; seed < 20; seed++) {
      const before = new Map<number, number>();
      const { state, events: all } = randomRun(seed, 30, 240, false, {
        before(venue) {
          before.clear();
          if (!venue.rules.negativeBalanceProtection) return;
          for (const account of venue.accounts) {
            if (account.kind !== 'trader') continue;
            const positions = Object.values(account.positions).filter((p) => p !== undefined);
            if (positions.length > 0 && positions.every((p) => p.mode === 'isolated'))
              before.set(account.id, account.wallet);
          }
        },
        after(venue, events, from) {
          for (const [id, wallet] of before)
            expect(
              venue.accounts[id]!.wallet,
              `seed ${seed} account ${id} step ${venue.step}`,
            ).toBeGreaterThanOrEqual(wallet - 1e-9 * Math.max(1, Math.abs(wallet)));
          for (const e of events.slice(from))
            if (
              e.type === 'liquidation' &&
              e.mode === 'isolated' &&
              before.has(e.account) &&
              e.settlement !== 'within-margin'
            )
              shortfalls++;
        },
      });
      if (!state.rules.negativeBalanceProtection) continue;
      protectedRuns++;
      expect(all.filter((e) => e.type === 'bad-debt')).toEqual([]);
      for (const account of state.accounts)
        if (account.kind === 'trader') expect(account.wallet).toBeGreaterThan(-1e-6);
    }
    // The seeds must exercise what the test claims: protected venues with isolated losses past the margin.
    expect(protectedRuns).toBeGreaterThan(10);
    expect(shortfalls).toBeGreaterThan(0);
  });
});
