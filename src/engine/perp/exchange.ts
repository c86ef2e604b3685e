/**
 * The state of a perpetual-contract venue: its markets, its accounts (traders and liquidity providers), the
 * fee collector and the bookkeeping needed to check that money is never created or lost (model.md, "Accounts
 * and conservation"). A plain, serialisable object; the functions that change it live beside it.
 */
import { createMarket, MARKET_IDS, type MarketId, type MarketState } from './market.ts';
import type { Position } from './position.ts';
import { validatePerpRules, type InvestorClass, type PerpRules } from './rules.ts';
import { markTouched, type Touched } from '../fast/touched.ts';
import type { LiquidationWatch } from './liquidation-watch.ts';
import { above, atLeast, check } from '../validation/index.ts';

export type AccountKind = 'trader' | 'liquidity-provider';

export interface Account {
  id: number;
  kind: AccountKind;
  investorClass: InvestorClass;
  /** Cross wallet balance: cash not locked in isolated margin, realised PnL included. Negative = debt. */
  wallet: number;
  /** Σ deposits into this account. */
  deposited: number;
  positions: Partial<Record<MarketId, Position>>;
}

export interface ExchangeState {
  step: number;
  stepSeconds: number;
  rules: PerpRules;
  markets: Record<MarketId, MarketState>;
  accounts: Account[];
  feeCollector: number;
  /** The account that takes the other side of market orders and liquidation fills (-1: none yet). */
  liquidityProvider: number;
  /** Σ deposits of every account plus the insurance funds' starting capital. */
  totalDeposits: number;
  /** The fast engine's threshold index; null for the reference engine, which scans every account. */
  watch: LiquidationWatch | null;
  /**
   * Accounts whose wallet or positions changed other than by mark, funding or socialised loss, since an
   * observer last read the list (the run's equity by class); null when nobody reads it.
   */
  touched: Touched | null;
}

/** Records that an account's wallet or positions changed, for the liquidation index and any observer. */
export function touchAccount(state: ExchangeState, accountId: number): void {
  state.watch?.markDirty(accountId);
  markTouched(state.touched, accountId);
}

export function createExchange(
  rules: PerpRules,
  openingPrices: Record<MarketId, number>,
  stepSeconds = 60,
): ExchangeState {
  validatePerpRules(rules);
  check('step length', stepSeconds, above(0, undefined, { unit: 's' }));
  const markets = {} as Record<MarketId, MarketState>;
  for (const id of MARKET_IDS)
    markets[id] = createMarket(id, openingPrices[id], rules.tiers[id], rules.insuranceFundStart);
  return {
    step: 0,
    stepSeconds,
    rules,
    markets,
    accounts: [],
    feeCollector: 0,
    liquidityProvider: -1,
    watch: null,
    touched: null,
    totalDeposits: rules.insuranceFundStart * MARKET_IDS.length,
  };
}

/** Opens an account with a first deposit and returns its id. */
export function openAccount(
  state: ExchangeState,
  kind: AccountKind,
  investorClass: InvestorClass,
  deposit: number,
): number {
  check('deposit', deposit, atLeast(0));
  const id = state.accounts.length;
  state.accounts.push({ id, kind, investorClass, wallet: deposit, deposited: deposit, positions: {} });
  state.totalDeposits += deposit;
  if (kind === 'liquidity-provider') state.liquidityProvider = id;
  return id;
}

/** Adds cash to an account (a top-up). */
export function deposit(state: ExchangeState, accountId: number, amount: number): void {
  check('deposit', amount, above(0));
  const account = accountOf(state, accountId);
  account.wallet += amount;
  account.deposited += amount;
  state.totalDeposits += amount;
  touchAccount(state, accountId);
}

export function accountOf(state: ExchangeState, accountId: number): Account {
  const account = state.accounts[accountId];
  if (!account) throw new RangeError(`no account ${accountId} (there are ${state.accounts.length})`);
  return account;
}
