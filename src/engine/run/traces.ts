/**
 * Traces of followed traders (the personas, and any trader the user picks): one row per frame with their
 * position, equity, liquidation line, margin ratio, ADL lights and loan-to-value, so the interface can tell
 * each one's story under each rule set. Plus, per frame, the head of each side's ADL queue on BTC.
 */
import { assessClient } from '../broker/index.ts';
import { boardHead, boardLights, createAdlBoard, scoreBoard, type AdlBoard } from '../perp/adl.ts';
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
  const row: TraceRow = {
    equity: traderEquity(run, i),
    size: 0,
    entryPrice: 0,
    liquidationPrice: 0,
    bankruptcyPrice: 0,
    marginRatio: 0,
    adlLights: 0,
    ltv: 0,
  };
  const code = run.venueOf[i];
  const account = run.accountOf[i]!;
  if (code === VENUE.broker) {
    const client = run.broker.clients[account]!;
    const asset = run.population.asset[i] ? 'ETH' : 'BTC';
    row.size = client.holdings[asset];
    row.ltv = assessClient(run.broker, client).ltv ?? 0;
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

/** The first QUEUE_HEAD traders of each side's BTC ADL queue on the venue (−1: empty place), and their scores. */
export function queueHead(
  run: RunState,
  standings = new FrameStandings(),
): { long: number[]; short: number[] } {
  const state = run.onshore.exchange;
  const method = state.rules.lossAllocation;
  const long = Array<number>(QUEUE_HEAD).fill(-1);
  const short = Array<number>(QUEUE_HEAD).fill(-1);
  if (method === 'socialised' || run.population.count > QUEUE_TRACE_LIMIT) return { long, short };
  const board = standings.board(state, 'BTC', method);
  boardHead(board, 1, run.onshore.traderOf, long);
  boardHead(board, -1, run.onshore.traderOf, short);
  return { long, short };
}
