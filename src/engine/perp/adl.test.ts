import { describe, expect, it } from 'vitest';
import { adlIndicator, adlQueue } from './adl.ts';
import type { PerpEvent } from './events.ts';
import { openAccount } from './exchange.ts';
import { fixedSpreadSeam } from './market-seam.ts';
import { placeMarketOrder } from './orders.ts';
import { testVenue } from './test-support.ts';

const seam = fixedSpreadSeam(0);

/** Five shorts from 50,000 with different margins; the price then falls to 40,000 (all in profit). */
function fiveShorts() {
  const state = testVenue();
  const events: PerpEvent[] = [];
  const ids = [1, 2, 5, 10, 20].map((leverage) => {
    const id = openAccount(state, 'trader', 'professional', 10_000);
    placeMarketOrder(
      state,
      seam,
      {
        account: id,
        market: 'BTC',
        side: 'short',
        qty: (10_000 * leverage) / 50_000 / 1.01,
        leverage,
        mode: 'isolated',
      },
      events,
    );
    return id;
  });
  state.markets.BTC.markPrice = 40_000;
  return { state, ids };
}

describe('the ADL queue', () => {
  it.each(['binance', 'bitmex', 'hyperliquid'] as const)(
    '%s: more leverage and more profit ranks first',
    (method) => {
      const { state, ids } = fiveShorts();
      const queue = adlQueue(state, 'BTC', -1, method);
      // The liquidity provider is net long here, so the short queue holds exactly the five traders.
      expect(queue.map((entry) => entry.account)).toEqual([...ids].reverse());
      expect(queue[0]!.score).toBeGreaterThan(queue[4]!.score);
    },
  );

  it('shows each position its standing as five lights (BM-ADL quintiles)', () => {
    const { state, ids } = fiveShorts();
    expect(ids.map((id) => adlIndicator(state, 'BTC', id, 'binance'))).toEqual([1, 2, 3, 4, 5]);
    expect(adlIndicator(state, 'ETH', ids[0]!, 'binance')).toBeNull();
  });
});
