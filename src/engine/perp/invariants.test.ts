/**
 * Many seeded multi-trader runs under varied rules, with the invariants asserted after every step
 * (mechanics §4): conservation to 1e-9 relative, long OI = short OI, insurance fund ≥ 0, determinism.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextFloat, nextInt, nextNormal, seedPrng, type PrngState } from '../prng.ts';
import type { PerpEvent } from './events.ts';
import { openAccount, type ExchangeState } from './exchange.ts';
import { checkInvariants } from './invariants.ts';
import { fixedSpreadSeam } from './market-seam.ts';
import { MARKET_IDS } from './market.ts';
import { placeMarketOrder } from './orders.ts';
import type { LossAllocation, PerpRules } from './rules.ts';
import { stepExchange } from './step.ts';
import { testRules, testVenue } from './test-support.ts';

const ALLOCATIONS: LossAllocation[] = ['binance', 'bitmex', 'hyperliquid', 'socialised'];

function rulesFor(rng: PrngState): PerpRules {
  return testRules({
    eligibleClasses: nextFloat(rng) < 0.5 ? ['professional'] : ['retail', 'professional'],
    maxLeverage: [5, 20, 50, 125][nextInt(rng, 4)]!,
    takerFeeRate: nextFloat(rng) * 0.001,
    makerFeeRate: nextFloat(rng) * 0.0002,
    liquidationFeeRate: nextFloat(rng) * 0.015,
    partialLiquidation: nextFloat(rng) < 0.5 ? null : { sliceFraction: 0.2, minNotional: 20_000 },
    markMethod: nextFloat(rng) < 0.5 ? 'index-anchored' : 'last-traded',
    funding: {
      intervalHours: [1, 4, 8][nextInt(rng, 3)]!,
      interest: 0.0001,
      clamp: 0.0005,
      cap: nextFloat(rng) < 0.5 ? null : 0.004,
      priceSource: nextFloat(rng) < 0.5 ? 'mark' : 'index',
    },
    lossAllocation: ALLOCATIONS[nextInt(rng, 4)]!,
    negativeBalanceProtection: nextFloat(rng) < 0.8,
    insuranceFundStart: nextFloat(rng) < 0.5 ? 0 : 20_000,
  });
}

interface RunResult {
  events: PerpEvent[];
  worst: { conservation: number; openInterest: number; fund: number };
  state: ExchangeState;
}

/** A venue with `traders` random traders and a volatile price path with crash-like jumps. */
function randomRun(seed: number, traders: number, steps: number): RunResult {
  const rng = seedPrng(seed);
  const rules = rulesFor(rng);
  const state = testVenue(rules, 5e8);
  const seam = fixedSpreadSeam(nextFloat(rng) * 0.002);
  for (let i = 0; i < traders; i++)
    openAccount(
      state,
      'trader',
      nextFloat(rng) < 0.6 ? 'retail' : 'professional',
      1_000 + nextFloat(rng) * 50_000,
    );
  const events: PerpEvent[] = [];
  const prices = { BTC: 50_000, ETH: 2_500 };
  const worst = { conservation: 0, openInterest: 0, fund: Infinity };
  for (let step = 0; step < steps; step++) {
    for (let k = 0; k < Math.max(1, traders / 10); k++) {
      const account = 1 + nextInt(rng, traders);
      const market = MARKET_IDS[nextInt(rng, 2)]!;
      const leverage = 1 + nextFloat(rng) * rules.maxLeverage * 1.2;
      const wallet = state.accounts[account]!.wallet;
      const qty = (Math.max(wallet, 100) * leverage * nextFloat(rng) * 0.9) / prices[market];
      if (qty <= 0) continue;
      placeMarketOrder(
        state,
        seam,
        {
          account,
          market,
          side: nextFloat(rng) < 0.6 ? 'long' : 'short',
          qty,
          leverage,
          mode: nextFloat(rng) < 0.5 ? 'isolated' : 'cross',
        },
        events,
      );
    }
    for (const market of MARKET_IDS) {
      const jump = nextFloat(rng) < 0.01 ? -0.08 * nextFloat(rng) : 0;
      prices[market] *= Math.exp(0.004 * nextNormal(rng) + jump);
    }
    const traded = (p: number) => p * (1 + 0.003 * nextNormal(rng));
    stepExchange(
      state,
      {
        BTC: { index: prices.BTC, traded: traded(prices.BTC) },
        ETH: { index: prices.ETH, traded: traded(prices.ETH) },
      },
      seam,
      events,
    );
    const report = checkInvariants(state);
    worst.conservation = Math.max(worst.conservation, report.conservationError);
    worst.openInterest = Math.max(worst.openInterest, report.openInterestError);
    worst.fund = Math.min(worst.fund, report.minInsuranceFund);
  }
  return { events, worst, state };
}

describe('invariants over seeded multi-trader runs', () => {
  it('hold after every step for random seeds and rule sets (fast-check)', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2, max: 40 }), (seed, traders) => {
        const { events, worst } = randomRun(seed, traders, 240);
        for (const e of events) kinds.add(e.type);
        expect(worst.conservation).toBeLessThan(1e-9);
        expect(worst.openInterest).toBeLessThan(1e-9);
        expect(worst.fund).toBeGreaterThanOrEqual(0);
        for (const e of events)
          for (const v of Object.values(e)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 60 },
    );
    // The runs must actually exercise the paths the invariants guard.
    for (const kind of [
      'fill',
      'order-refused',
      'funding',
      'liquidation',
      'insurance-draw',
      'adl',
      'socialised-loss',
      'bad-debt',
    ])
      expect(kinds, kind).toContain(kind);
  });

  it('hold over a fixed sweep of 400 seeds (this sweep found float dust in open interest once)', () => {
    for (let i = 0; i < 400; i++) {
      const { worst } = randomRun(i * 7919, 2 + (i % 39), 240);
      expect(worst.conservation, `seed ${i * 7919}`).toBeLessThan(1e-9);
      expect(worst.openInterest, `seed ${i * 7919}`).toBeLessThan(1e-9);
      expect(worst.fund, `seed ${i * 7919}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('is deterministic: the same seed gives the same event stream, another seed a different one', () => {
    const a = JSON.stringify(randomRun(7, 30, 300).events);
    expect(JSON.stringify(randomRun(7, 30, 300).events)).toBe(a);
    expect(JSON.stringify(randomRun(8, 30, 300).events)).not.toBe(a);
  });

  it('keeps every isolated loss within the margin posted when negative-balance protection is on', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { state } = randomRun(seed, 30, 240);
      if (!state.rules.negativeBalanceProtection) continue;
      for (const account of state.accounts)
        if (account.kind === 'trader') expect(account.wallet).toBeGreaterThan(-1e-6);
    }
  });
});
