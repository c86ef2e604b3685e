/**
 * Liquidation on mark price (mechanics §1.7, §1.12, §1.13). A position (isolated) or an account (cross) whose
 * equity falls below its maintenance margin is closed, whole or in slices where the rules say so. Each slice
 * is sent to the market through the seam and settled against the bankruptcy price:
 * - filled better than bankruptcy: the trader keeps what is left after the liquidation fee, which goes to the
 *   insurance fund (B-LIQP, B-IF);
 * - filled worse: the insurance fund pays the difference (BM-LIQ, BY-BKR) if it can; if it cannot, the slice is
 *   closed at the bankruptcy price against the ADL queue instead (B-ADL, BM-ADL), or, where the regime
 *   socialises losses, the fund is emptied and the rest charged to every open position (§1.15);
 * - without negative-balance protection the trader keeps the loss as debt (reported as bad debt).
 * Liquidity providers are assumed well capitalised and hedged elsewhere: they are never liquidated.
 */
import { deleverageAgainstQueue } from './adl.ts';
import type { PerpEvent } from './events.ts';
import type { Account, ExchangeState } from './exchange.ts';
import type { LiquidationWatch } from './liquidation-watch.ts';
import { accountEquity, crossFigures, isolatedEquity, positionMaintenance, settlePending } from './margin.ts';
import type { MarketSeam } from './market-seam.ts';
import { MARKET_IDS, type MarketId } from './market.ts';
import { unrealisedPnl } from './position.ts';
import { applyLeg, tradeBetween } from './trade.ts';

/** Guards against a non-terminating loop if a market model kept filling at absurd prices. */
const MAX_SLICES_PER_STEP = 200;

/** The reference engine: every trader account, in id order, every step. */
export function liquidateUnderwater(state: ExchangeState, seam: MarketSeam, events: PerpEvent[]): void {
  if (state.watch) return liquidateCandidates(state, seam, state.watch, events);
  for (const account of state.accounts) liquidateAccount(state, seam, account, events);
}

/**
 * The fast engine: only accounts whose threshold the mark crossed, still in id order. An account touched while
 * the step liquidates others (an ADL counterparty), or any account after a socialised loss, is added if the
 * reference loop would still reach it in this step (a higher id).
 */
function liquidateCandidates(
  state: ExchangeState,
  seam: MarketSeam,
  watch: LiquidationWatch,
  events: PerpEvent[],
): void {
  watch.refresh(state);
  const queue = watch.candidates(state);
  if (queue.length === 0) return; // the usual step: nobody crossed
  const queued = new Set(queue);
  const lossIndex = () => state.markets.BTC.lossIndex + state.markets.ETH.lossIndex;
  let losses = lossIndex();
  for (let k = 0; k < queue.length; k++) {
    const id = queue[k]!;
    liquidateAccount(state, seam, state.accounts[id]!, events);
    const more = watch.drainTouched(id);
    if (lossIndex() !== losses) {
      losses = lossIndex();
      more.push(...watch.candidates(state).filter((other) => other > id));
    }
    const fresh = more.filter((other) => !queued.has(other));
    if (fresh.length === 0) continue;
    for (const other of fresh) queued.add(other);
    const rest = queue
      .splice(k + 1)
      .concat(fresh)
      .sort((a, b) => a - b);
    queue.push(...rest);
  }
}

/** One account: its isolated positions market by market, then its cross positions, slice by slice. */
function liquidateAccount(
  state: ExchangeState,
  seam: MarketSeam,
  account: Account,
  events: PerpEvent[],
): void {
  if (account.kind !== 'trader') return;
  for (const marketId of MARKET_IDS) {
    for (let i = 0; i < MAX_SLICES_PER_STEP; i++) {
      const position = account.positions[marketId];
      if (!position || position.mode !== 'isolated') break;
      const market = state.markets[marketId];
      if (isolatedEquity(position, market) >= positionMaintenance(position, market)) break;
      liquidateSlice(state, seam, account, marketId, events);
    }
  }
  for (let i = 0; i < MAX_SLICES_PER_STEP; i++) {
    const cross = crossFigures(account, state.markets);
    if (cross.positions === 0 || cross.equity >= cross.maintenance) break;
    liquidateSlice(state, seam, account, largestCrossPosition(state, account), events);
  }
}

function largestCrossPosition(state: ExchangeState, account: Account): MarketId {
  let best: MarketId = 'BTC';
  let bestNotional = -1;
  for (const id of MARKET_IDS) {
    const position = account.positions[id];
    if (!position || position.mode !== 'cross') continue;
    const notional = Math.abs(position.size) * state.markets[id].markPrice;
    if (notional > bestNotional) [best, bestNotional] = [id, notional];
  }
  return best;
}

export function liquidateSlice(
  state: ExchangeState,
  seam: MarketSeam,
  account: Account,
  marketId: MarketId,
  events: PerpEvent[],
): void {
  const { rules } = state;
  const market = state.markets[marketId];
  const position = account.positions[marketId];
  if (!position) return;
  settlePending(account, position, market);
  const s = Math.sign(position.size) as 1 | -1;
  const qtyHeld = Math.abs(position.size);
  const isolated = position.mode === 'isolated';
  const cross = isolated ? null : crossFigures(account, state.markets);
  const equityBefore = cross ? cross.equity : isolatedEquity(position, market);
  const maintenance = cross ? cross.maintenance : positionMaintenance(position, market);
  // Margin behind the position: its isolated margin, or the cross equity without its own unrealised PnL.
  const marginBehind = cross
    ? cross.equity - unrealisedPnl(position, market.markPrice)
    : position.isolatedMargin;
  const bankruptcyPrice = Math.max(position.entryPrice - (s * marginBehind) / qtyHeld, 0);

  const partial = rules.partialLiquidation;
  const sliced =
    partial !== null && qtyHeld * market.markPrice > partial.minNotional && partial.sliceFraction < 1;
  const qty = sliced ? qtyHeld * partial.sliceFraction : qtyHeld;
  const closingSide = s > 0 ? 'short' : 'long';
  const price = seam.fillPrice(state, marketId, closingSide, qty, 'liquidation');
  const surplus = s * qty * (price - bankruptcyPrice);
  const fee = Math.max(0, Math.min(rules.liquidationFeeRate * qty * price, surplus));
  const terms = { mode: position.mode, leverage: position.leverage };
  const provider = state.accounts[state.liquidityProvider];
  if (!provider)
    throw new RangeError('the venue has no liquidity provider account to take liquidation orders');

  // A slice of an isolated position keeps the margin with what is left of it: the slice's result (and any fund
  // payment or fee) moves the isolated margin, not the wallet, so each slice leaves the rest healthier.
  const walletBefore = account.wallet;
  let settlement: 'within-margin' | 'insurance-fund' | 'adl' | 'socialised' | 'trader-debt';
  let fillPrice: number | null = price;
  const shortfall = -surplus;
  if (shortfall <= 0) {
    tradeBetween(state, account, provider, marketId, -s * qty, price, terms);
    settlement = 'within-margin';
  } else if (!rules.negativeBalanceProtection) {
    tradeBetween(state, account, provider, marketId, -s * qty, price, terms);
    settlement = 'trader-debt';
  } else if (market.insuranceFund >= shortfall) {
    tradeBetween(state, account, provider, marketId, -s * qty, price, terms);
    market.insuranceFund -= shortfall;
    account.wallet += shortfall;
    events.push(drawEvent(state, marketId, account.id, shortfall));
    settlement = 'insurance-fund';
  } else if (rules.lossAllocation === 'socialised') {
    tradeBetween(state, account, provider, marketId, -s * qty, price, terms);
    const paid = market.insuranceFund;
    market.insuranceFund = 0;
    account.wallet += shortfall;
    if (paid > 0) events.push(drawEvent(state, marketId, account.id, paid));
    socialise(state, marketId, account, shortfall - paid, events);
    settlement = 'socialised';
  } else {
    applyLeg(state, account, marketId, -s * qty, bankruptcyPrice, terms);
    deleverageAgainstQueue(state, marketId, account, s, qty, bankruptcyPrice, rules.lossAllocation, events);
    fillPrice = null;
    settlement = 'adl';
  }
  if (fee > 0) {
    account.wallet -= fee;
    market.insuranceFund += fee;
  }
  const rest = account.positions[marketId];
  if (isolated && rest) {
    rest.isolatedMargin += account.wallet - walletBefore;
    account.wallet = walletBefore;
  }
  events.push({
    type: 'liquidation',
    step: state.step,
    account: account.id,
    market: marketId,
    side: s > 0 ? 'long' : 'short',
    mode: position.mode,
    qty,
    markPrice: market.markPrice,
    fillPrice,
    bankruptcyPrice,
    equityBefore,
    maintenanceMargin: maintenance,
    fee: settlement === 'adl' ? 0 : fee,
    partial: sliced,
    sizeAfter: account.positions[marketId]?.size ?? 0,
    settlement,
  });
  if (settlement === 'trader-debt') {
    const equity = accountEquity(account, state.markets);
    if (equity < 0)
      events.push({
        type: 'bad-debt',
        step: state.step,
        market: marketId,
        account: account.id,
        amount: -equity,
      });
  }
}

function drawEvent(state: ExchangeState, market: MarketId, account: number, amount: number): PerpEvent {
  return {
    type: 'insurance-draw',
    step: state.step,
    market,
    account,
    amount,
    fundAfter: state.markets[market].insuranceFund,
  };
}

/** §1.15 (Drift): the residual is charged per coin of size to every open position, long and short. */
function socialise(
  state: ExchangeState,
  marketId: MarketId,
  account: Account,
  residual: number,
  events: PerpEvent[],
): void {
  const market = state.markets[marketId];
  const openCoins = market.longOpenInterest + market.shortOpenInterest;
  // Tracked open interest can keep float dust after the last position closes; below a billionth of a coin
  // there is nobody left to share the loss with.
  if (openCoins <= 1e-9) {
    // Nobody left to share it: the loss stays with the trader as debt.
    account.wallet -= residual;
    events.push({
      type: 'bad-debt',
      step: state.step,
      market: marketId,
      account: account.id,
      amount: residual,
    });
    return;
  }
  const perCoin = residual / openCoins;
  market.lossIndex += perCoin;
  events.push({
    type: 'socialised-loss',
    step: state.step,
    market: marketId,
    account: account.id,
    amount: residual,
    perCoin,
  });
}
