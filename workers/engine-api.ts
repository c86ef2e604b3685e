/**
 * What the worker offers the page. Kept apart from the worker entry so that component tests can call the
 * same functions in-process, without a Worker.
 */
import { fundingPayment } from '../src/engine/perp/funding.ts';
import { liquidationPrice, type LiquidationResult } from '../src/engine/perp/liquidation-price.ts';
import type { MarketId } from '../src/engine/perp/market.ts';
import type { MarginMode } from '../src/engine/perp/position.ts';
import { sideSign, type Side } from '../src/engine/perp/side.ts';
import {
  BINANCE_BTCUSDT_2021,
  deriveTiers,
  maintenanceMargin,
  tierIndexForNotional,
  type MaintenanceTier,
  type TierSpec,
} from '../src/engine/perp/tiers.ts';
import { effectiveMaxLeverage } from '../src/engine/regimes/extras.ts';
import { regime as presetRegime } from '../src/engine/regimes/catalogue.ts';
import type { PresetId } from '../src/engine/regimes/types.ts';
import type { RunConfig } from '../src/engine/run/config.ts';
import type { RunResult } from '../src/engine/run/run.ts';
import type { RunSummary } from '../src/engine/run/summary.ts';
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

/** A position as the calculator describes it: one market, one rule set, held for a while at a funding rate. */
export interface PositionQuery {
  ruleSet: PresetId;
  asset: MarketId;
  side: Side;
  /** |size| in coins. */
  qty: number;
  entryPrice: number;
  leverage: number;
  marginMode: MarginMode;
  /** Cross only: the wallet balance behind the position (USD); isolated margin is notional ÷ leverage. */
  walletBalance?: number;
  /** How long the position is held, for the funding accrual. */
  holdingHours: number;
  /** The funding rate assumed for the whole holding time, per 8 hours as venues quote it (0.0001 = 0.01%). */
  fundingRatePer8h: number;
}

export interface PositionQuote {
  notional: number;
  /** The rule set's leverage cap on this market (its per-market cap where lower). */
  maxLeverage: number;
  /** IMR = 1 / leverage; IM = notional × IMR (mechanics §1.5). */
  initialMarginRate: number;
  initialMargin: number;
  /** The margin that backs the position: the isolated margin, or the cross wallet balance. */
  wallet: number;
  /** The rule set's tier table for the market, with each tier's maintenance amount (cum). */
  tiers: MaintenanceTier[];
  /** Tier whose bracket holds the notional at entry, and MM = N × MMR − cum there (mechanics §1.6). */
  tierAtEntry: number;
  maintenanceMarginRate: number;
  maintenanceAmount: number;
  maintenanceMargin: number;
  /** Mechanics §1.8–§1.9; tierAtLiquidation is the tier re-selected by the notional at the liquidation price. */
  liquidationPrice: number | null;
  bankruptcyPrice: number | null;
  tierAtLiquidation: number;
  fees: {
    takerRate: number;
    makerRate: number;
    /** Market orders (taker) to open, and to close at the entry price. */
    opening: number;
    closing: number;
    /** Clearance fee on the notional liquidated, at the liquidation price (B-LIQP); 0 without one. */
    liquidationRate: number;
    liquidation: number;
  };
  funding: {
    ratePer8h: number;
    intervalHours: number;
    /** The rate of one settlement: the 8-hour rate scaled to the interval, then held within the cap. */
    ratePerInterval: number;
    /** The rule set's cap per settlement, or null for none; `capped` when it bit. */
    capPerInterval: number | null;
    capped: boolean;
    /** Whole settlements within the holding time. */
    settlements: number;
    /** Paid per settlement at the entry price (negative: received). */
    perSettlement: number;
    /** Accrued over the holding time, pro rata (negative: received): size × price × rate × hours ÷ interval. */
    accrual: number;
    /** The liquidation price once the accrual has settled into the margin (mechanics §1.4). */
    liquidationPriceAfter: number | null;
  };
}

function requirePositive(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a number greater than 0 (got ${value})`);
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
   * Everything about one position under a rule set, each figure with the numbers behind it: margins and the
   * tier table (§1.5–§1.6), liquidation and bankruptcy prices (§1.8–§1.9), fees, and funding (§1.11) over a
   * holding time. Refuses what the rule set does not allow, naming the limit.
   */
  positionQuote(query: PositionQuery): PositionQuote {
    const rules = presetRegime(query.ruleSet);
    const perp = rules.perp;
    requirePositive('size', query.qty);
    requirePositive('entry price', query.entryPrice);
    const maxLeverage = effectiveMaxLeverage(rules, query.asset);
    if (!(query.leverage >= 1 && query.leverage <= maxLeverage))
      throw new RangeError(
        `leverage must be from 1 to ${maxLeverage} under ${rules.shortTitle} (got ${query.leverage})`,
      );
    if (!perp.marginModes.includes(query.marginMode))
      throw new RangeError(
        `${query.marginMode} margin is not offered under ${rules.shortTitle} (allowed: ${perp.marginModes.join(', ')})`,
      );
    if (!(query.holdingHours >= 0) || !Number.isFinite(query.holdingHours))
      throw new RangeError(`holding time must be a number of hours ≥ 0 (got ${query.holdingHours})`);
    if (!Number.isFinite(query.fundingRatePer8h))
      throw new RangeError(`funding rate must be a finite number (got ${query.fundingRatePer8h})`);

    const tiers = deriveTiers(perp.tiers[query.asset]);
    const notional = query.qty * query.entryPrice;
    const initialMarginRate = 1 / query.leverage;
    const initialMargin = notional * initialMarginRate;
    let wallet = initialMargin;
    if (query.marginMode === 'cross') {
      const balance = query.walletBalance ?? NaN;
      if (!(balance >= initialMargin) || !Number.isFinite(balance))
        throw new RangeError(
          `wallet balance must be at least the initial margin ${initialMargin} (got ${balance})`,
        );
      wallet = balance;
    }

    const tierAtEntry = tierIndexForNotional(tiers, notional);
    const entryTier = tiers[tierAtEntry]!;
    const position = { side: query.side, qty: query.qty, entryPrice: query.entryPrice, tiers };
    const prices = liquidationPrice({ ...position, wallet });

    const liquidationRate = perp.liquidationFeeRate;
    const fees = {
      takerRate: perp.takerFeeRate,
      makerRate: perp.makerFeeRate,
      opening: notional * perp.takerFeeRate,
      closing: notional * perp.takerFeeRate,
      liquidationRate,
      liquidation:
        prices.liquidationPrice === null ? 0 : query.qty * prices.liquidationPrice * liquidationRate,
    };

    // Funding (mechanics §1.11): the 8-h rate scaled to the settlement interval, then the rule set's cap.
    const { intervalHours, cap } = perp.funding;
    const scaled = (query.fundingRatePer8h * intervalHours) / 8;
    const ratePerInterval = cap === null ? scaled : Math.min(cap, Math.max(-cap, scaled));
    const signedSize = sideSign(query.side) * query.qty;
    const perSettlement = fundingPayment(signedSize, query.entryPrice, ratePerInterval);
    const accrual = (perSettlement * query.holdingHours) / intervalHours;
    // Funding settles into the margin behind the position, so it moves the liquidation price.
    const after = liquidationPrice({ ...position, wallet: wallet - accrual });

    return {
      notional,
      maxLeverage,
      initialMarginRate,
      initialMargin,
      wallet,
      tiers,
      tierAtEntry,
      maintenanceMarginRate: entryTier.mmr,
      maintenanceAmount: entryTier.cum,
      maintenanceMargin: maintenanceMargin(tiers, notional),
      liquidationPrice: prices.liquidationPrice,
      bankruptcyPrice: prices.bankruptcyPrice,
      tierAtLiquidation: prices.tierIndex,
      fees,
      funding: {
        ratePer8h: query.fundingRatePer8h,
        intervalHours,
        ratePerInterval,
        capPerInterval: cap,
        capped: ratePerInterval !== scaled,
        settlements: Math.floor(query.holdingHours / intervalHours + 1e-9),
        perSettlement,
        accrual,
        liquidationPriceAfter: after.liquidationPrice,
      },
    };
  },

  /**
   * Runs each config (rule set A, B, …) on the same scenario and population; streams progress and frames to
   * `listener` (a comlink proxy) and resolves with every run's result. Rejects with a CancelledError after
   * `cancel(job)`.
   */
  compare(job: number, configs: readonly RunConfig[], listener?: JobListener): Promise<RunResult[]> {
    return runJob(job, configs, listener);
  },

  /** One run, summary only: the unit of a parameter sweep spread over a pool of workers. */
  async summary(job: number, config: RunConfig): Promise<RunSummary> {
    const [result] = await runJob(job, [config]);
    return result!.summary;
  },

  cancel(job: number): void {
    cancelJob(job);
  },
};

export type EngineApi = typeof engineApi;
