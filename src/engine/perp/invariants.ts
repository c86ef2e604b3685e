/**
 * The invariants a correct engine keeps after every step (mechanics §4; model.md "Accounts and conservation"):
 * Σ balances + Σ unrealised PnL at one mark − Σ unsettled charges + insurance funds + fees = Σ deposits;
 * long open interest = short open interest = Σ of the positions' sizes on each side; insurance funds ≥ 0.
 */
import type { ExchangeState } from './exchange.ts';
import { accountEquity } from './margin.ts';
import { MARKET_IDS } from './market.ts';
import type { Position } from './position.ts';

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
  // One pass over the accounts (the end-of-run check reads every account a 100,000-trader run opened; four
  // passes, each a cache miss per account, were most of its cost), with the same additions in the same order:
  // Σ equity in account order, then the funds in MARKET_IDS order; each market's sides in account order.
  const markets = state.markets;
  let money = state.feeCollector;
  const sides = new Float64Array(2 * MARKET_IDS.length);
  const accounts = state.accounts;
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a]!;
    money += accountEquity(account, markets);
    // Named one by one, in MARKET_IDS order (a read by a computed name is a megamorphic lookup).
    const positions = account.positions;
    addSides(sides, 0, positions.BTC);
    addSides(sides, 1, positions.ETH);
    addSides(sides, 2, positions.ALT);
  }
  let minInsuranceFund = Infinity;
  let openInterestError = 0;
  for (let m = 0; m < MARKET_IDS.length; m++) {
    const market = markets[MARKET_IDS[m]!];
    money += market.insuranceFund;
    minInsuranceFund = Math.min(minInsuranceFund, market.insuranceFund);
    const long = sides[2 * m]!;
    const short = sides[2 * m + 1]!;
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

/** Adds a position's size to market m's long (slot 2m) or short (slot 2m + 1) sum; no position adds nothing. */
function addSides(sides: Float64Array, m: number, position: Position | undefined): void {
  if (!position) return;
  const size = position.size;
  if (size > 0) sides[2 * m]! += size;
  else sides[2 * m + 1]! -= size;
}
