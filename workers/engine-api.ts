/**
 * What the worker offers the page. Kept apart from the worker entry so that component tests can call the
 * same functions in-process, without a Worker.
 */
import { deriveTiers, BINANCE_BTCUSDT_2021, type TierSpec } from '../src/engine/perp/tiers.ts';
import { liquidationPrice, type LiquidationResult } from '../src/engine/perp/liquidation-price.ts';
import type { Side } from '../src/engine/perp/side.ts';
import type { RunConfig } from '../src/engine/run/config.ts';
import type { RunResult } from '../src/engine/run/run.ts';
import { cancelJob, runJob, type JobListener } from './run-jobs.ts';

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

  /**
   * Runs each config (rule set A, B, …) on the same scenario and population; streams progress and frames to
   * `listener` (a comlink proxy) and resolves with every run's result. Rejects with a CancelledError after
   * `cancel(job)`.
   */
  compare(job: number, configs: readonly RunConfig[], listener?: JobListener): Promise<RunResult[]> {
    return runJob(job, configs, listener);
  },

  cancel(job: number): void {
    cancelJob(job);
  },
};

export type EngineApi = typeof engineApi;
