/**
 * The invariants a correct engine keeps after every step (mechanics §4; model.md "Accounts and conservation"):
 * Σ balances + Σ unrealised PnL at one mark − Σ unsettled charges + insurance funds + fees = Σ deposits;
 * long open interest = short open interest = Σ of the positions' sizes on each side; insurance funds ≥ 0.
 */
import type { ExchangeState } from './exchange.ts';
import { accountEquity } from './margin.ts';
import { MARKET_IDS, type MarketId } from './market.ts';

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
  let longBtc = 0;
  let shortBtc = 0;
  let longEth = 0;
  let shortEth = 0;
  let longAlt = 0;
  let shortAlt = 0;
  const accounts = state.accounts;
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a]!;
    money += accountEquity(account, markets);
    // Named one by one (a read by a computed name is a megamorphic lookup); no position adds nothing.
    const btc = account.positions.BTC;
    if (btc) {
      if (btc.size > 0) longBtc += btc.size;
      else shortBtc -= btc.size;
    }
    const eth = account.positions.ETH;
    if (eth) {
      if (eth.size > 0) longEth += eth.size;
      else shortEth -= eth.size;
    }
    const alt = account.positions.ALT;
    if (alt) {
      if (alt.size > 0) longAlt += alt.size;
      else shortAlt -= alt.size;
    }
  }
  let minInsuranceFund = Infinity;
  let openInterestError = 0;
  for (const id of MARKET_IDS) {
    const market = markets[id];
    money += market.insuranceFund;
    minInsuranceFund = Math.min(minInsuranceFund, market.insuranceFund);
    const long = pick(id, longBtc, longEth, longAlt);
    const short = pick(id, shortBtc, shortEth, shortAlt);
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

/** The market's own of three per-market sums (a fourth market fails to compile here). */
function pick(id: MarketId, btc: number, eth: number, alt: number): number {
  switch (id) {
    case 'BTC':
      return btc;
    case 'ETH':
      return eth;
    case 'ALT':
      return alt;
    default:
      return unreachable(id);
  }
}

function unreachable(id: never): never {
  throw new RangeError(`no open-interest sums for market ${String(id)}`);
}
