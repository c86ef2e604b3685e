/**
 * Seeded random multi-client runs under varied rules, with every invariant checked after every request and
 * every step (mechanics §4; model.md "Accounts and conservation"): cash and units conserved, loans and interest
 * equal on both sides, the value identity at one price set, no NaN or Infinity in any event, determinism.
 */
import { MarginWatch } from './margin-watch.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MarginFinancingRules } from '../margin/financing-rules.ts';
import { nextFloat, nextInt, nextNormal, seedPrng, type PrngState } from '../prng.ts';
import type { BrokerEvent } from './broker-events.ts';
import { brokerFailure } from './broker-failure.ts';
import { checkBrokerInvariants } from './broker-invariants.ts';
import { BROKER_ASSETS, type AssetPrices, type BrokerState } from './broker-state.ts';
import { stepBroker } from './broker-step.ts';
import { openClient } from './clients.ts';
import { maxCreditPurchase } from './credit-capacity.ts';
import { borrowCash, buyOnCredit, repay, topUp } from './financing.ts';
import type { ClientReactions } from './reactions.ts';
import { fixedSpreadSpotSeam, type SpotSeam } from './spot-seam.ts';
import { buySpot, sellSpot } from './spot.ts';
import {
  HK_CIRCULAR,
  HK_SECURITIES_ONLY,
  nonFiniteNumbers,
  OFFSHORE,
  PRICES,
  testBroker,
  worstInvariant,
} from './test-support.ts';

function rulesFor(rng: PrngState): MarginFinancingRules {
  const base = [HK_CIRCULAR, HK_SECURITIES_ONLY, OFFSHORE][nextInt(rng, 3)]!;
  return {
    ...base,
    curePeriodMinutes: [0, 30, 240, 1_440][nextInt(rng, 4)]!,
    hourlyInterestRate: nextFloat(rng) * 0.0005,
    rehypothecationShare: nextFloat(rng) < 0.5 ? base.rehypothecationShare : nextFloat(rng),
  };
}

/** A reaction plan with its own random stream, as a population would have. */
function randomReactions(rng: PrngState): ClientReactions {
  return () => {
    const u = nextFloat(rng);
    if (u < 0.3) return { kind: 'top-up', amount: nextFloat(rng) * 20_000 };
    if (u < 0.45) return { kind: 'reduce' };
    if (u < 0.6) return { kind: 'reduce', value: nextFloat(rng) * 30_000 };
    return { kind: 'nothing' };
  };
}

function randomRequest(state: BrokerState, seam: SpotSeam, rng: PrngState, events: BrokerEvent[]): void {
  const id = nextInt(rng, state.clients.length);
  const client = state.clients[id]!;
  const asset = BROKER_ASSETS[nextInt(rng, 4)]!;
  const kind = nextInt(rng, 7);
  const qtyFor = (usd: number) => Math.max(usd, 1) / state.prices[asset];
  if (kind === 0) buySpot(state, seam, id, asset, qtyFor(client.cash * nextFloat(rng) * 1.2), events);
  else if (kind === 1)
    sellSpot(
      state,
      seam,
      id,
      asset,
      Math.max(client.holdings[asset], 1e-6) * nextFloat(rng) * 1.2 || 1e-6,
      events,
    );
  else if (kind === 2 || kind === 3) {
    const max = maxCreditPurchase(state, id, asset, seam.fillPrice(state, asset, 'buy', 1, 'order'));
    const qty = nextFloat(rng) < 0.7 ? max * nextFloat(rng) : qtyFor(client.cash * 20 * nextFloat(rng));
    if (qty > 0) buyOnCredit(state, seam, id, asset, qty, events);
  } else if (kind === 4) borrowCash(state, id, 1 + nextFloat(rng) * 50_000, events);
  else if (kind === 5) repay(state, id, 1 + nextFloat(rng) * 30_000, events);
  else topUp(state, id, 1 + nextFloat(rng) * 10_000, events);
}

function nextPrices(prices: AssetPrices, rng: PrngState): AssetPrices {
  const crash = nextFloat(rng) < 0.01 ? -0.4 * nextFloat(rng) : 0; // crypto crashes together
  const common = 0.01 * nextNormal(rng) + crash;
  return {
    BTC: prices.BTC * Math.exp(common + 0.003 * nextNormal(rng)),
    ETH: prices.ETH * Math.exp(1.2 * common + 0.004 * nextNormal(rng)),
    'other-crypto': prices['other-crypto'] * Math.exp(1.8 * common + 0.01 * nextNormal(rng)),
    securities: prices.securities * Math.exp(0.003 * nextNormal(rng) + (nextFloat(rng) < 0.005 ? -0.1 : 0)),
  };
}

function randomRun(seed: number, clients: number, steps: number, fast = false) {
  const rng = seedPrng(seed);
  const rules = rulesFor(rng);
  const state = testBroker(rules, {
    spotFeeRate: nextFloat(rng) * 0.002,
    stepMinutes: [1, 5, 15][nextInt(rng, 3)]!,
    brokerCapital: 2e5 + nextFloat(rng) * 5e6,
  });
  if (fast) state.watch = new MarginWatch();
  const seam = fixedSpreadSpotSeam(nextFloat(rng) * 0.003);
  const reactions = randomReactions(seedPrng(seed ^ 0x5bd1e995));
  for (let i = 0; i < clients; i++)
    openClient(state, {
      investorClass: nextFloat(rng) < 0.5 ? 'retail' : 'professional',
      cash: 1_000 + nextFloat(rng) * 200_000,
      financing: nextFloat(rng) < 0.75,
      holdings:
        nextFloat(rng) < 0.6
          ? { securities: nextFloat(rng) * 2_000, BTC: nextFloat(rng) < 0.3 ? nextFloat(rng) * 2 : 0 }
          : {},
    });
  const failAt = nextFloat(rng) < 0.3 ? nextInt(rng, steps) : -1;
  const events: BrokerEvent[] = [];
  let worst = 0;
  const check = () => (worst = Math.max(worst, worstInvariant(state).error));
  let prices = { ...PRICES };
  for (let step = 0; step < steps; step++) {
    for (let k = 0; k < Math.max(1, clients / 5); k++) {
      randomRequest(state, seam, rng, events);
      check();
    }
    if (step === failAt) brokerFailure(state, events);
    prices = nextPrices(prices, rng);
    stepBroker(state, prices, seam, reactions, events);
    check();
    // The value identity holds at any one common price set, not only the current one.
    worst = Math.max(worst, checkBrokerInvariants(state, PRICES).valueError);
    // Interest accrues on the debtor list: ascending, it must hold every client owing principal (and may hold
    // clients that repaid since the last hourly pass, which drops them: loan-book.test.ts).
    const owing = state.clients.filter((c) => c.principal > 0).map((c) => c.id);
    const listed = state.debtors.filter((id) => state.clients[id]!.principal > 0);
    if (owing.join() !== listed.join()) worst = Infinity;
    if (state.debtors.some((id, k) => k > 0 && !(state.debtors[k - 1]! < id))) worst = Infinity;
    // The hourly pass reads principals from the interest book (interest-book.ts): each the client's own.
    if (state.clients.some((c) => state.interestBook.principal[c.id] !== c.principal)) worst = Infinity;
  }
  return { state, events, worst };
}

describe('broker invariants over seeded random runs', () => {
  it('hold after every request and step, with finite numbers in every event (fast-check)', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2, max: 30 }), (seed, clients) => {
        const { state, events, worst } = randomRun(seed, clients, 300);
        for (const e of events) kinds.add(e.type);
        expect(worst).toBeLessThan(1e-9);
        expect(nonFiniteNumbers(events)).toEqual([]);
        for (const c of state.clients) {
          // IEEE doubles, no rounding in the engine: a repayment of all the cash can leave an ulp of dust.
          expect(c.cash).toBeGreaterThanOrEqual(-1e-9);
          for (const asset of BROKER_ASSETS) expect(c.holdings[asset]).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 60 },
    );
    // The runs must exercise the paths the invariants guard.
    for (const kind of [
      'spot-trade',
      'broker-refused',
      'loan',
      'interest',
      'interest-accrued',
      'repayment',
      'margin-call',
      'top-up',
      'reduce',
      'cure',
      'forced-sale',
      'shortfall',
      'broker-failure-loss',
      'broker-failure-return',
    ])
      expect(kinds, kind).toContain(kind);
  });

  it('is deterministic: the same seed gives the same event stream, another seed a different one', () => {
    const a = JSON.stringify(randomRun(11, 20, 200).events);
    expect(JSON.stringify(randomRun(11, 20, 200).events)).toBe(a);
    expect(JSON.stringify(randomRun(12, 20, 200).events)).not.toBe(a);
  });

  it('detects money created out of nothing', () => {
    const { state } = randomRun(3, 5, 10);
    state.clients[0]!.cash += 1;
    expect(checkBrokerInvariants(state).cashError).toBeGreaterThan(1e-12);
    state.clients[0]!.cash -= 1;
    state.estate.holdings.BTC += 1;
    expect(checkBrokerInvariants(state).unitsError).toBeGreaterThan(1e-9);
    expect(checkBrokerInvariants(state).valueError).toBeGreaterThan(1e-12);
  });

  it('the fast engine (margin-check index) reviews the same clients to the same effect as the plain loop', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 25 }), (seed, clients) => {
        const reference = randomRun(seed, clients, 300, false);
        const fast = randomRun(seed, clients, 300, true);
        expect(JSON.stringify(fast.events)).toBe(JSON.stringify(reference.events));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the invariant report, in one pass over the clients', () => {
  /** A pass per sum, as the report was first written: the order of additions its figures' bits come from. */
  function byPasses(state: BrokerState, prices: AssetPrices) {
    const worth = (h: BrokerState['totalUnits']) =>
      BROKER_ASSETS.reduce((sum, asset) => sum + h[asset] * prices[asset], 0);
    const { broker, liquidityProvider: lp, estate } = state;
    const scale = Math.max(state.totalCash, 1);
    let cash = broker.cash + lp.cash + state.feeCollector;
    for (const client of state.clients) cash += client.cash;
    let principal = 0;
    for (const client of state.clients) principal += client.principal;
    let interest = 0;
    for (const client of state.clients) interest += client.interest;
    let value = broker.cash + broker.loansOutstanding + broker.interestReceivable;
    value += lp.cash + worth(lp.holdings) + state.feeCollector + worth(estate.holdings);
    for (const c of state.clients) value += c.cash + worth(c.holdings) - c.principal - c.interest;
    let unitsError = 0;
    for (const asset of BROKER_ASSETS) {
      let units = lp.holdings[asset] + estate.holdings[asset];
      for (const client of state.clients) units += client.holdings[asset];
      const total = state.totalUnits[asset];
      unitsError = Math.max(unitsError, Math.abs(units - total) / Math.max(total, 1));
    }
    const expected = state.totalCash + worth(state.totalUnits);
    return {
      cashError: Math.abs(cash - state.totalCash) / scale,
      unitsError,
      loansError: Math.abs(principal - broker.loansOutstanding) / scale,
      interestError: Math.abs(interest - broker.interestReceivable) / scale,
      valueError: Math.abs(value - expected) / Math.max(expected, 1),
    };
  }

  it('gives the bits of a pass per sum, on seeded random multi-client runs', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = seedPrng(seed);
      const state = testBroker(seed % 2 ? OFFSHORE : HK_CIRCULAR, { spotFeeRate: 0.001 });
      const seam = fixedSpreadSpotSeam(0.0005);
      const events: BrokerEvent[] = [];
      for (let c = 0; c < 30; c++) {
        const id = openClient(state, {
          investorClass: 'professional',
          cash: 1_000 + 100_000 * nextFloat(rng),
          financing: true,
          holdings: { securities: 1_000 * nextFloat(rng) },
        });
        buyOnCredit(state, seam, id, nextFloat(rng) < 0.5 ? 'BTC' : 'ETH', 2 * nextFloat(rng), events);
      }
      const prices = { ...PRICES, BTC: PRICES.BTC * (0.5 + nextFloat(rng)) };
      expect(checkBrokerInvariants(state, prices)).toEqual(byPasses(state, prices));
      expect(checkBrokerInvariants(state)).toEqual(byPasses(state, state.prices));
    }
  });
});
