/**
 * The state of a margin-financing broker venue (model.md "Products: margin financing", "Accounts and
 * conservation"): the broker, its clients, the spot liquidity provider that takes the other side of every
 * client trade, the fee collector and an external estate that receives collateral lost in a broker failure.
 * Its clients and holdings keep their numbers in Float64Array rows (client-record.ts); the functions that
 * change it live beside it.
 *
 * Money is USD cash; assets are counted in units. `totalCash` and `totalUnits` record everything put in, so
 * broker-invariants.ts can check that no step creates or destroys either.
 */
import { COLLATERAL_ASSETS, type CollateralAsset } from '../margin/collateral.ts';
import { validateFinancingRules, type MarginFinancingRules } from '../margin/financing-rules.ts';
import { requireNonNegative, requirePositive } from '../margin/validate.ts';
import { between, check } from '../validation/index.ts';
import type { MarginTrigger } from '../margin/margin-call.ts';
import type { InvestorClass } from '../perp/rules.ts';
import { REVIEW_EVERY_CLIENT, type MarginScan } from './margin-scan.ts';
import { markTouched, type Touched } from '../fast/touched.ts';
import type { BrokerRoutineSink } from './routine-sink.ts';
import { DOUBLE } from '../fast/double-fields.ts';
import { AssetNumbers } from '../market/asset-numbers.ts';
import { ClientRows, HoldingsRow, type Client } from './client-record.ts';
import { createInterestBook, type InterestBook } from './interest-book.ts';

/** BTC, ETH, other crypto, and securities (an equity index with its own price path). */
export type BrokerAsset = CollateralAsset;
export const BROKER_ASSETS = COLLATERAL_ASSETS;

export type AssetPrices = Record<BrokerAsset, number>;
export type Holdings = Record<BrokerAsset, number>;

/**
 * `start` + Σ units × price, added in BROKER_ASSETS order, each asset read by name: a loop over the list reads
 * holdings and prices with keys the JIT cannot predict, the costliest part of a traced or owing broker client's
 * frame (issue 16). holdings-value.test.ts checks it against that loop, bit for bit.
 */
export function holdingsValue(start: number, holdings: Holdings, prices: AssetPrices): number {
  let value = start;
  value += holdings.BTC * prices.BTC;
  value += holdings.ETH * prices.ETH;
  value += holdings['other-crypto'] * prices['other-crypto'];
  value += holdings.securities * prices.securities;
  return value;
}

/**
 * `holdings[asset]`, read by name: a number read or written under a computed name is a new heap number each
 * time, and a client's trades, the door's probes and its credit search do it for every order.
 */
export function unitsOf(holdings: Holdings, asset: BrokerAsset): number {
  switch (asset) {
    case 'BTC':
      return holdings.BTC;
    case 'ETH':
      return holdings.ETH;
    case 'other-crypto':
      return holdings['other-crypto'];
    case 'securities':
      return holdings.securities;
    default:
      return (holdings as Record<string, number>)[asset as string]!;
  }
}

/** `holdings[asset] = units`, written by name (see unitsOf). */
export function setUnits(holdings: Holdings, asset: BrokerAsset, units: number): void {
  switch (asset) {
    case 'BTC':
      holdings.BTC = units;
      return;
    case 'ETH':
      holdings.ETH = units;
      return;
    case 'other-crypto':
      holdings['other-crypto'] = units;
      return;
    case 'securities':
      holdings.securities = units;
      return;
    default:
      (holdings as Record<string, number>)[asset as string] = units;
  }
}

export interface MarginCall {
  sinceStep: number;
  /** The forced sale falls due at this step if the client is still in breach (step + cure period). */
  deadlineStep: number;
  trigger: MarginTrigger[];
  /**
   * The call is met when net debt is at most this: the limit the client stood at when called (the smaller of
   * the call LTV's debt and the lending value). Paying or selling down to it meets the call, whatever prices
   * did since (SMF practice: a call is for an amount).
   */
  metAtNetDebt: number;
}

export { Client, clientUnits } from './client-record.ts';

export interface BrokerAccount {
  /** Capital at the start: the base of the loans-to-capital limit (SMF Guidelines 5×, guardrails B3). */
  capital: number;
  /**
   * Cash on hand. It goes below zero when the broker lends more than its capital: that part is funded by the
   * broker's own borrowing (bank lines), which the simulator does not model separately.
   */
  cash: number;
  loansOutstanding: number;
  interestReceivable: number;
}

export interface BrokerState {
  step: number;
  stepMinutes: number;
  rules: MarginFinancingRules;
  /** Taker fee on every spot fill, client orders and forced sales alike, paid to the fee collector. */
  spotFeeRate: number;
  /** Prices the broker values collateral at (the scenario's path); fills come from the spot seam. */
  prices: AssetPrices;
  broker: BrokerAccount;
  /**
   * Stands for the rest of the spot market: it takes the other side of every client trade. Its balances may go
   * below zero (a short); depth and price impact belong to the spot seam, not to this account.
   */
  liquidityProvider: { cash: number; holdings: Holdings };
  feeCollector: number;
  /** Collateral a failed broker re-used and cannot return (broker-failure.ts). */
  estate: { holdings: Holdings };
  /** Set by brokerFailure: no further advances. */
  failed: boolean;
  /** Minutes past 00:00 UTC at step 0: margin calls are made at the day's close (margin-calls.ts). */
  startMinuteOfDay: number;
  /** A client under a margin call may not borrow more (the preset's extras.financingStopsAdvancesOnCall). */
  stopsAdvancesOnCall: boolean;
  clients: Client[];
  /** The clients' numbers, a row per client by id (client-record.ts). */
  clientRows: ClientRows;
  /** Σ client deposits + broker capital + the liquidity provider's opening cash. */
  totalCash: number;
  /** Units of each asset put in: the liquidity provider's and those clients opened with. */
  totalUnits: Holdings;
  /**
   * How a step finds the clients to review: the fast engine's index of margin checks, or (the default) the
   * reference engine's review of every client.
   */
  watch: MarginScan;
  /**
   * Ids of clients owing principal, ascending (interest accrues on these only), and of clients that repaid since
   * the last hourly pass, which drops them.
   */
  debtors: number[];
  /** Clients changed since an observer last looked (for incremental sums); null when nobody watches. */
  touched: Touched | null;
  /** Where routine events go as numbers rather than events (routine-sink.ts); null: every one is an event. */
  routine: BrokerRoutineSink | null;
  /** Σ `Client.hourlyInterest` by investor class (settled or not). */
  hourlyInterestByClass: Record<InvestorClass, number>;
  /** The debtors' principals and classes for the hourly pass, and the passes made (interest-book.ts). */
  interestBook: InterestBook;
}

/**
 * Keeps `debtors` and the interest book in step after a client's principal changed (its interest settled
 * before the change): a new debtor is added in its place (usually at the end: the newest client has the highest
 * id). A client that repaid stays listed until the next hourly pass drops it (loan-ledger.ts), which skips a
 * principal of 0 as it always did: removing it here moved the rest of a list of up to 10,000 ids at every
 * repayment (issue 16).
 */
export function trackDebtor(state: BrokerState, client: Client): void {
  state.interestBook.principal[client.id] = client.principal;
  if (!(client.principal > 0)) return;
  const list = state.debtors;
  const id = client.id;
  const last = list.length - 1;
  if (last < 0 || list[last]! < id) {
    list.push(id);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== id) list.splice(lo, 0, id);
}

/** Records that a client's cash, holdings or debt changed, for the margin index and any observer. */
export function touchClient(state: BrokerState, clientId: number): void {
  state.watch.markDirty(clientId);
  markTouched(state.touched, clientId);
}

export interface BrokerOptions {
  rules: MarginFinancingRules;
  prices: AssetPrices;
  brokerCapital: number;
  liquidityProvider: { cash: number; holdings: Holdings };
  spotFeeRate?: number;
  stepMinutes?: number;
  /** Minutes past 00:00 UTC at step 0 (default 0: the run starts at the day's close). */
  startMinuteOfDay?: number;
  /** Default true (SMF practice, guardrails §1A: "stopped from further margin trading"). */
  stopsAdvancesOnCall?: boolean;
}

export function emptyHoldings(): Holdings {
  return holdingsOf(0, 0, 0, 0);
}

/** Holdings of these units (a row of their own: every broker Holdings is a HoldingsRow, client-record.ts). */
export function holdingsOf(btc: number, eth: number, otherCrypto: number, securities: number): HoldingsRow {
  return HoldingsRow.of(btc, eth, otherCrypto, securities);
}

/** A copy of `holdings` (a literal or another HoldingsRow) as a HoldingsRow. */
export function copyHoldings(holdings: Readonly<Holdings>): HoldingsRow {
  return HoldingsRow.of(holdings.BTC, holdings.ETH, holdings['other-crypto'], holdings.securities);
}

/**
 * The holdings with one asset's units replaced, as a new object (the door prices a purchase before it
 * happens). Written out field by field: a spread with a computed key costs several times more, and the
 * credit-capacity search asks this dozens of times per purchase.
 */
export function holdingsWith(holdings: Holdings, asset: BrokerAsset, units: number): Holdings {
  const after = copyHoldings(holdings);
  setUnits(after, asset, units);
  return after;
}

export function requirePrices(prices: AssetPrices): AssetPrices {
  // The check (and its field name, a new string) only for a price that fails: this runs every step. Each
  // asset by name, in BROKER_ASSETS order: a price read under a computed name is a new heap number.
  requirePrice('BTC', prices.BTC);
  requirePrice('ETH', prices.ETH);
  requirePrice('other-crypto', prices['other-crypto']);
  requirePrice('securities', prices.securities);
  return prices;
}

function requirePrice(asset: BrokerAsset, price: number): void {
  if (!(price > 0 && price < Infinity)) requirePositive(`${asset} price`, price);
}

export function requireHoldings(owner: string, holdings: Holdings): Holdings {
  // The check (and its field name, a new string) only for units that fail: this runs at every client's entry.
  for (const asset of BROKER_ASSETS) {
    const units = holdings[asset];
    if (typeof units !== 'number' || !(units >= 0 && units < Infinity))
      requireNonNegative(`${owner} ${asset} units`, units);
  }
  return holdings;
}

const SPOT_FEE_RATE = between(0, 0.1);
const MINUTE_OF_DAY = between(0, 24 * 60 - 1);

export function createBroker(options: BrokerOptions): BrokerState {
  const { rules, prices, brokerCapital, liquidityProvider, spotFeeRate = 0, stepMinutes = 1 } = options;
  const { startMinuteOfDay = 0, stopsAdvancesOnCall = true } = options;
  validateFinancingRules(rules);
  requirePrices(prices);
  requireNonNegative('broker capital', brokerCapital);
  requireNonNegative('liquidity provider cash', liquidityProvider.cash);
  requireHoldings('liquidity provider', liquidityProvider.holdings);
  check('spot fee rate', spotFeeRate, SPOT_FEE_RATE);
  requirePositive('step minutes', stepMinutes);
  check('start minute of the day', startMinuteOfDay, MINUTE_OF_DAY);
  // Every sum a double from the start (fast/double-fields.ts): a sum that began as a whole number became a
  // double at its first fraction, replacing the class of a state every broker function reads.
  const broker: BrokerAccount = {
    capital: DOUBLE,
    cash: DOUBLE,
    loansOutstanding: DOUBLE,
    interestReceivable: DOUBLE,
  };
  broker.capital = brokerCapital;
  broker.cash = brokerCapital;
  broker.loansOutstanding = 0;
  broker.interestReceivable = 0;
  const provider = { cash: DOUBLE, holdings: copyHoldings(liquidityProvider.holdings) };
  provider.cash = liquidityProvider.cash;
  const byClass = { retail: DOUBLE, professional: DOUBLE };
  byClass.retail = 0;
  byClass.professional = 0;
  const state: BrokerState = {
    step: 0,
    stepMinutes,
    rules,
    spotFeeRate,
    // Not a spread copy: its fields were tagged, each minute's four prices four new heap numbers.
    prices: AssetNumbers.copyOf(prices),
    broker,
    liquidityProvider: provider,
    feeCollector: DOUBLE,
    estate: { holdings: emptyHoldings() },
    failed: false,
    startMinuteOfDay,
    stopsAdvancesOnCall,
    clients: [],
    clientRows: new ClientRows(),
    totalCash: DOUBLE,
    totalUnits: copyHoldings(liquidityProvider.holdings),
    watch: REVIEW_EVERY_CLIENT,
    debtors: [],
    touched: null,
    routine: null,
    hourlyInterestByClass: byClass,
    interestBook: createInterestBook(),
  };
  state.feeCollector = 0;
  state.totalCash = brokerCapital + liquidityProvider.cash;
  return state;
}
