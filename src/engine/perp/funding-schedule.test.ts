import { describe, expect, it } from 'vitest';
import type { FundingEvent, PerpEvent } from './events.ts';
import { openAccount, type ExchangeState } from './exchange.ts';
import { checkInvariants } from './invariants.ts';
import { accountEquity, pendingCharges, settlePending } from './margin.ts';
import { fixedSpreadSeam } from './market-seam.ts';
import { placeMarketOrder } from './orders.ts';
import { stepExchange } from './step.ts';
import { testRules, testVenue } from './test-support.ts';

const seam = fixedSpreadSeam(0);

function run(state: ExchangeState, steps: number, btcIndex: number, btcTraded: number, events: PerpEvent[]) {
  for (let i = 0; i < steps; i++)
    stepExchange(
      state,
      { BTC: { index: btcIndex, traded: btcTraded }, ETH: { index: 2_500, traded: 2_500 } },
      seam,
      events,
    );
}

describe('funding on its schedule, settled through the cumulative index', () => {
  it('vector 70: longs A = 2, C = 1 pay short B = 3 at F = 0.01%; the payments sum to zero', () => {
    const state = testVenue(testRules({ markMethod: 'index-anchored' }));
    const a = openAccount(state, 'trader', 'professional', 1_000_000);
    const b = openAccount(state, 'trader', 'professional', 1_000_000);
    const c = openAccount(state, 'trader', 'professional', 1_000_000);
    const events: PerpEvent[] = [];
    for (const [account, side, qty] of [
      [a, 'long', 2],
      [b, 'short', 3],
      [c, 'long', 1],
    ] as const)
      placeMarketOrder(
        state,
        seam,
        { account, market: 'BTC', side, qty, leverage: 1, mode: 'cross' },
        events,
      );
    const before = [a, b, c].map((id) => accountEquity(state.accounts[id]!, state.markets));
    // Traded = index all interval long: premium 0 → F = I = 0.01% per 8 h (B-FUND clamp slack).
    run(state, 8 * 60, 50_000, 50_000, events);
    const funding = events.filter((e): e is FundingEvent => e.type === 'funding' && e.market === 'BTC');
    expect(funding).toHaveLength(1);
    expect(funding[0]!.rate).toBeCloseTo(0.0001, 15);
    expect(funding[0]!.step).toBe(480);
    const paid = [a, b, c].map((id, i) => before[i]! - accountEquity(state.accounts[id]!, state.markets));
    expect(paid[0]).toBeCloseTo(2 * 50_000 * 0.0001, 9); // A pays 10
    expect(paid[2]).toBeCloseTo(1 * 50_000 * 0.0001, 9); // C pays 5
    // B receives 15 and the liquidity provider, long 0 net here, neither pays nor receives.
    expect(paid[1]).toBeCloseTo(-3 * 50_000 * 0.0001, 9);
    let sum = 0;
    for (const account of state.accounts)
      for (const position of Object.values(account.positions))
        if (position) sum += pendingCharges(position, state.markets.BTC);
    expect(Math.abs(sum)).toBeLessThan(1e-9);
  });

  it('averages the premium over the interval and clamps it (B-FUND): a 0.1% premium gives 0.1% − 0.05% + …', () => {
    const state = testVenue(
      testRules({
        markMethod: 'last-traded',
        funding: { intervalHours: 1, interest: 0.0001, clamp: 0.0005, cap: null, priceSource: 'index' },
      }),
    );
    const events: PerpEvent[] = [];
    run(state, 60, 50_000, 50_050, events); // premium 0.1% every minute
    const funding = events.find((e): e is FundingEvent => e.type === 'funding' && e.market === 'BTC')!;
    // F8 = 0.1% + clamp(0.01% − 0.1%, ±0.05%) = 0.05%; paid hourly at 1/8 (HL-funding).
    expect(funding.rate).toBeCloseTo(0.0005 / 8, 12);
    expect(funding.price).toBe(50_000);
  });

  it('settles lazily in O(1): settling moves money from pending into margin without changing equity', () => {
    const state = testVenue();
    const trader = openAccount(state, 'trader', 'professional', 10_000);
    const events: PerpEvent[] = [];
    placeMarketOrder(
      state,
      seam,
      { account: trader, market: 'BTC', side: 'long', qty: 1, leverage: 10, mode: 'isolated' },
      events,
    );
    run(state, 3 * 480, 50_000, 50_000, events);
    const account = state.accounts[trader]!;
    const position = account.positions.BTC!;
    const equityBefore = accountEquity(account, state.markets);
    const owed = settlePending(account, position, state.markets.BTC);
    expect(owed).toBeCloseTo(3 * 5, 9); // three 8-hour intervals at 0.01% of 50,000
    expect(position.isolatedMargin).toBeCloseTo(5_000 - 15, 9); // funding moves the isolated margin (§1.4)
    expect(accountEquity(account, state.markets)).toBeCloseTo(equityBefore, 9);
    expect(checkInvariants(state).conservationError).toBeLessThan(1e-12);
  });
});

describe('funding from the published premium index, on the venue clock (issue 15, defect 6)', () => {
  const fundings = (events: PerpEvent[]) =>
    events.filter((e): e is FundingEvent => e.type === 'funding' && e.market === 'BTC');

  it('settles at 00:00, 08:00 and 16:00 UTC, not 8 hours after the run starts (B-FUND)', () => {
    // A run starting at 22:00 UTC: the first settlement is two hours in, at midnight, then every 8 hours.
    const state = testVenue(testRules(), 1e9, { clockStartSecond: 22 * 3600 });
    const events: PerpEvent[] = [];
    run(state, 16 * 60, 50_000, 50_000, events);
    expect(fundings(events).map((e) => e.step)).toEqual([120, 600]);
    // An hourly venue settles on every hour of the clock: 22:30 start, first at 23:00.
    const hourly = testVenue(testRules({ funding: { ...testRules().funding, intervalHours: 1 } }), 1e9, {
      clockStartSecond: 22.5 * 3600,
    });
    const more: PerpEvent[] = [];
    run(hourly, 150, 50_000, 50_000, more);
    expect(fundings(more).map((e) => e.step)).toEqual([30, 90, 150]);
  });

  it('averages the impact bid/ask premium, not the last trade: a spread inside the gap counts against it', () => {
    // Traded 0.08% above the index with a 0.01% half spread: impact bid ≈ index × 1.0007, premium 0.07%.
    const state = testVenue();
    const events: PerpEvent[] = [];
    const spread = fixedSpreadSeam(0.0001);
    for (let i = 0; i < 480; i++)
      stepExchange(
        state,
        { BTC: { index: 50_000, traded: 50_040 }, ETH: { index: 2_500, traded: 2_500 } },
        spread,
        events,
      );
    const premium = (50_040 * 0.9999 - 50_000) / 50_000;
    // F = P̄ + clamp(I − P̄, ±0.05%) = P̄ − 0.05% + … = 0.0001 when |I − P̄| ≤ 0.05%, else P̄ − 0.05%.
    expect(fundings(events)[0]!.rate).toBeCloseTo(premium + Math.max(-0.0005, 0.0001 - premium), 12);
    expect(fundings(events)[0]!.rate).toBeLessThan(0.0008 - 0.0005);
  });
});
