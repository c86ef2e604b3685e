/**
 * The state of a perpetual-contract venue: its markets, its accounts (traders and liquidity providers), the
 * fee collector and the bookkeeping needed to check that money is never created or lost (model.md, "Accounts
 * and conservation"). A plain, serialisable object; the functions that change it live beside it.
 */
import { createMarket, MARKET_IDS, MARKET_INDEX, type MarketId, type MarketState } from './market.ts';
import type { Position } from './position.ts';
import { listedMarkets, validatePerpRules, type InvestorClass, type PerpRules } from './rules.ts';
import { markTouched, type Touched } from '../fast/touched.ts';
import { SCAN_EVERY_ACCOUNT, type LiquidationScan } from './liquidation-scan.ts';
import { createHolders, type Holders } from './holders.ts';
import type { FillSink } from './fill-sink.ts';
import { above, atLeast, between, check, orNone } from '../validation/index.ts';
import { DOUBLE } from '../fast/double-fields.ts';

const COOL_DOWN = orNone(atLeast(0, { unit: 's' }));
/** Built once: a rule per account opened was 27 MB of allocation in a 100,000-trader run (issue 16). */
const DEPOSIT = atLeast(0);
const SHARE = orNone(between(0, 1));
const CLOCK = between(0, 86_400, { unit: 's', maxExcluded: true });

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
  /** Venue clock (seconds from step 0) before which a partial liquidation does not slice again (W42). */
  coolDownUntil: number;
}

/**
 * Venue rules the regime sets outside PerpRules (regimes/extras.ts) that the exchange itself applies, and the
 * venue's clock. Every option off (null) reproduces a venue without them.
 */
export interface VenueOptions {
  /** Pause after a partial-liquidation slice before the account is sliced again (Hyperliquid: 30 s, W42). */
  sliceCoolDownSeconds: number | null;
  /** Backstop takeover when equity falls below this share of maintenance (Hyperliquid: ⅔, W38). */
  backstopShareOfMaintenance: number | null;
  /**
   * The fund is this share of open interest's notional (SFC [DEFAULT]: 1%) instead of rules.insuranceFundStart:
   * it starts empty and the operator pays in as open interest reaches new highs.
   */
  fundShareOfOpenInterest: number | null;
  /** UTC seconds past midnight at step 0, so funding settles on the venue's clock hours (B-FUND). */
  clockStartSecond: number;
}

export const NO_VENUE_OPTIONS: VenueOptions = {
  sliceCoolDownSeconds: null,
  backstopShareOfMaintenance: null,
  fundShareOfOpenInterest: null,
  clockStartSecond: 0,
};

export interface ExchangeState {
  step: number;
  stepSeconds: number;
  rules: PerpRules;
  venue: VenueOptions;
  /** Every market, quoted at the index; only the listed ones take orders, fund and settle funding. */
  markets: Record<MarketId, MarketState>;
  /** The markets the rules list (rules.listsAlt): BTC and ETH, and ALT where listed. */
  listed: readonly MarketId[];
  /** The listed markets' states, in the order of `listed` (a step reads them by position, not by name). */
  listedMarkets: readonly MarketState[];
  accounts: Account[];
  /** Per market, the accounts holding a position there (holders.ts). */
  holders: Record<MarketId, Holders>;
  feeCollector: number;
  /** The account that takes the other side of market orders and liquidation fills (-1: none yet). */
  liquidityProvider: number;
  /** Σ deposits of every account plus the insurance funds' starting capital and the operator's payments into them. */
  totalDeposits: number;
  /**
   * Per market, by MARKET_INDEX: the operator's capital paid into the fund so far (start included), for the
   * open-interest rule.
   */
  fundCommitted: Float64Array;
  /**
   * How a step finds the accounts to test for liquidation: the fast engine's threshold index, or (the default)
   * the reference engine's scan of every account.
   */
  watch: LiquidationScan;
  /**
   * Accounts whose wallet or positions changed other than by mark, funding or socialised loss, since an
   * observer last read the list (the run's equity by class); null when nobody reads it.
   */
  touched: Touched | null;
  /** Where fills go as numbers rather than events (fill-sink.ts); null: every fill is an event. */
  fills: FillSink | null;
}

/** Records that an account's wallet or positions changed, for the liquidation index and any observer. */
export function touchAccount(state: ExchangeState, accountId: number): void {
  state.watch.markDirty(accountId);
  markTouched(state.touched, accountId);
}

export function createExchange(
  rules: PerpRules,
  openingPrices: Record<MarketId, number>,
  stepSeconds = 60,
  venue: Partial<VenueOptions> = {},
): ExchangeState {
  validatePerpRules(rules);
  check('step length', stepSeconds, above(0, undefined, { unit: 's' }));
  const options = { ...NO_VENUE_OPTIONS, ...venue };
  check('partial-liquidation cool-down', options.sliceCoolDownSeconds, COOL_DOWN);
  check('backstop share of maintenance margin', options.backstopShareOfMaintenance, SHARE);
  check('insurance fund share of open interest', options.fundShareOfOpenInterest, SHARE);
  check('venue clock at the start', options.clockStartSecond, CLOCK);
  // A fund tied to open interest starts with it, at nothing (SFC [DEFAULT]: "starts at 1% of open interest").
  const fundStart = options.fundShareOfOpenInterest === null ? rules.insuranceFundStart : 0;
  const listed = listedMarkets(rules);
  const markets = {} as Record<MarketId, MarketState>;
  // A typed array: the step rewrites it as open interest grows (a number stored by market name was boxed).
  const fundCommitted = new Float64Array(MARKET_IDS.length);
  const holders = {} as Record<MarketId, Holders>;
  for (const id of MARKET_IDS) {
    // An unlisted market has no fund: nothing can be liquidated on it.
    const fund = listed.includes(id) ? fundStart : 0;
    markets[id] = createMarket(id, openingPrices[id], rules.tiers[id], fund);
    fundCommitted[MARKET_INDEX[id]] = fund;
    holders[id] = createHolders();
  }
  const state: ExchangeState = {
    step: 0,
    stepSeconds,
    rules,
    venue: options,
    markets,
    listed,
    listedMarkets: listed.map((id) => markets[id]),
    fundCommitted,
    accounts: [],
    holders,
    // Doubles from the start (fast/double-fields.ts): the first fee made `feeCollector` one.
    feeCollector: DOUBLE,
    liquidityProvider: -1,
    watch: SCAN_EVERY_ACCOUNT,
    touched: null,
    fills: null,
    totalDeposits: DOUBLE,
  };
  state.feeCollector = 0;
  state.totalDeposits = fundStart * listed.length;
  return state;
}

/** Opens an account with a first deposit and returns its id. */
export function openAccount(
  state: ExchangeState,
  kind: AccountKind,
  investorClass: InvestorClass,
  deposit: number,
): number {
  check('deposit', deposit, DEPOSIT);
  const id = state.accounts.length;
  // A trader's positions object has its three markets from the start, so every trader's has one shape: keys
  // added as each trader first traded its market gave each market its own shape, and the hot reads of
  // `positions.BTC` (and ETH, ALT) saw more shapes than V8 keeps apart (megamorphic loads). Sums over a
  // trader's positions (crossFigures) then go in BTC, ETH, ALT order; a run's trader trades one market. The
  // liquidity provider keeps the order it first traded its markets in.
  // The numbers doubles from the start (fast/double-fields.ts): a whole-number deposit made a class that the
  // first fraction replaced.
  const account: Account = {
    id,
    kind,
    investorClass,
    wallet: DOUBLE,
    deposited: DOUBLE,
    positions: kind === 'trader' ? { BTC: undefined, ETH: undefined, ALT: undefined } : {},
    coolDownUntil: 0, // whole seconds
  };
  account.wallet = deposit;
  account.deposited = deposit;
  state.accounts.push(account);
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
