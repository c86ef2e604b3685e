import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openAccount } from './exchange.ts';
import { availableMargin, crossFigures } from './margin.ts';
import { MARKET_IDS } from './market.ts';
import { crossEquity, marginAvailable } from './orders.ts';
import type { Position } from './position.ts';
import { testVenue } from './test-support.ts';

const position = fc.record({
  size: fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }).filter((s) => s !== 0),
  entryPrice: fc.double({ min: 1, max: 1e5, noNaN: true }),
  mode: fc.constantFrom<Position['mode']>('cross', 'isolated'),
  isolatedMargin: fc.double({ min: 0, max: 1e5, noNaN: true }),
  leverage: fc.double({ min: 1, max: 125, noNaN: true }),
  fundingSnapshot: fc.double({ min: -10, max: 10, noNaN: true }),
  lossSnapshot: fc.double({ min: 0, max: 10, noNaN: true }),
});

describe("the door's cross equity and available margin", () => {
  it('are crossFigures’ and availableMargin’s bits, whatever positions the account holds, in any order', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        // Each market: no key, a closed (undefined) position, or a position; keys in a drawn order.
        fc.tuple(...MARKET_IDS.map(() => fc.option(fc.option(position, { nil: undefined }), { nil: null }))),
        fc.shuffledSubarray([...MARKET_IDS], { minLength: 3, maxLength: 3 }),
        fc.tuple(...MARKET_IDS.map(() => fc.double({ min: 1, max: 1e5, noNaN: true }))),
        (wallet, held, order, marks) => {
          const state = testVenue();
          const account = state.accounts[openAccount(state, 'trader', 'retail', 0)]!;
          account.wallet = wallet;
          for (const id of order) {
            const k = MARKET_IDS.indexOf(id);
            if (held[k] !== null) account.positions[id] = held[k];
          }
          MARKET_IDS.forEach((id, k) => {
            state.markets[id].markPrice = marks[k]!;
            state.markets[id].fundingIndex = marks[k]! / 1e4;
            state.markets[id].lossIndex = marks[k]! / 1e5;
          });
          expect(crossEquity(account, state.markets)).toBe(crossFigures(account, state.markets).equity);
          expect(marginAvailable(account, state.markets)).toBe(availableMargin(account, state.markets));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
