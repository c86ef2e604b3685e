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
 * Where losses go to Hyperliquid's ADL, an account whose value is already negative when it is checked (the mark
 * jumped past its bankruptcy price, mechanics §1.14 "account value … becomes negative"), or whose order the book
 * would fill beyond its bankruptcy price, is not sent to the market: its positions are deleveraged against the
 * queue at the previous mark (hyperliquid-adl.ts), with no insurance fund in between.
 * Liquidity providers are assumed well capitalised and hedged elsewhere: they are never liquidated.
 */
import { deleverageAgainstQueue } from './adl.ts';
import { bankruptcyPriceAt } from './bankruptcy-price.ts';
import { deleverageAtPreviousMark, deleveragesNegativeAccounts } from './hyperliquid-adl.ts';
import type { LiquidationSettlement, PerpEvent } from './events.ts';
import { touchAccount, type Account, type ExchangeState } from './exchange.ts';
import {
  accountEquity,
  crossFigures,
  isolatedEquity,
  positionMaintenance,
  settlePending,
  type CrossFigures,
} from './margin.ts';
import type { MarketSeam } from './market-seam.ts';
import { MARKET_IDS, type MarketId, type MarketState } from './market.ts';
import type { Position } from './position.ts';
import { maintenanceMargin } from './tiers.ts';
import { applyLeg, tradeBetween } from './trade.ts';

/** Guards against a non-terminating loop if a market model kept filling at absurd prices. */
const MAX_SLICES_PER_STEP = 200;

/** Every account the venue's scan (the run's engine) names, in id order: the exact test decides. */
export function liquidateUnderwater(state: ExchangeState, seam: MarketSeam, events: PerpEvent[]): void {
  if (state.watch.quiet()) return; // the usual pass: the index knows nobody is near a threshold
  // The pass's inputs in one kept object, read by one plain visitor: a closure over them was made three times
  // a venue a minute, and nearly always found nobody to visit. Restored after, should a visit ever nest a pass.
  const { state: outerState, seam: outerSeam, events: outerEvents } = pass;
  pass.state = state;
  pass.seam = seam;
  pass.events = events;
  try {
    state.watch.eachCandidate(state, visitAccount);
  } finally {
    pass.state = outerState;
    pass.seam = outerSeam;
    pass.events = outerEvents;
  }
}

const pass: { state: ExchangeState | null; seam: MarketSeam | null; events: PerpEvent[] | null } = {
  state: null,
  seam: null,
  events: null,
};

function visitAccount(account: Account): void {
  liquidateAccount(pass.state!, pass.seam!, account, pass.events!);
}

/**
 * One account: its isolated positions market by market, then its cross positions, slice by slice. Below the
 * backstop share of maintenance (where the venue has one) the positions go to the backstop vault instead; while
 * a partial liquidation's cool-down runs, the account is not sliced again (it is checked again next step).
 */
function liquidateAccount(
  state: ExchangeState,
  seam: MarketSeam,
  account: Account,
  events: PerpEvent[],
): void {
  if (account.kind !== 'trader') return;
  const now = state.step * state.stepSeconds;
  const backstop = state.venue.backstopShareOfMaintenance;
  const negativeToAdl = deleveragesNegativeAccounts(state);
  for (const marketId of MARKET_IDS) {
    for (let i = 0; i < MAX_SLICES_PER_STEP; i++) {
      const position = account.positions[marketId];
      if (!position || position.mode !== 'isolated') break;
      const market = state.markets[marketId];
      const equity = isolatedEquity(position, market);
      const maintenance = positionMaintenance(position, market);
      if (equity >= maintenance) break;
      if (negativeToAdl && equity < 0) {
        deleverageAtPreviousMark(state, account, [marketId], equity, maintenance, events);
        break;
      }
      if (backstop !== null && equity < backstop * maintenance) {
        backstopTakeover(state, account, [marketId], equity, maintenance, events);
        break;
      }
      if (account.coolDownUntil > now) break;
      liquidateSlice(state, seam, account, marketId, events);
    }
  }
  for (let i = 0; i < MAX_SLICES_PER_STEP; i++) {
    const cross = crossFigures(account, state.markets);
    if (cross.positions === 0 || cross.equity >= cross.maintenance) break;
    if (negativeToAdl && cross.equity < 0) {
      const held = MARKET_IDS.filter((id) => account.positions[id]?.mode === 'cross');
      deleverageAtPreviousMark(state, account, held, cross.equity, cross.maintenance, events);
      break;
    }
    if (backstop !== null && cross.equity < backstop * cross.maintenance) {
      const held = MARKET_IDS.filter((id) => account.positions[id]?.mode === 'cross');
      backstopTakeover(state, account, held, cross.equity, cross.maintenance, events);
      break;
    }
    if (account.coolDownUntil > now) break;
    liquidateSlice(state, seam, account, largestCrossPosition(state, account), events);
  }
}

/**
 * HL-liquidations, W38: below the backstop share of maintenance, the positions (cross: all cross positions
 * and the cross margin; isolated: the position and its margin) pass to the venue's liquidator vault at the
 * mark, and the maintenance margin left is not returned. A negative equity is the vault's loss.
 */
function backstopTakeover(
  state: ExchangeState,
  account: Account,
  marketIds: readonly MarketId[],
  equityBefore: number,
  maintenance: number,
  events: PerpEvent[],
): void {
  const provider = state.accounts[state.liquidityProvider];
  if (!provider) throw new RangeError('the venue has no liquidity provider account to take over positions');
  const walletBefore = account.wallet;
  let isolated = false;
  for (const marketId of marketIds) {
    const position = account.positions[marketId]!;
    const market = state.markets[marketId];
    settlePending(account, position, market);
    isolated = position.mode === 'isolated';
    const s = Math.sign(position.size) as 1 | -1;
    const qty = Math.abs(position.size);
    const bankruptcyPrice = bankruptcyPriceAt(position, market, isolated ? null : equityBefore);
    tradeBetween(state, account, provider, marketId, -s * qty, market.markPrice, position);
    events.push({
      type: 'liquidation',
      step: state.step,
      account: account.id,
      market: marketId,
      side: s > 0 ? 'long' : 'short',
      mode: position.mode,
      qty,
      markPrice: market.markPrice,
      fillPrice: market.markPrice,
      bankruptcyPrice,
      equityBefore,
      maintenanceMargin: maintenance,
      fee: 0,
      partial: false,
      sizeAfter: 0,
      settlement: 'backstop',
    });
  }
  // What the closed positions left: the isolated margin released to the wallet, or the whole cross wallet.
  const taken = isolated ? account.wallet - walletBefore : account.wallet;
  account.wallet -= taken;
  provider.wallet += taken;
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

/**
 * The price at which closing the position leaves nothing behind it (mechanics §1.12): the margin behind it is
 * its isolated margin, or the cross equity without its own unrealised PnL. Pending charges must be settled.
 */
export function bankruptcyPriceOf(
  position: Position,
  market: MarketState,
  cross: CrossFigures | null,
): number {
  return bankruptcyPriceAt(position, market, cross ? cross.equity : null);
}

/**
 * Liquidates one slice of a position. `closeQty`, when given, is the whole quantity a trader's own close asked
 * for, handed to the liquidation engine because it would fill beyond the bankruptcy price (orders.ts).
 */
export function liquidateSlice(
  state: ExchangeState,
  seam: MarketSeam,
  account: Account,
  marketId: MarketId,
  events: PerpEvent[],
  closeQty?: number,
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
  const bankruptcyPrice = bankruptcyPriceOf(position, market, cross);

  const qty = closeQty ?? sliceQty(rules, market, position, qtyHeld, equityBefore, maintenance);
  if (closeQty === undefined && deleveragesNegativeAccounts(state)) {
    // Hyperliquid: no insurance fund between the book and ADL. An order the book would fill beyond the
    // bankruptcy price would leave the account's value negative, which is ADL's trigger (mechanics §1.14).
    const { bid, ask } = seam.impactPrices(state, marketId, qty * market.tradedPrice);
    if (s * ((s > 0 ? bid : ask) - bankruptcyPrice) < 0) {
      const held = isolated ? [marketId] : MARKET_IDS.filter((id) => account.positions[id]?.mode === 'cross');
      deleverageAtPreviousMark(state, account, held, equityBefore, maintenance, events);
      return;
    }
  }
  const sliced = qty < qtyHeld;
  if (sliced && closeQty === undefined && state.venue.sliceCoolDownSeconds !== null)
    account.coolDownUntil = state.step * state.stepSeconds + state.venue.sliceCoolDownSeconds;
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
  let settlement: LiquidationSettlement;
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

/**
 * How much a liquidation order closes. Positions at or below the minimum notional, or without partial
 * liquidation, go whole. Otherwise the slice is the rules' share of the position or, if more is needed, the
 * share that brings the account back above maintenance at the mark after the fee (B-LIQP: "reduce toward
 * compliance"; HL-liquidations: 20% rounds for positions above US$100k). A hole no slice can fill closes it all.
 */
function sliceQty(
  rules: ExchangeState['rules'],
  market: MarketState,
  position: Position,
  qtyHeld: number,
  equity: number,
  maintenance: number,
): number {
  const partial = rules.partialLiquidation;
  const notional = qtyHeld * market.markPrice;
  if (partial === null || partial.sliceFraction >= 1 || notional <= partial.minNotional) return qtyHeld;
  const own = positionMaintenance(position, market);
  const others = maintenance - own;
  const shortfallAfter = (f: number) =>
    others +
    maintenanceMargin(market.tiers, (1 - f) * notional) -
    (equity - rules.liquidationFeeRate * f * notional);
  if (shortfallAfter(1) > 0) return qtyHeld;
  // The shortfall falls as f grows while the fee rate is below the maintenance rate: bisect for the least f.
  let low = 0;
  let high = 1;
  for (let k = 0; k < 50; k++) {
    const mid = (low + high) / 2;
    if (shortfallAfter(mid) > 0) low = mid;
    else high = mid;
  }
  const share = Math.max(partial.sliceFraction, high);
  return share >= 1 - 1e-9 ? qtyHeld : qtyHeld * share;
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
    // Nobody left to share it. Under negative-balance protection the liquidity provider, the venue's
    // well-capitalised backstop that took the other side, bears it (guardrails.md: loss limited to the margin
    // posted, W5); without it the loss stays with the trader as debt.
    const provider = state.accounts[state.liquidityProvider];
    const bearer = state.rules.negativeBalanceProtection && provider ? provider : account;
    bearer.wallet -= residual;
    events.push({
      type: 'bad-debt',
      step: state.step,
      market: marketId,
      account: bearer.id,
      amount: residual,
    });
    return;
  }
  const perCoin = residual / openCoins;
  market.lossIndex += perCoin;
  const borneByVenue = state.rules.negativeBalanceProtection ? protectFromShare(state, marketId, perCoin) : 0;
  events.push({
    type: 'socialised-loss',
    step: state.step,
    market: marketId,
    account: account.id,
    amount: residual,
    perCoin,
    borneByVenue,
  });
}

/**
 * Negative-balance protection holds against a socialised loss too (issue 19; guardrails.md: loss limited to the
 * margin posted, W5): a loss spread per coin over a small open interest can charge a position more than its
 * owner has left. Each protected trader pays its share only down to zero equity; the venue's liquidity
 * provider, the well-capitalised backstop that takes liquidation fills, bears the rest, as it does when nobody
 * is left to share a loss. Done at once for every position the charge reaches, so both engines agree.
 * Returns what the venue bore.
 */
function protectFromShare(state: ExchangeState, marketId: MarketId, perCoin: number): number {
  const provider = state.accounts[state.liquidityProvider];
  if (!provider) return 0;
  const market = state.markets[marketId];
  let borne = 0;
  for (const trader of state.accounts) {
    const position = trader.positions[marketId];
    if (trader.kind !== 'trader' || !position) continue;
    const isolated = position.mode === 'isolated';
    const equity = isolated ? isolatedEquity(position, market) : crossFigures(trader, state.markets).equity;
    if (equity >= 0) continue;
    const refund = Math.min(-equity, Math.abs(position.size) * perCoin);
    if (isolated) position.isolatedMargin += refund;
    else trader.wallet += refund;
    provider.wallet -= refund;
    borne += refund;
    touchAccount(state, trader.id);
  }
  if (borne > 0) touchAccount(state, provider.id);
  return borne;
}
