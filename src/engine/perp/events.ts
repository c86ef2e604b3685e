/**
 * Everything the engine reports. Each event carries the numbers behind it, so the interface can explain it in
 * words without recomputing anything. Amounts are in quote currency (USD), sizes in coins.
 */
import type { MarketId } from './market.ts';
import type { Side } from './side.ts';

export type RefusalReason =
  | 'market-not-listed'
  | 'investor-class-excluded'
  | 'leverage-above-cap'
  | 'margin-mode-not-allowed'
  | 'margin-mode-mismatch'
  | 'insufficient-margin'
  | 'account-in-liquidation';

export interface OrderRefusedEvent {
  type: 'order-refused';
  step: number;
  account: number;
  market: MarketId;
  side: Side;
  qty: number;
  leverage: number;
  reason: RefusalReason;
  /** The limit that was breached (leverage cap, available margin), where one applies. */
  limit: number | null;
  /** What the order asked for against that limit (leverage, required margin). */
  requested: number | null;
}

export interface FillEvent {
  type: 'fill';
  step: number;
  account: number;
  counterparty: number;
  market: MarketId;
  side: Side;
  qty: number;
  price: number;
  fee: number;
  realisedPnl: number;
  sizeAfter: number;
}

export interface FundingEvent {
  type: 'funding';
  step: number;
  market: MarketId;
  /** Rate for this interval (already scaled from the 8-hour quote). Positive: longs pay shorts. */
  rate: number;
  price: number;
  /** Quote paid by all longs to all shorts this interval (negative: shorts paid longs). */
  paidByLongs: number;
}

export interface LiquidationEvent {
  type: 'liquidation';
  step: number;
  account: number;
  market: MarketId;
  side: Side;
  mode: 'isolated' | 'cross';
  qty: number;
  markPrice: number;
  /** Where the liquidation order filled (null when it was closed against ADL counterparties instead). */
  fillPrice: number | null;
  bankruptcyPrice: number;
  equityBefore: number;
  maintenanceMargin: number;
  fee: number;
  partial: boolean;
  sizeAfter: number;
  /** How the loss beyond the bankruptcy price, if any, was absorbed. */
  settlement: LiquidationSettlement;
}

export interface InsuranceDrawEvent {
  type: 'insurance-draw';
  step: number;
  market: MarketId;
  account: number;
  amount: number;
  fundAfter: number;
}

export interface AdlEvent {
  type: 'adl';
  step: number;
  market: MarketId;
  bankruptAccount: number;
  /** The deleveraged (profitable, opposite-side) account. */
  account: number;
  side: Side;
  qty: number;
  price: number;
  /** Its ranking score and place in the queue (0 = first) when it was chosen. */
  score: number;
  rank: number;
  realisedPnl: number;
}

export interface SocialisedLossEvent {
  type: 'socialised-loss';
  step: number;
  market: MarketId;
  account: number;
  amount: number;
  /** Charged to every open position, long and short, per coin of size (DR liquidation-and-bankruptcy). */
  perCoin: number;
  /**
   * Under negative-balance protection: the part of the charge the venue (its liquidity provider) bore because
   * it exceeded what protected traders had left; 0 otherwise.
   */
  borneByVenue: number;
}

export interface BadDebtEvent {
  type: 'bad-debt';
  step: number;
  market: MarketId;
  account: number;
  /** The trader's negative balance left after the liquidation (no negative-balance protection). */
  amount: number;
}

export type PerpEvent =
  | OrderRefusedEvent
  | FillEvent
  | FundingEvent
  | LiquidationEvent
  | InsuranceDrawEvent
  | AdlEvent
  | SocialisedLossEvent
  | BadDebtEvent;

/**
 * How a liquidation was settled; 'backstop': the position passed to the venue's liquidator vault at the mark
 * (HL-liquidations, W38).
 */
export type LiquidationSettlement =
  'within-margin' | 'insurance-fund' | 'adl' | 'socialised' | 'trader-debt' | 'backstop';
