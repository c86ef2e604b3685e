/**
 * What the worker offers the page. Kept apart from the worker entry so that component tests can call the
 * same functions in-process, without a Worker.
 *
 * Every entry point checks its arguments with the validation layer before it computes anything: a message
 * from the page is data like any other input, so a malformed one is refused with a Refusal naming the
 * argument (run configs through `validateRunConfig`), never a TypeError from deep inside the engine.
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
import { validateRunConfig, type RunConfig } from '../src/engine/run/config.ts';
import {
  above,
  atLeast,
  between,
  check,
  described,
  finiteNumber,
  isPlainRecord,
  isRefusal,
  listOf,
  oneOf,
  wholeNumber,
} from '../src/engine/validation/index.ts';
import { MARKET_IDS } from '../src/engine/perp/market.ts';
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

/** At most this many runs in one comparison (the app compares two rule sets). */
export const MAX_COMPARED = 16;

const QUERY = described('an object', isPlainRecord);
const SIDE = oneOf(['long', 'short'] as const);
const ASSET = oneOf(MARKET_IDS);
const POSITIVE = above(0);
const LEVERAGE = atLeast(1);
const HOURS = atLeast(0, { unit: 'hours' });
const JOB = wholeNumber(0, Number.MAX_SAFE_INTEGER);
const CONFIGS = listOf(described('a run configuration (an object)', isPlainRecord), {
  minLength: 1,
  maxLength: MAX_COMPARED,
});
const LISTENER = described(
  'an object with progress, frames and events callbacks, or nothing',
  (v): v is JobListener | undefined =>
    v === undefined || typeof v === 'function' || (typeof v === 'object' && v !== null),
);

/** A config as the page sent it, checked whole; a refusal names the run ("run 2, seed …"). */
function checkedConfig(config: unknown, index: number, count: number): RunConfig {
  try {
    validateRunConfig(config as RunConfig);
  } catch (error) {
    throw isRefusal(error) && count > 1 ? error.within(`run ${index + 1}`) : error;
  }
  return config as RunConfig;
}

export const engineApi = {
  /** Isolated position opened at `leverage`: its initial margin is the whole isolated wallet (mechanics §1.5). */
  isolatedPosition(query: IsolatedPositionQuery): IsolatedPositionAnswer {
    check('position query', query, QUERY);
    check('side', query.side, SIDE);
    check('qty', query.qty, POSITIVE);
    check('entry price', query.entryPrice, POSITIVE);
    check('leverage', query.leverage, LEVERAGE);
    const tiers = deriveTiers(query.tiers ?? BINANCE_BTCUSDT_2021);
    const notional = query.qty * query.entryPrice;
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
    check('position query', query, QUERY);
    const rules = presetRegime(query.ruleSet);
    const perp = rules.perp;
    check('market', query.asset, ASSET);
    check('side', query.side, SIDE);
    check('size', query.qty, POSITIVE);
    check('entry price', query.entryPrice, POSITIVE);
    const maxLeverage = effectiveMaxLeverage(rules, query.asset);
    check(`leverage under ${rules.shortTitle}`, query.leverage, between(1, maxLeverage));
    check(`margin mode under ${rules.shortTitle}`, query.marginMode, oneOf(perp.marginModes));
    check('holding time', query.holdingHours, HOURS);
    check('funding rate', query.fundingRatePer8h, finiteNumber);

    const tiers = deriveTiers(perp.tiers[query.asset]);
    const notional = query.qty * query.entryPrice;
    const initialMarginRate = 1 / query.leverage;
    const initialMargin = notional * initialMarginRate;
    let wallet = initialMargin;
    if (query.marginMode === 'cross') {
      // The wallet must at least hold the initial margin.
      wallet = check('wallet balance', query.walletBalance, atLeast(initialMargin, { unit: 'USD' }));
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
  async compare(job: number, configs: readonly RunConfig[], listener?: JobListener): Promise<RunResult[]> {
    check('job', job, JOB);
    check('run configurations', configs, CONFIGS);
    const checked = configs.map((config, k) => checkedConfig(config, k, configs.length));
    check('listener', listener, LISTENER);
    return runJob(job, checked, listener);
  },

  /** One run, summary only: the unit of a parameter sweep spread over a pool of workers. */
  async summary(job: number, config: RunConfig): Promise<RunSummary> {
    check('job', job, JOB);
    const [result] = await runJob(job, [checkedConfig(config, 0, 1)]);
    return result!.summary;
  },

  cancel(job: number): void {
    cancelJob(check('job', job, JOB));
  },
};

export type EngineApi = typeof engineApi;
