import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from './broker-events.ts';
import { stepBroker } from './broker-step.ts';
import { openClient } from './clients.ts';
import { NO_REACTION } from './reactions.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { buySpot, sellSpot } from './spot.ts';
import { PRICES, testBroker, worstInvariant } from './test-support.ts';

const seam = fixedSpreadSpotSeam(0.001);

describe('spot trading with cash (mechanics §1.1)', () => {
  it('a buy moves units from the liquidity provider and pays price × qty plus the taker fee', () => {
    const state = testBroker(undefined, { spotFeeRate: 0.001 });
    const id = openClient(state, { investorClass: 'retail', cash: 100_000, financing: false });
    const events: BrokerEvent[] = [];
    expect(buySpot(state, seam, id, 'BTC', 1, events)).toBe(true);
    const client = state.clients[id]!;
    // fee = qty × fill price × rate (mechanics §1.1): 60,060 × 0.1%
    expect(client.cash).toBeCloseTo(100_000 - 60_060 - 60.06, 9);
    expect(client.holdings.BTC).toBe(1);
    expect(state.feeCollector).toBeCloseTo(60.06, 9);
    expect(state.liquidityProvider.holdings.BTC).toBe(1e5 - 1);
    expect(events).toEqual([
      {
        type: 'spot-trade',
        step: 0,
        client: id,
        asset: 'BTC',
        side: 'buy',
        qty: 1,
        price: expect.closeTo(60_060, 6),
        fee: expect.closeTo(60.06, 9),
      },
    ]);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });

  it('a sell returns the bid less the fee', () => {
    const state = testBroker(undefined, { spotFeeRate: 0.001 });
    const id = openClient(state, {
      investorClass: 'retail',
      cash: 0,
      financing: false,
      holdings: { ETH: 2 },
    });
    expect(sellSpot(state, seam, id, 'ETH', 2, [])).toBe(true);
    expect(state.clients[id]!.cash).toBeCloseTo(2 * 2_997 * 0.999, 9);
    expect(state.clients[id]!.holdings.ETH).toBe(0);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });

  it('refuses, as an event with the numbers, a buy the cash does not cover and a sale of more than is held', () => {
    const state = testBroker();
    const id = openClient(state, {
      investorClass: 'retail',
      cash: 50_000,
      financing: false,
      holdings: { BTC: 0.5 },
    });
    const events: BrokerEvent[] = [];
    expect(buySpot(state, seam, id, 'BTC', 1, events)).toBe(false);
    expect(sellSpot(state, seam, id, 'BTC', 0.6, events)).toBe(false);
    expect(events).toEqual([
      {
        type: 'broker-refused',
        step: 0,
        client: id,
        request: 'buy',
        asset: 'BTC',
        amount: 1,
        reason: 'insufficient-cash',
        limit: 50_000,
        requested: expect.closeTo(60_060, 6),
      },
      {
        type: 'broker-refused',
        step: 0,
        client: id,
        request: 'sell',
        asset: 'BTC',
        amount: 0.6,
        reason: 'insufficient-holdings',
        limit: 0.5,
        requested: 0.6,
      },
    ]);
    expect(state.clients[id]!.cash).toBe(50_000);
  });

  it('throws on a quantity that is not a positive number (an invalid argument, not a refusal)', () => {
    const state = testBroker();
    const id = openClient(state, { investorClass: 'retail', cash: 1, financing: false });
    expect(() => buySpot(state, seam, id, 'BTC', 0, [])).toThrow(
      'buy quantity must be a number greater than 0 (got 0)',
    );
    expect(() => sellSpot(state, seam, id, 'BTC', NaN, [])).toThrow(/sell quantity .*got NaN/);
  });

  it('nobody is ever force-closed on spot: a 90% crash produces no event for a spot-only client', () => {
    const state = testBroker();
    const id = openClient(state, { investorClass: 'retail', cash: 60_060, financing: false });
    buySpot(state, seam, id, 'BTC', 1, []);
    const events: BrokerEvent[] = [];
    for (let i = 1; i <= 120; i++)
      stepBroker(state, { ...PRICES, BTC: 60_000 * (1 - 0.9 * (i / 120)) }, seam, NO_REACTION, events);
    expect(events).toEqual([]);
    expect(state.clients[id]!.holdings.BTC).toBe(1);
  });
});
