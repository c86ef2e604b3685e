/**
 * Market orders at the door (SFC framework P7: required margin collected before a client order is accepted).
 * An order is refused, with its reason and numbers, when the venue does not list the market, the investor
 * class may not trade perpetuals, the leverage is above the cap or above its notional bracket's cap (W30), the
 * margin mode is not offered or differs from the open position's, or the initial margin and fee exceed the
 * available margin. A refusal is an event, never an exception.
 */
import type { FillEvent, PerpEvent, RefusalReason } from './events.ts';
import { accountOf, type Account, type ExchangeState } from './exchange.ts';
import { bankruptcyPriceOf, liquidateSlice } from './liquidation.ts';
import { availableMargin, crossFigures, pendingCharges, positionNotional, settlePending } from './margin.ts';
import type { FillPurpose, MarketSeam } from './market-seam.ts';
import type { MarketId, MarketState } from './market.ts';
import { unrealisedPnl, type MarginMode, type Position } from './position.ts';
import { sideSign, type Side } from './side.ts';
import { bracketMaxLeverage } from './tiers.ts';
import { tradeBetween } from './trade.ts';
import { fillSinkFor } from './fill-sink.ts';
import { marketIn, positionIn } from './by-market.ts';
import { above, atLeast, check } from '../validation/index.ts';
import { DOUBLE } from '../fast/double-fields.ts';

const ORDER_QTY = above(0);
const ORDER_LEVERAGE = atLeast(1);

export interface MarketOrder {
  account: number;
  market: MarketId;
  side: Side;
  qty: number;
  leverage: number;
  mode: MarginMode;
}

function refuse(
  state: ExchangeState,
  order: MarketOrder,
  reason: RefusalReason,
  events: PerpEvent[],
  limit: number | null = null,
  requested: number | null = null,
): false {
  events.push({
    type: 'order-refused',
    step: state.step,
    account: order.account,
    market: order.market,
    side: order.side,
    qty: order.qty,
    leverage: order.leverage,
    reason,
    limit,
    requested,
  });
  return false;
}

/**
 * The account's one position and its market, for the sums below; null when it holds more than one (their
 * order of addition then matters, so crossFigures adds them in its own order).
 */
const only = { position: undefined as Position | undefined, market: 'BTC' as MarketId };

function onlyPosition(account: Account): typeof only | null {
  const { BTC, ETH, ALT } = account.positions;
  if ((BTC ? 1 : 0) + (ETH ? 1 : 0) + (ALT ? 1 : 0) > 1) return null;
  only.position = BTC ?? ETH ?? ALT;
  only.market = BTC ? 'BTC' : ETH ? 'ETH' : 'ALT';
  return only;
}

/**
 * crossFigures(account).equity, the same bits, without its `for…in` and result object where the account holds
 * at most one position (one term to add: no order to keep). Every fill under negative-balance protection asks.
 */
export function crossEquity(account: Account, markets: Record<MarketId, MarketState>): number {
  const one = onlyPosition(account);
  if (!one) return crossFigures(account, markets).equity;
  let equity = account.wallet;
  const position = one.position;
  if (position && position.mode === 'cross') {
    const market = marketIn(markets, one.market);
    equity += unrealisedPnl(position, market.markPrice) - pendingCharges(position, market);
  }
  return equity;
}

/** availableMargin(account), the same bits, by the same shortcut as crossEquity (every opening asks). */
export function marginAvailable(account: Account, markets: Record<MarketId, MarketState>): number {
  const one = onlyPosition(account);
  if (!one) return availableMargin(account, markets);
  let equity = account.wallet;
  let initialMargin = 0;
  const position = one.position;
  if (position && position.mode === 'cross') {
    const market = marketIn(markets, one.market);
    equity += unrealisedPnl(position, market.markPrice) - pendingCharges(position, market);
    initialMargin += positionNotional(position, market) / position.leverage;
  }
  return equity - initialMargin;
}

/**
 * An order to be kept and rewritten field by field before each use (issue 16: an order object per entry or exit
 * was a share of the allocation the collector then swept). Its quantity and leverage are doubles from the start
 * (fast/double-fields.ts): the first fractional leverage made the field one and threw away the optimised code
 * that placed orders.
 */
export function keptMarketOrder(): MarketOrder {
  return { account: 0, market: 'BTC', side: 'long', qty: DOUBLE, leverage: DOUBLE, mode: 'cross' };
}

/** The closing part of an order, kept for the run and rewritten by each close; nothing keeps it once filled. */
const closing = keptMarketOrder();

/**
 * Places a market order against the liquidity provider. An order that would flip a position is split into a
 * close (always allowed) and an opening order checked at the door on its own. Returns whether anything filled.
 */
export function placeMarketOrder(
  state: ExchangeState,
  seam: MarketSeam,
  order: MarketOrder,
  events: PerpEvent[],
): boolean {
  check('order quantity', order.qty, ORDER_QTY);
  check('order leverage', order.leverage, ORDER_LEVERAGE);
  const account = accountOf(state, order.account);
  const existing = positionIn(account.positions, order.market);
  const delta = sideSign(order.side) * order.qty;
  if (existing && Math.sign(existing.size) !== Math.sign(delta)) {
    const closeQty = Math.min(order.qty, Math.abs(existing.size));
    closing.account = order.account;
    closing.market = order.market;
    closing.side = order.side;
    closing.qty = closeQty;
    closing.leverage = existing.leverage;
    closing.mode = existing.mode;
    close(state, seam, closing, events);
    const rest = order.qty - closeQty;
    if (rest > 0) openOrIncrease(state, seam, { ...order, qty: rest }, events);
    return true;
  }
  return openOrIncrease(state, seam, order, events);
}

/**
 * A trader's own close. Under negative-balance protection a close that would fill beyond the position's
 * bankruptcy price (possible where maintenance is thinner than the spread: 900× with 0.1% maintenance) is not
 * filled as the trader's order: the liquidation engine takes the position over first, in the same minute, and
 * settles it as it settles any liquidation, the shortfall from the insurance fund, then ADL or a socialised
 * loss (mechanics §1.12–§1.15: BM-LIQ, BY-BKR, B-IF "the Insurance Fund will balance the account back to 0";
 * guardrails.md "Negative-balance protection": loss limited to the margin posted, W5, W33).
 */
function close(state: ExchangeState, seam: MarketSeam, order: MarketOrder, events: PerpEvent[]): void {
  const price = seam.fillPrice(state, order.market, order.side, order.qty, 'order');
  if (state.rules.negativeBalanceProtection) {
    const account = accountOf(state, order.account);
    const position = positionIn(account.positions, order.market)!;
    const market = marketIn(state.markets, order.market);
    settlePending(account, position, market);
    const cross = position.mode === 'cross' ? crossFigures(account, state.markets) : null;
    const bankruptcy = bankruptcyPriceOf(position, market, cross);
    if (Math.sign(position.size) * (price - bankruptcy) < 0)
      return liquidateSlice(state, seam, account, order.market, events, order.qty);
  }
  fill(state, seam, order, 'order', events, price);
}

function openOrIncrease(
  state: ExchangeState,
  seam: MarketSeam,
  order: MarketOrder,
  events: PerpEvent[],
): boolean {
  const { rules } = state;
  const account = accountOf(state, order.account);
  // SFC framework P3 (W9): a venue trades only the markets it lists.
  if (!state.listed.includes(order.market)) return refuse(state, order, 'market-not-listed', events);
  if (!rules.eligibleClasses.includes(account.investorClass))
    return refuse(state, order, 'investor-class-excluded', events);
  if (order.leverage > rules.maxLeverage)
    return refuse(state, order, 'leverage-above-cap', events, rules.maxLeverage, order.leverage);
  if (!rules.marginModes.includes(order.mode)) return refuse(state, order, 'margin-mode-not-allowed', events);
  const existing = positionIn(account.positions, order.market);
  if (existing && existing.mode !== order.mode) return refuse(state, order, 'margin-mode-mismatch', events);
  // Leverage is capped per notional bracket (W30), on the position's notional after the order, at the mark.
  const market = marketIn(state.markets, order.market);
  const after = (Math.abs(existing?.size ?? 0) + order.qty) * market.markPrice;
  const bracketCap = bracketMaxLeverage(market.tiers, after);
  if (order.leverage > bracketCap)
    return refuse(state, order, 'leverage-above-cap', events, bracketCap, order.leverage);
  const price = seam.fillPrice(state, order.market, order.side, order.qty, 'order');
  const required = (order.qty * price) / order.leverage + order.qty * price * rules.takerFeeRate;
  const available = marginAvailable(account, state.markets);
  if (required > available) return refuse(state, order, 'insufficient-margin', events, available, required);
  fill(state, seam, order, 'order', events, price);
  return true;
}

/** Executes a taker order against the liquidity provider, with taker and maker fees to the fee collector. */
export function fill(
  state: ExchangeState,
  seam: MarketSeam,
  order: MarketOrder,
  purpose: FillPurpose,
  events: PerpEvent[],
  knownPrice?: number,
): number {
  const provider = state.accounts[state.liquidityProvider];
  if (!provider) throw new RangeError('the venue has no liquidity provider account to fill orders against');
  const price = knownPrice ?? seam.fillPrice(state, order.market, order.side, order.qty, purpose);
  const taker = accountOf(state, order.account);
  const delta = sideSign(order.side) * order.qty;
  const legs = tradeBetween(state, taker, provider, order.market, delta, price, order);
  const notional = order.qty * price;
  // Under negative-balance protection a fee takes at most what the trader's cross equity holds after the
  // trade (guardrails.md: loss limited to the margin posted, W5): openings were checked at the door with their
  // fee, so only a close can reach the cap; the uncollected rest is never charged.
  const fullFee = notional * state.rules.takerFeeRate;
  const takerFee = state.rules.negativeBalanceProtection
    ? Math.min(fullFee, Math.max(0, crossEquity(taker, state.markets)))
    : fullFee;
  const makerFee = notional * state.rules.makerFeeRate;
  taker.wallet -= takerFee;
  provider.wallet -= makerFee;
  state.feeCollector += takerFee + makerFee;
  const realisedPnl = legs.taker.realisedPnl;
  const sizeAfter = legs.taker.sizeAfter;
  const sink = fillSinkFor(state.fills, events);
  if (
    sink === null ||
    !sink.fill(
      state.step,
      order.account,
      provider.id,
      order.market,
      order.side,
      order.qty,
      price,
      takerFee,
      realisedPnl,
      sizeAfter,
    )
  )
    events.push({
      type: 'fill',
      step: state.step,
      account: order.account,
      counterparty: provider.id,
      market: order.market,
      side: order.side,
      qty: order.qty,
      price,
      fee: takerFee,
      realisedPnl,
      sizeAfter,
      // The run's tags (run/record.ts), given their places here so that tagging adds no property to the event.
      venue: undefined,
      trader: undefined,
    } as FillEvent);
  return price;
}
