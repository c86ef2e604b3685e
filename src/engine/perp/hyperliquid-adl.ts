/**
 * Hyperliquid's auto-deleveraging (mechanics §1.14, HL-auto-deleveraging; W40): when an account's value (or an
 * isolated position's value) is negative, its positions are closed against the opposite side's ranked queue at
 * the previous mark price, with no market order and no insurance fund in between. What the closed positions
 * leave goes to the liquidator vault, as in a backstop liquidation (W38: the maintenance margin is not
 * returned); a loss left below zero is the vault's (W40: "the platform has no bad debt"), where the rules
 * protect the trader's balance. The liquidity provider plays the vault.
 */
import { deleverageAgainstQueue } from './adl.ts';
import type { PerpEvent } from './events.ts';
import type { Account, ExchangeState } from './exchange.ts';
import { bankruptcyPriceAt } from './bankruptcy-price.ts';
import { settlePending } from './margin.ts';
import type { MarketId } from './market.ts';
import { applyLeg } from './trade.ts';

/** Whether the venue deleverages accounts found below zero (Hyperliquid's trigger) rather than liquidating them. */
export function deleveragesNegativeAccounts(state: ExchangeState): boolean {
  return state.rules.lossAllocation === 'hyperliquid';
}

export function deleverageAtPreviousMark(
  state: ExchangeState,
  account: Account,
  marketIds: readonly MarketId[],
  equityBefore: number,
  maintenance: number,
  events: PerpEvent[],
): void {
  const provider = state.accounts[state.liquidityProvider];
  if (!provider) throw new RangeError('the venue has no liquidity provider account to act as its vault');
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
    const price = market.previousMarkPrice;
    applyLeg(state, account, marketId, -s * qty, price, { mode: position.mode, leverage: position.leverage });
    deleverageAgainstQueue(state, marketId, account, s, qty, price, 'hyperliquid', events);
    events.push({
      type: 'liquidation',
      step: state.step,
      account: account.id,
      market: marketId,
      side: s > 0 ? 'long' : 'short',
      mode: position.mode,
      qty,
      markPrice: market.markPrice,
      fillPrice: null,
      bankruptcyPrice,
      equityBefore,
      maintenanceMargin: maintenance,
      fee: 0,
      partial: false,
      sizeAfter: 0,
      settlement: 'adl',
    });
  }
  // What the closed positions left: the isolated margin released to the wallet, or the whole cross wallet.
  const left = isolated ? account.wallet - walletBefore : account.wallet;
  // (The vault's loss shows in the liquidation events: their equity before is below zero.)
  if (left >= 0 || state.rules.negativeBalanceProtection) {
    account.wallet -= left;
    provider.wallet += left;
    return;
  }
  events.push({
    type: 'bad-debt',
    step: state.step,
    market: marketIds[0]!,
    account: account.id,
    amount: -left,
  });
}
