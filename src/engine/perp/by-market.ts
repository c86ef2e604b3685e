/**
 * A market's position and state read and written with the market named (issue 16). `positions[id]` and
 * `markets[id]` with `id` one of three names at one site make V8's keyed access megamorphic (a stub-cache probe
 * per access, and a keyed store by a changing name is slower still); a fill reads and writes them a dozen
 * times across its two legs. Named, each site sees one or two shapes (a trader's positions, the liquidity
 * provider's). Any other id (never a listed market) goes by its name as before.
 */
import type { MarketId } from './market.ts';
import type { Position } from './position.ts';

type Positions = Partial<Record<MarketId, Position>>;

export function positionIn(positions: Positions, id: MarketId): Position | undefined {
  return id === 'BTC'
    ? positions.BTC
    : id === 'ETH'
      ? positions.ETH
      : id === 'ALT'
        ? positions.ALT
        : positions[id];
}

export function setPositionIn(positions: Positions, id: MarketId, position: Position | undefined): void {
  if (id === 'BTC') positions.BTC = position;
  else if (id === 'ETH') positions.ETH = position;
  else if (id === 'ALT') positions.ALT = position;
  else (positions as Record<string, Position | undefined>)[id as string] = position;
}

export function marketIn<T>(markets: Record<MarketId, T>, id: MarketId): T {
  return id === 'BTC' ? markets.BTC : id === 'ETH' ? markets.ETH : id === 'ALT' ? markets.ALT : markets[id];
}
