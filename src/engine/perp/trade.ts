/**
 * Moving a position between two accounts at a price: the one primitive that market fills, liquidation fills
 * and ADL all use, so every path keeps the same margin bookkeeping and open interest.
 */
import { touchAccount, type Account, type ExchangeState } from './exchange.ts';
import { addHolder, removeHolder } from './holders.ts';
import { marketIn, positionIn, setPositionIn } from './by-market.ts';
import { settlePending } from './margin.ts';
import { updateOpenInterest, type MarketId } from './market.ts';
import { applyFillInto, PositionRecord, type FillResult, type MarginMode } from './position.ts';
import { DOUBLE } from '../fast/double-fields.ts';

export interface LegTerms {
  /** Margin mode and leverage for a position this leg opens (ignored when it only reduces). */
  mode: MarginMode;
  leverage: number;
}

export interface LegResult {
  realisedPnl: number;
  sizeAfter: number;
  closedQty: number;
  openedQty: number;
}

/** The fill of the leg being applied, rewritten by each leg (read only within applyLeg). */
const legFill: FillResult = {
  size: DOUBLE,
  entryPrice: DOUBLE,
  realisedPnl: DOUBLE,
  closedQty: DOUBLE,
  openedQty: DOUBLE,
};

/**
 * Doubles from the start (fast/double-fields.ts): the first close made `realisedPnl` and `closedQty` doubles
 * and threw away the optimised fill path. Every field is written before it is read.
 */
const emptyLeg = (): LegResult => ({
  realisedPnl: DOUBLE,
  sizeAfter: DOUBLE,
  closedQty: DOUBLE,
  openedQty: DOUBLE,
});

/**
 * Leg results kept for the run, rewritten by each trade (issue 16: a result object per leg, its numbers boxed,
 * was the largest allocation of a 100,000-trader run). Callers read a result before the next trade.
 */
const singleLeg = emptyLeg();
const legs = { taker: emptyLeg(), maker: emptyLeg() };
/**
 * The leverage a double from the start (fast/double-fields.ts): made as this module loads, before the liquidation's
 * terms of the same shape, whose first fractional leverage replaced their class mid-run.
 */
const makerTerms: LegTerms = { mode: 'cross', leverage: DOUBLE };
makerTerms.leverage = 1;

/**
 * Applies a signed fill `delta` at `price` to one account's position. Isolated: the closed share of the
 * isolated margin and the realised PnL return to the wallet; the opened part's initial margin (notional ÷
 * leverage, mechanics §1.5) moves from the wallet into the isolated margin. Cross: realised PnL to the wallet.
 * The result is rewritten by the next leg: read it at once.
 */
export function applyLeg(
  state: ExchangeState,
  account: Account,
  marketId: MarketId,
  delta: number,
  price: number,
  terms: LegTerms,
): LegResult {
  return applyLegInto(singleLeg, state, account, marketId, delta, price, terms);
}

function applyLegInto(
  out: LegResult,
  state: ExchangeState,
  account: Account,
  marketId: MarketId,
  delta: number,
  price: number,
  terms: LegTerms,
): LegResult {
  const market = marketIn(state.markets, marketId);
  touchAccount(state, account.id);
  let position = positionIn(account.positions, marketId);
  if (position) settlePending(account, position, market);
  const sizeBefore = position?.size ?? 0;
  const fill = applyFillInto(legFill, sizeBefore, position?.entryPrice ?? 0, delta, price);

  if (position && fill.closedQty > 0) {
    const released = position.isolatedMargin * (fill.closedQty / Math.abs(sizeBefore));
    position.isolatedMargin -= released;
    account.wallet += released + fill.realisedPnl;
  }
  if (fill.size === 0) {
    if (position) {
      account.wallet += position.isolatedMargin; // float dust of the released margin
      removeHolder(marketIn(state.holders, marketId), account.id);
    }
    // Set to undefined, not deleted: a delete turns the object into a slow dictionary for every later read.
    setPositionIn(account.positions, marketId, undefined);
  } else {
    if (!position) addHolder(marketIn(state.holders, marketId), account.id);
    if (!position || Math.sign(fill.size) !== Math.sign(sizeBefore)) {
      const isolatedMargin = position?.isolatedMargin ?? 0;
      account.wallet += isolatedMargin;
      position = new PositionRecord(
        0,
        0,
        terms.mode,
        0,
        terms.leverage,
        market.fundingIndex,
        market.lossIndex,
      );
      setPositionIn(account.positions, marketId, position);
    }
    if (fill.openedQty > 0) {
      position.leverage = terms.leverage;
      if (position.mode === 'isolated') {
        const initialMargin = (fill.openedQty * price) / terms.leverage;
        account.wallet -= initialMargin;
        position.isolatedMargin += initialMargin;
      }
    }
    position.size = fill.size;
    position.entryPrice = fill.entryPrice;
  }
  updateOpenInterest(market, sizeBefore, fill.size);
  out.realisedPnl = fill.realisedPnl;
  out.sizeAfter = fill.size;
  out.closedQty = fill.closedQty;
  out.openedQty = fill.openedQty;
  return out;
}

/**
 * A trade between two accounts: `taker` gets `delta`, `maker` gets −delta, at one price. The results are
 * rewritten by the next trade: read them at once.
 */
export function tradeBetween(
  state: ExchangeState,
  taker: Account,
  maker: Account,
  marketId: MarketId,
  delta: number,
  price: number,
  takerTerms: LegTerms,
): { readonly taker: LegResult; readonly maker: LegResult } {
  applyLegInto(legs.taker, state, taker, marketId, delta, price, takerTerms);
  // The liquidity provider and ADL counterparties hold cross positions at leverage 1 for bookkeeping.
  makerTerms.mode = positionIn(maker.positions, marketId)?.mode ?? 'cross';
  applyLegInto(legs.maker, state, maker, marketId, -delta, price, makerTerms);
  return legs;
}
