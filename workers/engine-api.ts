/**
 * What the worker offers the page. Kept apart from the worker entry so that component tests can call the
 * same functions in-process, without a Worker.
 */
import { deriveTiers, BINANCE_BTCUSDT_2021, type TierSpec } from '../src/engine/perp/tiers.ts';
import { liquidationPrice, type LiquidationResult } from '../src/engine/perp/liquidation-price.ts';
import type { Side } from '../src/engine/perp/side.ts';

export interface IsolatedPositionQuery {
  side: Side;
  qty: number;
  entryPrice: number;
  leverage: number;
  tiers?: readonly TierSpec[];
}

export interface IsolatedPositionAnswer extends LiquidationResult {
  initialMargin: number;
  notional: number;
}

export const engineApi = {
  /** Isolated position opened at `leverage`: its initial margin is the whole isolated wallet (mechanics §1.5). */
  isolatedPosition(query: IsolatedPositionQuery): IsolatedPositionAnswer {
    const tiers = deriveTiers(query.tiers ?? BINANCE_BTCUSDT_2021);
    const notional = query.qty * query.entryPrice;
    if (!(query.leverage >= 1)) throw new RangeError(`leverage must be at least 1 (got ${query.leverage})`);
    const initialMargin = notional / query.leverage;
    const result = liquidationPrice({
      side: query.side,
      qty: query.qty,
      entryPrice: query.entryPrice,
      wallet: initialMargin,
      tiers,
    });
    return { ...result, initialMargin, notional };
  },
};

export type EngineApi = typeof engineApi;
