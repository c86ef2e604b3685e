/**
 * Traces of followed traders (the personas, and any trader the user picks): one row per frame with their
 * position, equity, liquidation line, margin ratio, ADL lights and loan-to-value, so the interface can tell
 * each one's story under each rule set. Plus, per frame, the head of each side's ADL queue on BTC.
 */
import { clientLtv } from '../broker/client-margin.ts';
import { boardHeads, boardLights, createAdlBoard, scoreBoard, type AdlBoard } from '../perp/adl.ts';
import type { AdlMethod } from '../perp/adl-ranking.ts';
import type { ExchangeState } from '../perp/exchange.ts';
import type { MarketId } from '../perp/market.ts';
import { crossFigures, isolatedEquity, pendingCharges, positionMaintenance } from '../perp/margin.ts';
import { MARKET_IDS } from '../perp/market.ts';
import { liquidationPrice } from '../perp/liquidation-price.ts';
import { traderEquity } from './observe.ts';
import type { RunState } from './run-state.ts';
import { VENUE } from './trader-codes.ts';

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

/**
 * Every followed trader's rows so far, one growable column per field and trader (as frames.ts keeps frames): a
 * frame writes numbers into columns, allocating nothing (issue 16: a row object per trader and frame, its
 * numbers boxed, was a tenth of a classroom run's allocation).
 */
export interface TraceBuilder {
  length: number;
  capacity: number;
  /** Per followed trader, in `run.followed` order. */
  columns: Record<TraceField, Float64Array>[];
}

export function createTraceBuilder(followed: number, capacity = 256): TraceBuilder {
  // Views on one buffer, as frames.ts does: the columns are only ever read through copies (traceColumnsOf).
  const block = new Float64Array(followed * TRACE_FIELDS.length * capacity);
  const columns = Array.from({ length: followed }, (_, k) => {
    const own = {} as Record<TraceField, Float64Array>;
    TRACE_FIELDS.forEach((field, f) => {
      const at = (k * TRACE_FIELDS.length + f) * capacity;
      own[field] = block.subarray(at, at + capacity);
    });
    return own;
  });
  return { length: 0, capacity, columns };
}

/** Trader k's rows so far, trimmed to their length (copies). */
export function traceColumnsOf(builder: TraceBuilder, k: number): Record<TraceField, Float64Array> {
  const columns = {} as Record<TraceField, Float64Array>;
  for (const field of TRACE_FIELDS) columns[field] = builder.columns[k]![field].slice(0, builder.length);
  return columns;
}

function growTraces(builder: TraceBuilder): void {
  const capacity = Math.max(16, builder.capacity * 2);
  for (const columns of builder.columns)
    for (const field of TRACE_FIELDS) {
      const grown = new Float64Array(capacity);
      grown.set(columns[field]);
      columns[field] = grown;
    }
  builder.capacity = capacity;
}

function emptyTraceRow(): TraceRow {
  return {
    equity: 0,
    size: 0,
    entryPrice: 0,
    liquidationPrice: 0,
    bankruptcyPrice: 0,
    marginRatio: 0,
    adlLights: 0,
    ltv: 0,
  };
}

/** One row kept for the frame being taken: its fields are rewritten, never allocated anew. */
const scratch: TraceRow = emptyTraceRow();

/** Appends one frame's row for every followed trader. */
export function pushTraceRows(run: RunState, builder: TraceBuilder, standings: FrameStandings): void {
  if (builder.length === builder.capacity) growTraces(builder);
  const at = builder.length;
  for (let k = 0; k < run.followed.length; k++) {
    const row = traceRowInto(run, run.followed[k]!, standings, scratch);
    // Field by field, by name: a loop over TRACE_FIELDS reads the row with a key it cannot predict.
    const c = builder.columns[k]!;
    c.equity[at] = row.equity;
    c.size[at] = row.size;
    c.entryPrice[at] = row.entryPrice;
    c.liquidationPrice[at] = row.liquidationPrice;
    c.bankruptcyPrice[at] = row.bankruptcyPrice;
    c.marginRatio[at] = row.marginRatio;
    c.adlLights[at] = row.adlLights;
    c.ltv[at] = row.ltv;
  }
  builder.length++;
}

/** Above this many traders, ADL standings are not traced per frame (each costs a pass over the book). */
export const QUEUE_TRACE_LIMIT = 2_000;
export const QUEUE_HEAD = 5;

/**
 * One frame's ADL standings: each venue's market scored at most once per frame, into buffers kept from frame
 * to frame (`reset()` before each frame), read by the queue head and every followed trader's lights.
 */
export class FrameStandings {
  private slots: { state: ExchangeState | null; market: MarketId; board: AdlBoard }[] = [];

  reset(): void {
    for (const slot of this.slots) slot.state = null;
  }

  board(state: ExchangeState, market: MarketId, method: AdlMethod): AdlBoard {
    let free = null;
    for (const slot of this.slots) {
      if (slot.state === state && slot.market === market) return slot.board;
      if (slot.state === null) free ??= slot;
    }
    if (!free) {
      free = { state: null, market, board: createAdlBoard() };
      this.slots.push(free);
    }
    free.state = state;
    free.market = market;
    scoreBoard(free.board, state, market, method);
    return free.board;
  }
}

/** A trace row; `standings` shares one frame's ADL scoring among rows (fresh scoring when not given). */
export function traceRow(run: RunState, i: number, standings = new FrameStandings()): TraceRow {
  return traceRowInto(run, i, standings, emptyTraceRow());
}

/** Trader i's row written into `row` (every field). */
function traceRowInto(run: RunState, i: number, standings: FrameStandings, row: TraceRow): TraceRow {
  row.equity = traderEquity(run, i);
  row.size = 0;
  row.entryPrice = 0;
  row.liquidationPrice = 0;
  row.bankruptcyPrice = 0;
  row.marginRatio = 0;
  row.adlLights = 0;
  row.ltv = 0;
  const code = run.venueOf[i];
  const account = run.accountOf[i]!;
  if (code === VENUE.broker) {
    const client = run.broker.clients[account]!;
    const asset = run.population.asset[i] ? 'ETH' : 'BTC';
    row.size = client.holdings[asset];
    row.ltv = clientLtv(run.broker, client) ?? 0;
    return row;
  }
  const venue = code === VENUE.onshore ? run.onshore : code === VENUE.offshore ? run.offshore : null;
  if (!venue) return row;
  const market = MARKET_IDS[run.perpMarket[i]!]!;
  const state = venue.exchange;
  const owner = state.accounts[account]!;
  const position = owner.positions[market];
  if (!position) return row;
  const m = state.markets[market];
  const isolated = position.mode === 'isolated';
  const cross = isolated ? null : crossFigures(owner, state.markets);
  const equity = cross ? cross.equity : isolatedEquity(position, m);
  const maintenance = cross ? cross.maintenance : positionMaintenance(position, m);
  const wallet = isolated
    ? position.isolatedMargin - pendingCharges(position, m)
    : owner.wallet - pendingCharges(position, m);
  const prices = liquidationPrice({
    side: position.size > 0 ? 'long' : 'short',
    qty: Math.abs(position.size),
    entryPrice: position.entryPrice,
    wallet,
    tiers: m.tiers,
  });
  row.size = position.size;
  row.entryPrice = position.entryPrice;
  row.liquidationPrice = prices.liquidationPrice ?? 0;
  row.bankruptcyPrice = prices.bankruptcyPrice ?? 0;
  row.marginRatio = equity > 0 ? maintenance / equity : 1;
  const method = state.rules.lossAllocation;
  if (method !== 'socialised' && run.population.count <= QUEUE_TRACE_LIMIT)
    row.adlLights = boardLights(standings.board(state, market, method), account) ?? 0;
  return row;
}

/** The first QUEUE_HEAD traders of each side's BTC ADL queue on the venue (−1: empty place). */
export function queueHead(
  run: RunState,
  standings = new FrameStandings(),
): { long: number[]; short: number[] } {
  const long = Array<number>(QUEUE_HEAD).fill(-1);
  const short = Array<number>(QUEUE_HEAD).fill(-1);
  queueHeadInto(run, standings, long, short);
  return { long, short };
}

/** queueHead written into `long` and `short` (QUEUE_HEAD places each). */
function queueHeadInto(run: RunState, standings: FrameStandings, long: number[], short: number[]): void {
  const state = run.onshore.exchange;
  const method = state.rules.lossAllocation;
  if (method === 'socialised' || run.population.count > QUEUE_TRACE_LIMIT) {
    long.fill(-1);
    short.fill(-1);
    return;
  }
  const board = standings.board(state, 'BTC', method);
  boardHeads(board, run.onshore.traderOf, long, short);
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

const headLong = Array<number>(QUEUE_HEAD).fill(-1);
const headShort = Array<number>(QUEUE_HEAD).fill(-1);

/** Appends one frame's queue head. */
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
  queueHeadInto(run, standings, headLong, headShort);
  for (let j = 0; j < QUEUE_HEAD; j++) {
    builder.long[at + j] = headLong[j]!;
    builder.short[at + j] = headShort[j]!;
  }
  builder.length++;
}
