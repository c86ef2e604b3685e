/**
 * A frame's ADL standings on one venue's market, kept in queue order from frame to frame: each side's positions
 * as the queue ranks them (higher score first, ties: lower account id; adl.ts adlQueue), scored again each frame
 * in that order. The order a frame ago is almost always the order now (the offshore classroom's BTC longs: the
 * same set of positions at 1,366 of 1,440 frames, the same order at 781; Hong Kong's at 1,437), so a frame
 * checks it with one comparison a position, a branch that goes one way, and mends it by insertion when a
 * neighbour overtook another. The queue's head is then its first traders (kept while the order holds) and a
 * trader's lights its place in the order: no selection over the board, no rank count (a third of the board's
 * cost in an offshore classroom frame).
 */
import { heldScore } from '../perp/adl.ts';
import { adlLights, adlScoreOf, type AdlMethod } from '../perp/adl-ranking.ts';
import type { ExchangeState } from '../perp/exchange.ts';
import type { MarketId } from '../perp/market.ts';

/** One side's positions in queue order, with this frame's scores. */
interface QueueSide {
  length: number;
  accounts: Int32Array;
  scores: Float64Array;
  /**
   * Its first `headLength` traders (trader ids, −1 for an empty place), valid while `headValid`: the order
   * did not change since they were taken, for the same venue's traders.
   */
  head: Int32Array;
  headLength: number;
  headValid: boolean;
  /** The order kept from the last frame still holds at this frame's scores. */
  ordered: boolean;
}

export interface QueueBoard {
  /** The venue's state the order was kept for (null: none yet). */
  state: ExchangeState | null;
  long: QueueSide;
  short: QueueSide;
  /**
   * Each account's place by account id: its index in its side's order × 2, + 1 on the short side. A place left
   * from before is told by the side not holding that account there.
   */
  placeOf: Int32Array;
}

export function createQueueBoard(): QueueBoard {
  return { state: null, long: createSide(64), short: createSide(64), placeOf: new Int32Array(256) };
}

function createSide(capacity: number): QueueSide {
  return {
    length: 0,
    accounts: new Int32Array(capacity),
    scores: new Float64Array(capacity),
    head: new Int32Array(8),
    headLength: 0,
    headValid: false,
    ordered: true,
  };
}

/** `a` comes before `b` in the queue: higher score first, then lower account id (adlQueue's order). */
const ahead = (scoreA: number, accountA: number, scoreB: number, accountB: number) =>
  scoreA > scoreB || (scoreA === scoreB && accountA < accountB);

/**
 * Scores `state`'s positions in `marketId` into `board`, in the order kept from the last call, and puts them
 * back in queue order where they moved. When a position on the board is gone or changed side, or a position
 * joined (the board's count and the holders' differ), every holder is scored afresh and each side sorted.
 * Scores are heldScore's (adl.ts), the bits the queue ranks by.
 */
export function scoreQueueBoard(
  board: QueueBoard,
  state: ExchangeState,
  marketId: MarketId,
  method: AdlMethod,
): void {
  if (board.state === state && rescoreInOrder(board, state, marketId, method)) {
    mendOrder(board, board.long, 0);
    mendOrder(board, board.short, 1);
    return;
  }
  board.state = state;
  scoreAfresh(board, state, marketId, method);
  sortSide(board.long);
  sortSide(board.short);
  placeSide(board, board.long, 0);
  placeSide(board, board.short, 1);
}

/**
 * Each side's kept positions scored again, in their order; false (the board to be built afresh) when one has
 * gone or changed side, or the holders are not the board's positions. Each side's `ordered` says whether its
 * order still holds.
 */
function rescoreInOrder(board: QueueBoard, state: ExchangeState, marketId: MarketId, method: AdlMethod): boolean {
  if (board.long.length + board.short.length !== state.holders[marketId].ids.length) return false;
  const long = rescoreSide(board.long, true, state, marketId, method);
  if (long === GONE) return false;
  const short = rescoreSide(board.short, false, state, marketId, method);
  if (short === GONE) return false;
  board.long.ordered = long === ORDERED;
  board.short.ordered = short === ORDERED;
  return true;
}

/** rescoreSide's answers: a position gone or on the other side; the order broken; the order held. */
const GONE = 0;
const BROKEN = 1;
const ORDERED = 2;

/**
 * One side's positions scored in the kept order. Each score is adl.ts heldScore's arithmetic written out here
 * (the same operations in the same order, so the same bits): called, it was not inlined into this loop, and each
 * score came back a boxed number.
 */
function rescoreSide(
  side: QueueSide,
  long: boolean,
  state: ExchangeState,
  marketId: MarketId,
  method: AdlMethod,
): number {
  const market = state.markets[marketId];
  const mark = market.markPrice;
  const fundingIndex = market.fundingIndex;
  const lossIndex = market.lossIndex;
  const tiers = market.tiers;
  const accounts = state.accounts;
  const binance = method === 'binance';
  // The market's position read by name (a key from a parameter was a keyed load gone generic).
  const mk = marketId === 'BTC' ? 0 : marketId === 'ETH' ? 1 : 2;
  const ids = side.accounts;
  const scores = side.scores;
  let ordered = true;
  let lastScore = 0;
  let lastAccount = -1;
  for (let j = 0; j < side.length; j++) {
    const id = ids[j]!;
    const account = accounts[id];
    if (account === undefined) return GONE;
    const positions = account.positions;
    const position = mk === 0 ? positions.BTC : mk === 1 ? positions.ETH : positions.ALT;
    if (!position) return GONE;
    const size = position.size;
    if (long ? !(size > 0) : !(size < 0)) return GONE;
    const entry = position.entryPrice;
    const s = long ? 1 : -1;
    const qty = Math.abs(size);
    let score = 0;
    // adlScoreOf's Binance PnL, the same operations: not above 0, the score is 0 whatever the margin.
    if (!binance || s * qty * (mark - entry) > 0 || !(qty > 0 && entry > 0 && mark > 0)) {
      // pendingCharges(position, market)
      const pending =
        size * (fundingIndex - position.fundingSnapshot) + Math.abs(size) * (lossIndex - position.lossSnapshot);
      let margin: number;
      if (position.mode === 'isolated') {
        // isolatedEquity(position, market) − unrealisedPnl(position, mark)
        const pnl = size * (mark - entry);
        margin = position.isolatedMargin + pnl - pending - pnl;
      } else margin = account.wallet - pending;
      score = adlScoreOf(id, s, qty, entry, mark, margin, method, tiers);
    }
    scores[j] = score;
    if (j > 0 && !ahead(lastScore, lastAccount, score, id)) ordered = false;
    lastScore = score;
    lastAccount = id;
  }
  return ordered ? ORDERED : BROKEN;
}

/** Every holder's position scored into its side, in the holders' order (sorted after). */
function scoreAfresh(board: QueueBoard, state: ExchangeState, marketId: MarketId, method: AdlMethod): void {
  const market = state.markets[marketId];
  const mark = market.markPrice;
  const fundingIndex = market.fundingIndex;
  const lossIndex = market.lossIndex;
  const tiers = market.tiers;
  const holders = state.holders[marketId].ids;
  const accounts = state.accounts;
  const binance = method === 'binance';
  if (board.long.accounts.length < holders.length) board.long = createSide(holders.length * 2);
  if (board.short.accounts.length < holders.length) board.short = createSide(holders.length * 2);
  const long = board.long;
  const short = board.short;
  long.headValid = false;
  short.headValid = false;
  let longs = 0;
  let shorts = 0;
  const mk = marketId === 'BTC' ? 0 : marketId === 'ETH' ? 1 : 2;
  for (const id of holders) {
    const account = accounts[id]!;
    const positions = account.positions;
    const position = mk === 0 ? positions.BTC : mk === 1 ? positions.ETH : positions.ALT;
    if (!position) continue;
    const size = position.size;
    if (size === 0) continue;
    const score = heldScore(account, position, size, mark, fundingIndex, lossIndex, tiers, method, binance);
    if (size > 0) {
      long.accounts[longs] = id;
      long.scores[longs++] = score;
    } else {
      short.accounts[shorts] = id;
      short.scores[shorts++] = score;
    }
  }
  long.length = longs;
  short.length = shorts;
}

/** A side whose order broke put back in queue order, its places rewritten (and its head taken again). */
function mendOrder(board: QueueBoard, side: QueueSide, short: 0 | 1): void {
  if (side.ordered) return;
  side.headValid = false;
  sortSide(side);
  placeSide(board, side, short);
}

/** Insertion sort into queue order: the order kept from the last frame is nearly sorted. */
function sortSide(side: QueueSide): void {
  const accounts = side.accounts;
  const scores = side.scores;
  for (let j = 1; j < side.length; j++) {
    const score = scores[j]!;
    const account = accounts[j]!;
    let at = j;
    while (at > 0 && ahead(score, account, scores[at - 1]!, accounts[at - 1]!)) {
      scores[at] = scores[at - 1]!;
      accounts[at] = accounts[at - 1]!;
      at--;
    }
    scores[at] = score;
    accounts[at] = account;
  }
}

function placeSide(board: QueueBoard, side: QueueSide, short: 0 | 1): void {
  const accounts = side.accounts;
  let placeOf = board.placeOf;
  for (let j = 0; j < side.length; j++) {
    const id = accounts[j]!;
    if (id >= placeOf.length) {
      const grown = new Int32Array(Math.max(id + 1, placeOf.length * 2));
      grown.set(placeOf);
      placeOf = board.placeOf = grown;
    }
    placeOf[id] = j * 2 + short;
  }
}

/**
 * The first `k` traders of the long and the short queue (accounts with `traderOf` ≥ 0, as trader ids; −1 for
 * an empty place), written at `long[at…at+k)` and `short[at…at+k)`: the sorted queue filtered to traders.
 * `traderOf` must be the board's venue's own (an account's trader never changes).
 */
export function queueHeadsInto(
  board: QueueBoard,
  traderOf: readonly number[],
  long: Int32Array,
  short: Int32Array,
  at: number,
  k: number,
): void {
  headInto(board.long, traderOf, long, at, k);
  headInto(board.short, traderOf, short, at, k);
}

function headInto(side: QueueSide, traderOf: readonly number[], out: Int32Array, at: number, k: number): void {
  if (!side.headValid || side.headLength !== k) takeHead(side, traderOf, k);
  const head = side.head;
  for (let j = 0; j < k; j++) out[at + j] = head[j]!;
}

function takeHead(side: QueueSide, traderOf: readonly number[], k: number): void {
  if (side.head.length < k) side.head = new Int32Array(k);
  const head = side.head;
  const accounts = side.accounts;
  let filled = 0;
  for (let j = 0; j < side.length && filled < k; j++) {
    const trader = traderOf[accounts[j]!] ?? -1;
    if (trader >= 0) head[filled++] = trader;
  }
  for (let j = filled; j < k; j++) head[j] = -1;
  side.headLength = k;
  side.headValid = true;
}

/** The five-light indicator of `accountId` in its side's queue (null: no position on the board). */
export function queueLights(board: QueueBoard, accountId: number): number | null {
  const placeOf = board.placeOf;
  if (!(accountId >= 0 && accountId < placeOf.length)) return null;
  const code = placeOf[accountId]!;
  const side = (code & 1) === 0 ? board.long : board.short;
  const at = code >> 1;
  if (!(at < side.length && side.accounts[at] === accountId)) return null;
  return adlLights(at + 1, side.length);
}
