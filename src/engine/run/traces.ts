/**
 * Traces of followed traders (the personas, and any trader the user picks): one row per frame with their
 * position, equity, liquidation line, margin ratio, ADL lights and loan-to-value, so the interface can tell
 * each one's story under each rule set. Plus, per frame, the head of each side's ADL queue on BTC.
 */
import { ltvOrZero } from '../broker/client-margin.ts';
import { clientDebt } from '../broker/clients.ts';
import type { CollateralRule } from '../margin/collateral.ts';
import {
  boardHeadsInto,
  boardLights,
  createAdlBoard,
  scoreBoard,
  type AdlBoard,
  type TouchStamps,
} from '../perp/adl.ts';
import type { AdlMethod } from '../perp/adl-ranking.ts';
import type { ExchangeState } from '../perp/exchange.ts';
import {
  crossFiguresInto,
  isolatedEquity,
  pendingCharges,
  positionMaintenance,
  type CrossFigures,
} from '../perp/margin.ts';
import { MARKET_IDS } from '../perp/market.ts';
import { liquidationPrice, type LiquidationInput } from '../perp/liquidation-price.ts';
import { maintenanceMargin, type MaintenanceTier } from '../perp/tiers.ts';
import { traderEquityInto } from './observe.ts';
import type { RunState } from './run-state.ts';
import { PHASE, VENUE } from './trader-codes.ts';

export const TRACE_FIELDS = [
  'equity',
  /** Signed size in coins (perpetuals) or units held (broker clients). */
  'size',
  'entryPrice',
  /** 0 when there is no liquidation price (no position, or none reachable). */
  'liquidationPrice',
  'bankruptcyPrice',
  /** Maintenance margin ÷ equity (Binance's margin ratio): liquidation at 1. */
  'marginRatio',
  /** 1–5 ADL lights, 0 when not in a queue. */
  'adlLights',
  /** Broker clients: debt ÷ collateral value; 0 otherwise. */
  'ltv',
] as const;
export type TraceField = (typeof TRACE_FIELDS)[number];
export type TraceRow = Record<TraceField, number>;

/** Each field's column within a trader's columns in the block: its place in TRACE_FIELDS. */
const EQUITY = 0;
const SIZE = 1;
const ENTRY = 2;
const LIQUIDATION = 3;
const BANKRUPTCY = 4;
const MARGIN_RATIO = 5;
const ADL_LIGHTS = 6;
const LTV = 7;

/**
 * Every followed trader's rows so far, one growable column per field and trader (as frames.ts keeps frames): a
 * frame writes numbers into columns, allocating nothing (issue 16: a row object per trader and frame, its
 * numbers boxed, was a tenth of a classroom run's allocation).
 */
export interface TraceBuilder {
  length: number;
  capacity: number;
  /**
   * Every column, `capacity` numbers each: trader by trader in `run.followed` order, each trader's in
   * TRACE_FIELDS order. A row is written through it (the columns objects' typed arrays, loaded field by field,
   * were a tenth of a row's time).
   */
  block: Float64Array;
  /** Per followed trader, in `run.followed` order: views on `block`. */
  columns: Record<TraceField, Float64Array>[];
  /** Per followed trader, its last liquidation and bankruptcy prices and what they were worked out from. */
  liquidation: LiquidationMemo;
}

/**
 * A followed trader's liquidation and bankruptcy prices depend on its position and the margin behind it, not
 * on the mark: they move only with a fill, a settlement of funding or losses, or a deposit. Kept with their
 * inputs, and worked out again (liquidation-price.ts, a pure function) only when one of the inputs changed:
 * worked out every frame, their input and result objects were 8% of a classroom run's allocation.
 */
interface LiquidationMemo {
  /**
   * MEMO numbers per followed trader: the side (±1; 0 before the first), size, entry price and wallet the
   * prices were worked out from, then the liquidation and bankruptcy prices (one array: the check reads one
   * object, not six).
   */
  numbers: Float64Array;
  tiers: (readonly MaintenanceTier[] | null)[];
}

const MEMO = 6;

function createLiquidationMemo(followed: number): LiquidationMemo {
  return {
    numbers: new Float64Array(followed * MEMO),
    tiers: Array<readonly MaintenanceTier[] | null>(followed).fill(null),
  };
}

export function createTraceBuilder(followed: number, capacity = 256): TraceBuilder {
  // Views on one buffer, as frames.ts does: the columns are only ever read through copies (traceColumnsOf).
  const block = new Float64Array(followed * TRACE_FIELDS.length * capacity);
  const columns = columnsOf(block, followed, capacity);
  return { length: 0, capacity, block, columns, liquidation: createLiquidationMemo(followed) };
}

function columnsOf(
  block: Float64Array,
  followed: number,
  capacity: number,
): Record<TraceField, Float64Array>[] {
  return Array.from({ length: followed }, (_, k) => {
    const own = {} as Record<TraceField, Float64Array>;
    TRACE_FIELDS.forEach((field, f) => {
      const at = (k * TRACE_FIELDS.length + f) * capacity;
      own[field] = block.subarray(at, at + capacity);
    });
    return own;
  });
}

/** Trader k's rows so far, trimmed to their length (copies). */
export function traceColumnsOf(builder: TraceBuilder, k: number): Record<TraceField, Float64Array> {
  const columns = {} as Record<TraceField, Float64Array>;
  for (const field of TRACE_FIELDS) columns[field] = builder.columns[k]![field].slice(0, builder.length);
  return columns;
}

function growTraces(builder: TraceBuilder): void {
  const capacity = Math.max(16, builder.capacity * 2);
  const followed = builder.columns.length;
  const block = new Float64Array(followed * TRACE_FIELDS.length * capacity);
  const columns = columnsOf(block, followed, capacity);
  for (let k = 0; k < followed; k++)
    for (const field of TRACE_FIELDS) columns[k]![field].set(builder.columns[k]![field]);
  builder.block = block;
  builder.columns = columns;
  builder.capacity = capacity;
}

/** Appends one frame's row for every followed trader. */
export function pushTraceRows(run: RunState, builder: TraceBuilder, standings: FrameStandings): void {
  if (builder.length === builder.capacity) growTraces(builder);
  const step = builder.capacity;
  const traderColumns = TRACE_FIELDS.length * step;
  const block = builder.block;
  for (let k = 0; k < run.followed.length; k++) {
    const at = k * traderColumns + builder.length;
    writeTraceRow(run, run.followed[k]!, standings, block, at, step, builder.liquidation, k);
  }
  builder.length++;
}

/** Above this many traders, ADL standings are not traced per frame (each costs a pass over the book). */
export const QUEUE_TRACE_LIMIT = 2_000;
export const QUEUE_HEAD = 5;

/**
 * One frame's ADL standings: each venue's market scored at most once per frame, into buffers kept from frame
 * to frame (`reset()` before each frame), read by the queue head and every followed trader's lights. One slot
 * per venue and market, found by index, each stamped with the frame it was scored for: `reset()` moves the
 * frame on instead of clearing the slots (a search of the slots and a clearing pass were a fifth of a frame's
 * standings).
 */
export class FrameStandings {
  /** The frame being taken: a slot stamped with another frame is stale. */
  private frame = 1;
  /** Per slot (venue × MARKET_IDS.length + market): the venue's state it was scored for, and when. */
  private readonly states: (ExchangeState | null)[] = Array<ExchangeState | null>(SLOTS).fill(null);
  private readonly scoredAt = new Float64Array(SLOTS);
  private readonly boards: (AdlBoard | null)[] = Array<AdlBoard | null>(SLOTS).fill(null);

  reset(): void {
    this.frame++;
  }

  /**
   * The board of `state`'s market `mk` (its place in MARKET_IDS), scored once a frame; `venue` is 0 for the
   * onshore venue, 1 for the offshore one (each state always given with the same), `stamps` that venue's
   * touches (the run's ClassEquity's: the board keeps its positions' figures until they are touched).
   */
  board(state: ExchangeState, venue: 0 | 1, mk: number, method: AdlMethod, stamps: TouchStamps): AdlBoard {
    const slot = venue * MARKET_IDS.length + mk;
    const board = this.boards[slot];
    if (
      board !== null &&
      board !== undefined &&
      this.scoredAt[slot] === this.frame &&
      this.states[slot] === state
    )
      return board;
    return this.score(state, slot, mk, method, stamps);
  }

  private score(
    state: ExchangeState,
    slot: number,
    mk: number,
    method: AdlMethod,
    stamps: TouchStamps,
  ): AdlBoard {
    const board = (this.boards[slot] ??= createAdlBoard());
    this.states[slot] = state;
    this.scoredAt[slot] = this.frame;
    scoreBoard(board, state, MARKET_IDS[mk]!, method, stamps);
    return board;
  }
}

/** FrameStandings' slots: two venues, each market. */
const SLOTS = 2 * MARKET_IDS.length;

/** A trace row; `standings` shares one frame's ADL scoring among rows (fresh scoring when not given). */
export function traceRow(run: RunState, i: number, standings = new FrameStandings()): TraceRow {
  const builder = createTraceBuilder(1, 1);
  const columns = builder.columns[0]!;
  writeTraceRow(run, i, standings, builder.block, 0, 1, null, 0);
  const row = {} as TraceRow;
  for (const field of TRACE_FIELDS) row[field] = columns[field][0]!;
  return row;
}

/** The input handed to liquidationPrice, rewritten for each call (an object a call was garbage a frame). */
const liquidationInput: LiquidationInput = { side: 'long', qty: 0, entryPrice: 0, wallet: 0, tiers: [] };

/** A cross account's figures (margin.ts crossFiguresInto), rewritten for each traced row. */
const crossNow: CrossFigures = { equity: 0, maintenance: 0, initialMargin: 0, positions: 0 };

/**
 * ZEROS_UNWRITTEN: a row's fields that are 0 are not written. Every place in a builder's block is +0 until its
 * row is written (a new Float64Array, and growTraces copies the rows so far into a new one), and each row is
 * written once, at the builder's length, so a field left unwritten reads +0, as a store of 0 would have left it.
 * A store of 0 was a store into its column's cache line, a line the row did not otherwise touch: a broker client's
 * row writes 3 of its 8 columns.
 */

/**
 * Trader i's row written into the block (every field but those that are 0, ZEROS_UNWRITTEN), field by field:
 * its first column's place is `at`, and each next field's column `step` further on (TRACE_FIELDS order). A row
 * object in between cost a boxed number per field. `memo` (slot k) keeps the liquidation prices from frame to frame (null: none kept).
 * The rows a followed trader has on almost every frame (a broker client; a perpetual trader holding its one
 * market's position, or nothing) are written from one read of the account: each figure with the same
 * operations in the same order as traderEquity, crossFigures and isolatedEquity (frame-columns.test.ts checks
 * them against those); any other row goes through them (writeAnyRow).
 */
function writeTraceRow(
  run: RunState,
  i: number,
  standings: FrameStandings,
  b: Float64Array,
  at: number,
  step: number,
  memo: LiquidationMemo | null,
  k: number,
): void {
  const code = run.venueOf[i];
  if (run.phase[i] === PHASE.waiting) return writeAnyRow(run, i, standings, b, at, step, memo, k);
  if (code === VENUE.broker) return writeClientRow(run, i, b, at, step);
  if (code !== VENUE.onshore && code !== VENUE.offshore)
    return writeAnyRow(run, i, standings, b, at, step, memo, k);
  const state = (code === VENUE.onshore ? run.onshore : run.offshore!).exchange;
  const owner = state.accounts[run.accountOf[i]!]!;
  // The markets by name (a key from MARKET_IDS was a generic keyed load).
  const { BTC, ETH, ALT } = owner.positions;
  const mk = run.perpMarket[i]!;
  const position = mk === 0 ? BTC : mk === 1 ? ETH : ALT;
  const held = (BTC ? 1 : 0) + (ETH ? 1 : 0) + (ALT ? 1 : 0);
  if (held === 0) {
    // accountEquity with no position is the wallet.
    b[at + EQUITY * step] = owner.wallet + run.reserve[i]!;
    // SIZE to LTV: 0, left as they are (ZEROS_UNWRITTEN).
    return;
  }
  if (held !== 1 || !position) return writeAnyRow(run, i, standings, b, at, step, memo, k);
  const markets = state.markets;
  const m = mk === 0 ? markets.BTC : mk === 1 ? markets.ETH : markets.ALT;
  const size = position.size;
  const entry = position.entryPrice;
  const mark = m.markPrice;
  const qty = Math.abs(size);
  // unrealisedPnl and pendingCharges (margin.ts), once for every figure below.
  const pnl = size * (mark - entry);
  const pending =
    size * (m.fundingIndex - position.fundingSnapshot) + qty * (m.lossIndex - position.lossSnapshot);
  const isolated = position.mode === 'isolated';
  const ownWallet = owner.wallet;
  const isolatedMargin = isolated ? position.isolatedMargin : 0;
  // traderEquity: accountEquity's wallet + positionValue, then the reserve kept outside.
  b[at + EQUITY * step] =
    (isolated ? ownWallet + (pnl - pending + isolatedMargin) : ownWallet + (pnl - pending)) + run.reserve[i]!;
  // isolatedEquity, or crossFigures' equity and maintenance over the account's one (cross) position.
  const equity = isolated ? isolatedMargin + pnl - pending : ownWallet + (pnl - pending);
  const tiers = m.tiers;
  const maintenanceNow = maintenanceMargin(tiers, qty * mark);
  // crossFigures adds it to 0 (which changes only a −0).
  const maintenance = isolated ? maintenanceNow : 0 + maintenanceNow;
  const wallet = isolated ? isolatedMargin - pending : ownWallet - pending;
  writeLiquidationPrices(b, at, step, memo, k, size > 0 ? 1 : -1, qty, entry, wallet, tiers);
  b[at + SIZE * step] = size;
  b[at + ENTRY * step] = entry;
  b[at + MARGIN_RATIO * step] = equity > 0 ? maintenance / equity : 1;
  const method = state.rules.lossAllocation;
  b[at + ADL_LIGHTS * step] =
    method !== 'socialised' && run.population.count <= QUEUE_TRACE_LIMIT
      ? (boardLights(standingsBoard(run, standings, state, code, mk, method), run.accountOf[i]!) ?? 0)
      : 0;
  // LTV: 0, left as it is (ZEROS_UNWRITTEN).
}

/** The board of the market `mk` on the venue `code` (onshore or offshore) for the run's frame. */
function standingsBoard(
  run: RunState,
  standings: FrameStandings,
  state: ExchangeState,
  code: number | undefined,
  mk: number,
  method: AdlMethod,
): AdlBoard {
  const venue = code === VENUE.onshore ? 0 : 1;
  return standings.board(state, venue, mk, method, run.classEquity.accountStamps[venue]);
}

/**
 * A broker client's row: traderEquity's holdingsValue and clientLtv's collateral (client-margin.ts: net debt over
 * the eligible holdings at the broker's prices, each asset read by name; 0 where it is null) from one read of the
 * client's holdings and the broker's prices, its debt settled once (the same value both read).
 */
function writeClientRow(run: RunState, i: number, b: Float64Array, at: number, step: number): void {
  const broker = run.broker;
  const client = broker.clients[run.accountOf[i]!]!;
  const debt = clientDebt(client);
  const cash = client.cash;
  const held = client.holdings;
  const btc = held.BTC;
  const eth = held.ETH;
  const other = held['other-crypto'];
  const securities = held.securities;
  const prices = broker.prices;
  const btcPrice = prices.BTC;
  const ethPrice = prices.ETH;
  const otherPrice = prices['other-crypto'];
  const securitiesPrice = prices.securities;
  // holdingsValue(cash − debt, holdings, prices) + the reserve (traderEquity).
  let value = cash - debt;
  value += btc * btcPrice;
  value += eth * ethPrice;
  value += other * otherPrice;
  value += securities * securitiesPrice;
  b[at + EQUITY * step] = value + run.reserve[i]!;
  b[at + SIZE * step] = run.population.asset[i] ? eth : btc;
  // ENTRY to ADL_LIGHTS: 0, left as they are (ZEROS_UNWRITTEN).
  // clientLtv's collateral sum, in BROKER_ASSETS order.
  const rules = broker.rules.collateral;
  let collateral = 0;
  collateral = addCollateral(collateral, btc, btcPrice, rules.BTC);
  collateral = addCollateral(collateral, eth, ethPrice, rules.ETH);
  collateral = addCollateral(collateral, other, otherPrice, rules['other-crypto']);
  collateral = addCollateral(collateral, securities, securitiesPrice, rules.securities);
  b[at + LTV * step] = ltvOrZero(Math.max(0, debt - cash), collateral);
}

/**
 * The liquidation and bankruptcy prices at `at`: kept in `memo` (slot k) with their inputs, and worked out again
 * (liquidation-price.ts) only when one changed (null: none kept). The wallet is compared as Object.is does
 * (+0 and −0 apart), written out: the check runs every frame.
 */
function writeLiquidationPrices(
  b: Float64Array,
  at: number,
  step: number,
  memo: LiquidationMemo | null,
  k: number,
  side: 1 | -1,
  qty: number,
  entry: number,
  wallet: number,
  tiers: readonly MaintenanceTier[],
): void {
  if (memo !== null) {
    const kept = memo.numbers;
    const j = k * MEMO;
    const keptWallet = kept[j + 3]!;
    if (
      kept[j] === side &&
      kept[j + 1] === qty &&
      kept[j + 2] === entry &&
      keptWallet === wallet &&
      (wallet !== 0 || 1 / keptWallet === 1 / wallet) &&
      memo.tiers[k] === tiers
    ) {
      b[at + LIQUIDATION * step] = kept[j + 4]!;
      b[at + BANKRUPTCY * step] = kept[j + 5]!;
      return;
    }
  }
  workOutLiquidationPrices(b, at, step, memo, k, side, qty, entry, wallet, tiers);
}

function workOutLiquidationPrices(
  b: Float64Array,
  at: number,
  step: number,
  memo: LiquidationMemo | null,
  k: number,
  side: 1 | -1,
  qty: number,
  entry: number,
  wallet: number,
  tiers: readonly MaintenanceTier[],
): void {
  const input = liquidationInput;
  input.side = side > 0 ? 'long' : 'short';
  input.qty = qty;
  input.entryPrice = entry;
  input.wallet = wallet;
  input.tiers = tiers;
  const prices = liquidationPrice(input);
  const liquidation = prices.liquidationPrice ?? 0;
  const bankruptcy = prices.bankruptcyPrice ?? 0;
  b[at + LIQUIDATION * step] = liquidation;
  b[at + BANKRUPTCY * step] = bankruptcy;
  if (memo === null) return;
  const kept = memo.numbers;
  const j = k * MEMO;
  kept[j] = side;
  kept[j + 1] = qty;
  kept[j + 2] = entry;
  kept[j + 3] = wallet;
  kept[j + 4] = liquidation;
  kept[j + 5] = bankruptcy;
  memo.tiers[k] = tiers;
}

/** Any row (writeTraceRow's fallback), through traderEquity, crossFigures and isolatedEquity themselves. */
function writeAnyRow(
  run: RunState,
  i: number,
  standings: FrameStandings,
  b: Float64Array,
  at: number,
  step: number,
  memo: LiquidationMemo | null,
  k: number,
): void {
  const code = run.venueOf[i];
  // A broker client's row is writeClientRow's whatever its phase (it has the client's own figures).
  if (code === VENUE.broker) return writeClientRow(run, i, b, at, step);
  traderEquityInto(run, i, b, at + EQUITY * step);
  const account = run.accountOf[i]!;
  const venue = code === VENUE.onshore ? run.onshore : code === VENUE.offshore ? run.offshore : null;
  const market = MARKET_IDS[run.perpMarket[i]!]!;
  const state = venue?.exchange;
  const owner = state?.accounts[account];
  const position = owner?.positions[market];
  // SIZE to LTV: 0 without a position, left as they are (ZEROS_UNWRITTEN).
  if (!state || !owner || !position) return;
  const m = state.markets[market];
  const isolated = position.mode === 'isolated';
  let equity: number;
  let maintenance: number;
  if (isolated) {
    equity = isolatedEquity(position, m);
    maintenance = positionMaintenance(position, m);
  } else {
    crossFiguresInto(owner, state.markets, crossNow);
    equity = crossNow.equity;
    maintenance = crossNow.maintenance;
  }
  const wallet = isolated
    ? position.isolatedMargin - pendingCharges(position, m)
    : owner.wallet - pendingCharges(position, m);
  const entry = position.entryPrice;
  writeLiquidationPrices(
    b,
    at,
    step,
    memo,
    k,
    position.size > 0 ? 1 : -1,
    Math.abs(position.size),
    entry,
    wallet,
    m.tiers,
  );
  b[at + SIZE * step] = position.size;
  b[at + ENTRY * step] = entry;
  b[at + MARGIN_RATIO * step] = equity > 0 ? maintenance / equity : 1;
  const method = state.rules.lossAllocation;
  b[at + ADL_LIGHTS * step] =
    method !== 'socialised' && run.population.count <= QUEUE_TRACE_LIMIT
      ? (boardLights(standingsBoard(run, standings, state, code, run.perpMarket[i]!, method), account) ?? 0)
      : 0;
  // LTV: 0, left as it is (ZEROS_UNWRITTEN).
}

function addCollateral(collateral: number, qty: number, price: number, rule: CollateralRule): number {
  return qty > 0 && rule.eligible ? collateral + qty * price : collateral;
}

/** The first QUEUE_HEAD traders of each side's BTC ADL queue on the venue (−1: empty place). */
export function queueHead(
  run: RunState,
  standings = new FrameStandings(),
): { long: number[]; short: number[] } {
  const long = new Int32Array(QUEUE_HEAD);
  const short = new Int32Array(QUEUE_HEAD);
  queueHeadInto(run, standings, long, short, 0);
  return { long: [...long], short: [...short] };
}

/** queueHead written into `long` and `short`, QUEUE_HEAD places each from `at`. */
function queueHeadInto(
  run: RunState,
  standings: FrameStandings,
  long: Int32Array,
  short: Int32Array,
  at: number,
): void {
  const state = run.onshore.exchange;
  const method = state.rules.lossAllocation;
  if (method === 'socialised' || run.population.count > QUEUE_TRACE_LIMIT) {
    long.fill(-1, at, at + QUEUE_HEAD);
    short.fill(-1, at, at + QUEUE_HEAD);
    return;
  }
  // BTC: MARKET_IDS[0].
  const board = standings.board(state, 0, 0, method, run.classEquity.accountStamps[0]);
  boardHeadsInto(board, run.onshore.traderOf, long, short, at, QUEUE_HEAD);
}

/** Per frame, the head of the BTC ADL queue on each side: QUEUE_HEAD trader ids a frame (−1: an empty place). */
export interface QueueBuilder {
  length: number;
  long: Int32Array;
  short: Int32Array;
}

export function createQueueBuilder(capacity = 256): QueueBuilder {
  return {
    length: 0,
    long: new Int32Array(capacity * QUEUE_HEAD),
    short: new Int32Array(capacity * QUEUE_HEAD),
  };
}

/** Appends one frame's queue head, written straight into the builder's columns. */
export function pushQueueHead(run: RunState, builder: QueueBuilder, standings: FrameStandings): void {
  const at = builder.length * QUEUE_HEAD;
  if (at + QUEUE_HEAD > builder.long.length) {
    const grow = (a: Int32Array) => {
      const grown = new Int32Array(Math.max(16 * QUEUE_HEAD, a.length * 2));
      grown.set(a);
      return grown;
    };
    builder.long = grow(builder.long);
    builder.short = grow(builder.short);
  }
  queueHeadInto(run, standings, builder.long, builder.short, at);
  builder.length++;
}
