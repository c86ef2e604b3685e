import { describe, expect, it } from 'vitest';
import { marketIn, positionIn, setPositionIn } from './by-market.ts';
import { MARKET_IDS, MARKET_INDEX, type MarketId } from './market.ts';
import { PositionRecord, type Position } from './position.ts';

const record = (size: number) => new PositionRecord(size, 100, 'cross', 0, 2, 0, 0);

describe('by-market: a market read and written with its name', () => {
  it('reads what a read by the name reads, for every market and for a provider-shaped object', () => {
    const trader: Partial<Record<MarketId, Position>> = { BTC: record(1), ETH: record(2), ALT: record(3) };
    const provider: Partial<Record<MarketId, Position>> = { ALT: record(-3), BTC: record(-1) };
    for (const id of MARKET_IDS) {
      expect(positionIn(trader, id)).toBe(trader[id]);
      expect(positionIn(provider, id)).toBe(provider[id]);
      expect(marketIn(MARKET_INDEX, id)).toBe(MARKET_INDEX[id]);
    }
  });

  it('writes the one market named, keeping the others and the order of the keys', () => {
    for (const id of MARKET_IDS) {
      const positions: Partial<Record<MarketId, Position>> = { ETH: record(2) };
      const written = record(9);
      setPositionIn(positions, id, written);
      expect(positions[id]).toBe(written);
      expect(Object.keys(positions)).toEqual(id === 'ETH' ? ['ETH'] : ['ETH', id]);
      for (const other of MARKET_IDS)
        if (other !== id && other !== 'ETH') expect(positions[other]).toBeUndefined();
      setPositionIn(positions, id, undefined);
      expect(positions[id]).toBeUndefined();
    }
  });

  it('goes by the name itself for an id that is not a market', () => {
    const odd = { XYZ: record(5) } as unknown as Partial<Record<MarketId, Position>>;
    expect(positionIn(odd, 'XYZ' as MarketId)).toBe((odd as Record<string, Position>).XYZ);
    expect(positionIn(odd, 'ALT')).toBeUndefined();
  });
});
