import { describe, expect, it } from 'vitest';
import { adlLights } from './adl-ranking.ts';
import { adlIndicator, adlQueue, boardHeads, boardLights, createAdlBoard, scoreBoard } from './adl.ts';
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

  /**
   * Ten longs entered above, at and below the mark (losing, flat, winning; two past their bankruptcy, tied at
   * −∞ under BitMEX and Hyperliquid), so the queues have positive scores beside zeros (Binance), negatives
   * (Hyperliquid) or both (BitMEX): the board keeps the zeros apart and must still give the
   * sorted queue's head and every position's lights.
   */
  it.each(['binance', 'bitmex', 'hyperliquid'] as const)(
    '%s: the board with scores above, at and below 0 gives the queue’s head and lights',
    (method) => {
      const state = testVenue();
      const events: PerpEvent[] = [];
      const entries = [52_000, 50_000, 48_000, 50_000, 80_000, 47_000, 50_000, 51_000, 49_000, 90_000];
      const ids = entries.map((entry, k) => {
        const id = openAccount(state, 'trader', 'professional', 10_000);
        placeMarketOrder(
          state,
          seam,
          { account: id, market: 'BTC', side: 'long', qty: 0.1 + 0.05 * k, leverage: 5, mode: 'isolated' },
          events,
        );
        state.accounts[id]!.positions.BTC!.entryPrice = entry;
        return id;
      });
      state.markets.BTC.markPrice = 50_000;
      const queue = adlQueue(state, 'BTC', 1, method);
      const signs = { binance: [0, 1], bitmex: [-1, 0, 1], hyperliquid: [-1, 1] }[method];
      expect([...new Set(queue.map((e) => Math.sign(e.score)))].sort()).toEqual(signs);
      // Every other trader is followed (traderOf ≥ 0), so the head skips accounts that are not traders.
      const traderOf: number[] = [];
      ids.forEach((id, k) => (traderOf[id] = k % 2 === 0 ? k : -1));
      const board = createAdlBoard();
      scoreBoard(board, state, 'BTC', method);
      for (const k of [1, 3, 5, 7]) {
        const long = Array<number>(k).fill(7);
        boardHeads(board, traderOf, long, []);
        const traders = queue.map((e) => traderOf[e.account] ?? -1).filter((t) => t >= 0);
        expect(long).toEqual(Array.from({ length: k }, (_, j) => traders[j] ?? -1));
      }
      queue.forEach((entry, rank) =>
        expect(boardLights(board, entry.account)).toBe(adlLights(rank + 1, queue.length)),
      );
    },
  );
});
