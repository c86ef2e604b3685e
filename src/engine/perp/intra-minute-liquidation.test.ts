import { describe, expect, it } from 'vitest';
import type { AdlEvent, LiquidationEvent, PerpEvent } from './events.ts';
import { openAccount, type ExchangeState } from './exchange.ts';
import { checkInvariants } from './invariants.ts';
import { LiquidationWatch } from './liquidation-watch.ts';
import { fixedSpreadSeam } from './market-seam.ts';
import { placeMarketOrder } from './orders.ts';
import { stepExchange, type MarketQuote } from './step.ts';
import { testRules, testVenue } from './test-support.ts';

const seam = fixedSpreadSeam(0);
const flat = (p: number): MarketQuote => ({ index: p, traded: p });
const liquidations = (events: PerpEvent[]) =>
  events.filter((e): e is LiquidationEvent => e.type === 'liquidation');

/** Isolated long 1 BTC @ 50,000 at 10× (mechanics vector 13: liquidation price 45,180.72, bankruptcy 45,000). */
function withVector13(state: ExchangeState): number {
  const trader = openAccount(state, 'trader', 'professional', 5_000);
  placeMarketOrder(
    state,
    seam,
    { account: trader, market: 'BTC', side: 'long', qty: 1, leverage: 10, mode: 'isolated' },
    [],
  );
  return trader;
}

describe('liquidation at the minute’s worst print', () => {
  for (const fast of [false, true])
    it(`liquidates at an intra-minute low the close never reaches (${fast ? 'fast' : 'reference'} engine)`, () => {
      const run = (low: number | undefined) => {
        const state = testVenue();
        if (fast) state.watch = new LiquidationWatch(state);
        withVector13(state);
        const events: PerpEvent[] = [];
        const btc: MarketQuote = { index: 46_000, traded: 46_000 };
        if (low !== undefined) Object.assign(btc, { low, high: 50_000 });
        stepExchange(state, { BTC: btc, ETH: flat(2_500) }, seam, events);
        expect(checkInvariants(state).conservationError).toBeLessThan(1e-9);
        return { events, state };
      };
      expect(liquidations(run(undefined).events)).toHaveLength(0); // the close, 46,000, is above 45,180.72
      expect(liquidations(run(45_900).events)).toHaveLength(0); // a low above the liquidation price
      const wicked = run(45_100);
      const [liquidation] = liquidations(wicked.events);
      expect(liquidation?.markPrice).toBe(45_100); // last-traded mark at the low print
      expect(liquidation?.fillPrice).toBe(45_100);
      expect(wicked.state.markets.BTC.markPrice).toBe(46_000); // the minute still closes at 46,000
    });

  it('visits a down minute’s high before its low, and an up minute’s low before its high', () => {
    const sides = (close: number) => {
      const state = testVenue(testRules({ insuranceFundStart: 1e6 })); // a fund, so neither is deleveraged
      // A short that the high liquidates and a long that the low liquidates: the order of their events shows the path.
      const long = openAccount(state, 'trader', 'professional', 5_000);
      const short = openAccount(state, 'trader', 'professional', 5_000);
      placeMarketOrder(
        state,
        seam,
        { account: long, market: 'BTC', side: 'long', qty: 1, leverage: 10, mode: 'isolated' },
        [],
      );
      placeMarketOrder(
        state,
        seam,
        { account: short, market: 'BTC', side: 'short', qty: 1, leverage: 10, mode: 'isolated' },
        [],
      );
      const events: PerpEvent[] = [];
      stepExchange(
        state,
        { BTC: { index: close, traded: close, low: 44_000, high: 56_000 }, ETH: flat(2_500) },
        seam,
        events,
      );
      return liquidations(events).map((e) => e.side);
    };
    expect(sides(49_000)).toEqual(['short', 'long']);
    expect(sides(51_000)).toEqual(['long', 'short']);
  });

  it('refuses a high below the close', () => {
    const state = testVenue();
    expect(() =>
      stepExchange(
        state,
        { BTC: { index: 50_000, traded: 50_000, low: 49_000, high: 49_500 }, ETH: flat(2_500) },
        seam,
        [],
      ),
    ).toThrow('BTC intra-minute high');
  });
});

describe('Hyperliquid’s ADL (mechanics §1.14): an account below zero is deleveraged at the previous mark', () => {
  function hyperliquidVenue() {
    const state = testVenue(testRules({ lossAllocation: 'hyperliquid', insuranceFundStart: 1e6 }), 1e9, {
      backstopShareOfMaintenance: 2 / 3,
    });
    const trader = withVector13(state);
    // A profitable short on the other side, first in the queue.
    const winner = openAccount(state, 'trader', 'professional', 50_000);
    placeMarketOrder(
      state,
      seam,
      { account: winner, market: 'BTC', side: 'short', qty: 1, leverage: 2, mode: 'isolated' },
      [],
    );
    return { state, trader, winner };
  }

  it('closes the negative account against the queue at the mark before the jump, with no fund draw', () => {
    const { state, trader, winner } = hyperliquidVenue();
    const events: PerpEvent[] = [];
    stepExchange(state, { BTC: flat(48_000), ETH: flat(2_500) }, seam, events);
    expect(liquidations(events)).toHaveLength(0);
    stepExchange(state, { BTC: flat(44_000), ETH: flat(2_500) }, seam, events); // past bankruptcy (45,000) at once
    const [liquidation] = liquidations(events);
    expect(liquidation?.settlement).toBe('adl');
    expect(liquidation?.equityBefore).toBeCloseTo(-1_000, 6);
    const adl = events.filter((e): e is AdlEvent => e.type === 'adl');
    expect(adl[0]?.account).toBe(winner);
    expect(adl[0]?.price).toBe(48_000); // the previous mark, not the bankruptcy price 45,000
    expect(events.some((e) => e.type === 'insurance-draw')).toBe(false);
    expect(state.markets.BTC.insuranceFund).toBe(1e6);
    // What the position left at 48,000 (2,000) goes to the vault as in a backstop; the trader ends at zero.
    expect(state.accounts[trader]!.wallet).toBeCloseTo(0, 9);
    expect(checkInvariants(state).conservationError).toBeLessThan(1e-9);
  });

  it('under Binance’s rules the same jump is paid by the insurance fund at the bankruptcy price', () => {
    const state = testVenue(testRules({ lossAllocation: 'binance', insuranceFundStart: 1e6 }));
    withVector13(state);
    const events: PerpEvent[] = [];
    stepExchange(state, { BTC: flat(48_000), ETH: flat(2_500) }, seam, events);
    stepExchange(state, { BTC: flat(44_000), ETH: flat(2_500) }, seam, events);
    expect(liquidations(events)[0]?.settlement).toBe('insurance-fund');
    expect(state.markets.BTC.insuranceFund).toBeCloseTo(1e6 - 1_000, 6);
  });
});
