/**
 * The invariants a correct engine keeps after every step (mechanics §4; model.md "Accounts and conservation"):
 * Σ balances + Σ unrealised PnL at one mark − Σ unsettled charges + insurance funds + fees = Σ deposits;
 * long open interest = short open interest = Σ of the positions' sizes on each side; insurance funds ≥ 0.
 */
import type { ExchangeState } from './exchange.ts';
import { accountEquity } from './margin.ts';
import { MARKET_IDS } from './market.ts';

export interface InvariantReport {
  /** |Σ money − Σ deposits| / Σ deposits. */
  conservationError: number;
  /**
   * Largest |long OI − short OI| or |tracked − recounted| over markets, relative to the open interest (or to
   * one coin when less than one is open, so float dust on an almost empty book does not read as an error).
   */
  openInterestError: number;
  /** Lowest insurance fund balance across markets. */
  minInsuranceFund: number;
}

export function checkInvariants(state: ExchangeState): InvariantReport {
  let money = state.feeCollector;
  for (const account of state.accounts) money += accountEquity(account, state.markets);
  let minInsuranceFund = Infinity;
  let openInterestError = 0;
  for (const id of MARKET_IDS) {
    const market = state.markets[id];
    money += market.insuranceFund;
    minInsuranceFund = Math.min(minInsuranceFund, market.insuranceFund);
    let long = 0;
    let short = 0;
    for (const account of state.accounts) {
      const size = account.positions[id]?.size ?? 0;
      if (size > 0) long += size;
      else short -= size;
    }
    const scale = Math.max(long, 1);
    openInterestError = Math.max(
      openInterestError,
      Math.abs(long - short) / scale,
      Math.abs(long - market.longOpenInterest) / scale,
      Math.abs(short - market.shortOpenInterest) / scale,
    );
  }
  const conservationError = Math.abs(money - state.totalDeposits) / Math.max(state.totalDeposits, 1e-9);
  return { conservationError, openInterestError, minInsuranceFund };
}
