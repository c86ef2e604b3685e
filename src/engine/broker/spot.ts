/**
 * Spot trading with cash (model.md "Products: spot"; mechanics §1.1): buy or sell units against the liquidity
 * provider at the seam's fill price, with the taker fee (qty × fill price × rate) to the fee collector. No
 * leverage, and nobody is ever force-closed on spot: the control case. Refused, as an event, when the client's
 * cash does not cover price and fee, or it sells more than it holds.
 */
import { requirePositive } from '../margin/validate.ts';
import type { BrokerEvent } from './broker-events.ts';
import {
  setUnits,
  touchClient,
  unitsOf,
  type BrokerAsset,
  type BrokerState,
  type Client,
} from './broker-state.ts';
import { clientDebt, clientOf } from './clients.ts';
import { repayWithEvent } from './loan-ledger.ts';
import { refuse } from './refusal.ts';
import { routineSinkFor } from './routine-sink.ts';
import type { SpotPurpose, SpotSeam, SpotSide } from './spot-seam.ts';

export interface SpotFill {
  price: number;
  /** qty × price */
  notional: number;
  fee: number;
}

/** Cost of a buy including the fee, at a given fill price (computed as executeSpotTrade charges it). */
export function buyCost(state: BrokerState, qty: number, price: number): number {
  const notional = qty * price;
  return notional + notional * state.spotFeeRate;
}

/**
 * Moves units and cash between the client and the liquidity provider at `price` (asked of the seam when not
 * given), fee to the fee collector. No checks: callers check at the door or are forced sales.
 */
export function executeSpotTrade(
  state: BrokerState,
  seam: SpotSeam,
  client: Client,
  trade: { asset: BrokerAsset; side: SpotSide; qty: number; purpose: SpotPurpose },
  knownPrice?: number,
): SpotFill {
  const { asset, side, qty, purpose } = trade;
  const price = knownPrice ?? seam.fillPrice(state, asset, side, qty, purpose);
  return tradeSpot(state, client, asset, side, qty, price, { price: 0, notional: 0, fee: 0 });
}

/** A client order's fill, kept for the run: read at once (issue 16: a fill, an order and a trade per order). */
const clientFill: SpotFill = { price: 0, notional: 0, fee: 0 };

/** executeSpotTrade at a known price, into `out`. */
function tradeSpot(
  state: BrokerState,
  client: Client,
  asset: BrokerAsset,
  side: SpotSide,
  qty: number,
  price: number,
  out: SpotFill,
): SpotFill {
  // The check (and its field name, a new string) only for a price that fails: this runs at every trade.
  if (!(price > 0 && price < Infinity)) requirePositive(`${asset} fill price`, price);
  const notional = qty * price;
  const fee = notional * state.spotFeeRate;
  const lp = state.liquidityProvider;
  const sign = side === 'buy' ? 1 : -1;
  setUnits(client.holdings, asset, unitsOf(client.holdings, asset) + sign * qty);
  setUnits(lp.holdings, asset, unitsOf(lp.holdings, asset) - sign * qty);
  client.cash -= sign * notional + fee;
  lp.cash += sign * notional;
  state.feeCollector += fee;
  touchClient(state, client.id);
  out.price = price;
  out.notional = notional;
  out.fee = fee;
  return out;
}

function tradeEvent(
  state: BrokerState,
  client: Client,
  asset: BrokerAsset,
  side: SpotSide,
  qty: number,
  fill: SpotFill,
) {
  return {
    type: 'spot-trade' as const,
    step: state.step,
    client: client.id,
    asset,
    side,
    qty,
    price: fill.price,
    fee: fill.fee,
    // The run's tags (run/record.ts), given their places here so that tagging adds no property to the event.
    venue: undefined,
    trader: undefined,
  };
}

/**
 * Executes a client order at a known price and reports it (used by buySpot, sellSpot and buyOnCredit). The fill
 * is rewritten by the next order: read it at once.
 */
export function fillClientOrder(
  state: BrokerState,
  client: Client,
  asset: BrokerAsset,
  side: SpotSide,
  qty: number,
  price: number,
  events: BrokerEvent[],
): Readonly<SpotFill> {
  const fill = tradeSpot(state, client, asset, side, qty, price, clientFill);
  const sink = routineSinkFor(state.routine, events);
  if (sink === null || !sink.spotTrade(state.step, client.id, asset, side, qty, fill.price, fill.fee))
    events.push(tradeEvent(state, client, asset, side, qty, fill));
  return fill;
}

export function buySpot(
  state: BrokerState,
  seam: SpotSeam,
  clientId: number,
  asset: BrokerAsset,
  qty: number,
  events: BrokerEvent[],
): boolean {
  requirePositive('buy quantity', qty);
  const client = clientOf(state, clientId);
  const price = seam.fillPrice(state, asset, 'buy', qty, 'order');
  const cost = buyCost(state, qty, price);
  if (cost > client.cash)
    return refuse(
      state,
      events,
      { client: clientId, request: 'buy', asset, amount: qty },
      { reason: 'insufficient-cash', limit: client.cash, requested: cost },
    );
  fillClientOrder(state, client, asset, 'buy', qty, price, events);
  return true;
}

export function sellSpot(
  state: BrokerState,
  seam: SpotSeam,
  clientId: number,
  asset: BrokerAsset,
  qty: number,
  events: BrokerEvent[],
): boolean {
  requirePositive('sell quantity', qty);
  const client = clientOf(state, clientId);
  if (qty > unitsOf(client.holdings, asset))
    return refuse(
      state,
      events,
      { client: clientId, request: 'sell', asset, amount: qty },
      { reason: 'insufficient-holdings', limit: client.holdings[asset], requested: qty },
    );
  const price = seam.fillPrice(state, asset, 'sell', qty, 'order');
  const fill = fillClientOrder(state, client, asset, 'sell', qty, price, events);
  // In a margin account the proceeds of a sale go to the debit balance first (interest, then principal).
  if (clientDebt(client) > 0) repayWithEvent(state, client, fill.notional - fill.fee, 'sale', events);
  return true;
}
