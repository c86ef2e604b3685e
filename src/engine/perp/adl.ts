/**
 * Auto-deleveraging (mechanics §1.14, §4 item 6): when the insurance fund cannot absorb a bankrupt position,
 * opposite positions are closed against it at its bankruptcy price, in the regime's ranking order, until its
 * size is covered. No trading fee (B-ADL). The bankrupt account ends at zero; OI falls equally on both sides.
 */
import { adlLights, adlScore, type AdlMethod } from './adl-ranking.ts';
import type { PerpEvent } from './events.ts';
import type { Account, ExchangeState } from './exchange.ts';
import { crossFigures, isolatedEquity, pendingCharges } from './margin.ts';
import type { MarketId } from './market.ts';
import { unrealisedPnl } from './position.ts';
import { maintenanceMargin } from './tiers.ts';
import { applyLeg } from './trade.ts';

export interface QueueEntry {
  account: number;
  score: number;
}

/**
 * The queue of positions on `side` in a market, first to be deleveraged first (ties: lower account id first).
 * `wallet` fed to the score is the margin behind the position: its isolated margin, or the cross wallet.
 */
export function adlQueue(
  state: ExchangeState,
  marketId: MarketId,
  side: 1 | -1,
  method: AdlMethod,
  exclude = -1,
): QueueEntry[] {
  const market = state.markets[marketId];
  const mark = market.markPrice;
  const queue: QueueEntry[] = [];
  for (const account of state.accounts) {
    const position = account.positions[marketId];
    if (!position || account.id === exclude || Math.sign(position.size) !== side) continue;
    const qty = Math.abs(position.size);
    const margin =
      position.mode === 'isolated'
        ? isolatedEquity(position, market) - unrealisedPnl(position, mark)
        : account.wallet - pendingCharges(position, market);
    const notional = qty * mark;
    const score = adlScore(
      {
        id: String(account.id),
        side: side > 0 ? 'long' : 'short',
        qty,
        entry: position.entryPrice,
        mark,
        wallet: margin,
        mmr: notional > 0 ? maintenanceMargin(market.tiers, notional) / notional : 0,
      },
      method,
    );
    queue.push({ account: account.id, score });
  }
  queue.sort((a, b) => b.score - a.score || a.account - b.account);
  return queue;
}

/** The five-light indicator of one account's standing in its side's queue (5 = next to be deleveraged). */
export function adlIndicator(
  state: ExchangeState,
  marketId: MarketId,
  accountId: number,
  method: AdlMethod,
): number | null {
  const position = state.accounts[accountId]?.positions[marketId];
  if (!position) return null;
  const queue = adlQueue(state, marketId, Math.sign(position.size) as 1 | -1, method);
  const rank = queue.findIndex((entry) => entry.account === accountId);
  return adlLights(rank + 1, queue.length);
}

/**
 * Closes `qty` of the bankrupt account's position at `bankruptcyPrice` against the opposite queue.
 * The bankrupt leg is applied by the caller; this applies the counterparties' legs and reports each.
 */
export function deleverageAgainstQueue(
  state: ExchangeState,
  marketId: MarketId,
  bankrupt: Account,
  bankruptSide: 1 | -1,
  qty: number,
  bankruptcyPrice: number,
  method: AdlMethod,
  events: PerpEvent[],
): void {
  const queue = adlQueue(state, marketId, -bankruptSide as 1 | -1, method, bankrupt.id);
  let remaining = qty;
  for (let rank = 0; rank < queue.length && remaining > qty * 1e-12; rank++) {
    const entry = queue[rank] as QueueEntry;
    const account = state.accounts[entry.account] as Account;
    const position = account.positions[marketId];
    if (!position) continue;
    if (protectedFromAdl(state, account, marketId, bankruptcyPrice)) continue;
    const take = Math.min(remaining, Math.abs(position.size));
    const leg = applyLeg(state, account, marketId, bankruptSide * take, bankruptcyPrice, {
      mode: position.mode,
      leverage: position.leverage,
    });
    remaining -= take;
    events.push({
      type: 'adl',
      step: state.step,
      market: marketId,
      bankruptAccount: bankrupt.id,
      account: account.id,
      side: bankruptSide > 0 ? 'short' : 'long',
      qty: take,
      price: bankruptcyPrice,
      score: entry.score,
      rank,
      realisedPnl: leg.realisedPnl,
    });
  }
  if (remaining <= qty * 1e-12) return;
  // What no protected counterparty could take, the liquidity provider (well capitalised, never liquidated)
  // takes over at the bankruptcy price: the venue's backstop (B-LIQP: "taken over by the insurance fund").
  const provider = state.accounts[state.liquidityProvider];
  if (!provider) throw new RangeError('the venue has no liquidity provider account to take over a position');
  const leg = applyLeg(state, provider, marketId, bankruptSide * remaining, bankruptcyPrice, {
    mode: provider.positions[marketId]?.mode ?? 'cross',
    leverage: 1,
  });
  events.push({
    type: 'adl',
    step: state.step,
    market: marketId,
    bankruptAccount: bankrupt.id,
    account: provider.id,
    side: bankruptSide > 0 ? 'short' : 'long',
    qty: remaining,
    price: bankruptcyPrice,
    score: 0,
    rank: queue.length,
    realisedPnl: leg.realisedPnl,
  });
}

/**
 * Under negative-balance protection a trader is not deleveraged at a price beyond its own bankruptcy price:
 * closing it there would leave it below zero (guardrails.md: loss limited to the margin posted, W5). Such a
 * position, a losing one at the back of the queue, is passed over. Liquidity providers are never protected.
 */
function protectedFromAdl(
  state: ExchangeState,
  account: Account,
  marketId: MarketId,
  price: number,
): boolean {
  if (!state.rules.negativeBalanceProtection || account.kind !== 'trader') return false;
  const position = account.positions[marketId]!;
  const market = state.markets[marketId];
  // The margin behind the position (as the liquidation engine counts it) plus the whole position at `price`.
  const behind =
    position.mode === 'isolated'
      ? isolatedEquity(position, market) - unrealisedPnl(position, market.markPrice)
      : crossFigures(account, state.markets).equity - unrealisedPnl(position, market.markPrice);
  return behind + position.size * (price - position.entryPrice) < 0;
}
