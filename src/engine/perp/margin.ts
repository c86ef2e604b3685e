/**
 * Equity, maintenance and available margin of positions and accounts at the current mark (mechanics §1.4–§1.7).
 * Funding and socialised losses are settled lazily through cumulative indices, so every figure here counts what
 * a position owes but has not settled yet: settling then moves money without changing any equity.
 */
import type { Account } from './exchange.ts';
import type { MarketId, MarketState } from './market.ts';
import { unrealisedPnl, type Position } from './position.ts';
import { maintenanceMargin } from './tiers.ts';
import { DOUBLE } from '../fast/double-fields.ts';

export type Markets = Record<MarketId, MarketState>;

/** What the position owes and has not settled: funding (signed) plus its share of socialised losses. */
export function pendingCharges(position: Position, market: MarketState): number {
  return (
    position.size * (market.fundingIndex - position.fundingSnapshot) +
    Math.abs(position.size) * (market.lossIndex - position.lossSnapshot)
  );
}

/**
 * Settles pending funding and losses into the position's margin (isolated: funding moves the isolated margin
 * and so the liquidation price, mechanics §1.4) or into the cross wallet. O(1) per position.
 */
export function settlePending(account: Account, position: Position, market: MarketState): number {
  const owed = pendingCharges(position, market);
  if (position.mode === 'isolated') position.isolatedMargin -= owed;
  else account.wallet -= owed;
  position.fundingSnapshot = market.fundingIndex;
  position.lossSnapshot = market.lossIndex;
  return owed;
}

export function positionNotional(position: Position, market: MarketState): number {
  return Math.abs(position.size) * market.markPrice;
}

export function positionMaintenance(position: Position, market: MarketState): number {
  return maintenanceMargin(market.tiers, positionNotional(position, market));
}

/** Isolated position: margin + unrealised PnL − unsettled charges (B-LIQ: WB is the isolated wallet). */
export function isolatedEquity(position: Position, market: MarketState): number {
  return (
    position.isolatedMargin + unrealisedPnl(position, market.markPrice) - pendingCharges(position, market)
  );
}

export interface CrossFigures {
  /** Wallet + Σ cross (unrealised PnL − unsettled charges): Binance's cross margin balance. */
  equity: number;
  maintenance: number;
  initialMargin: number;
  positions: number;
}

export function crossFigures(account: Account, markets: Markets): CrossFigures {
  return crossFiguresInto(account, markets, emptyCrossFigures());
}

/**
 * Doubles from the start (fast/double-fields.ts); crossFiguresInto writes every field. The kept one below is
 * made as this module loads, before any other object of its shape (a figures object of zeros elsewhere then
 * shares its double fields), so the first liquidation no longer replaces that class.
 */
const emptyCrossFigures = (): CrossFigures => ({
  equity: DOUBLE,
  maintenance: DOUBLE,
  initialMargin: DOUBLE,
  positions: 0,
});

/** availableMargin's figures, read at once. */
const marginFigures = emptyCrossFigures();

/** crossFigures written into `out` (every field) and returned: a caller that asks every frame keeps one. */
export function crossFiguresInto(account: Account, markets: Markets, out: CrossFigures): CrossFigures {
  let equity = account.wallet;
  let maintenance = 0;
  let initialMargin = 0;
  let positions = 0;
  for (const id in account.positions) {
    const position = account.positions[id as MarketId];
    if (!position || position.mode !== 'cross') continue;
    const market = markets[id as MarketId];
    equity += unrealisedPnl(position, market.markPrice) - pendingCharges(position, market);
    maintenance += positionMaintenance(position, market);
    initialMargin += positionNotional(position, market) / position.leverage;
    positions++;
  }
  out.equity = equity;
  out.maintenance = maintenance;
  out.initialMargin = initialMargin;
  out.positions = positions;
  return out;
}

/** Cash free for a new order's initial margin and fee: cross equity less cross initial margin in use. */
export function availableMargin(account: Account, markets: Markets): number {
  const cross = crossFiguresInto(account, markets, marginFigures);
  return cross.equity - cross.initialMargin;
}

/** Everything the account would have if all positions were closed at mark with no fees. */
export function accountEquity(account: Account, markets: Markets): number {
  // The markets named one by one, not `for … in`: this runs for every open trader on every frame.
  let equity = account.wallet;
  const btc = account.positions.BTC;
  if (btc) equity += positionValue(btc, markets.BTC);
  const eth = account.positions.ETH;
  if (eth) equity += positionValue(eth, markets.ETH);
  const alt = account.positions.ALT;
  if (alt) equity += positionValue(alt, markets.ALT);
  return equity;
}

function positionValue(position: Position, market: MarketState): number {
  const value = unrealisedPnl(position, market.markPrice) - pendingCharges(position, market);
  return position.mode === 'isolated' ? value + position.isolatedMargin : value;
}
