/**
 * A frame's ADL standings on one venue's market, kept from frame to frame: each position's score inputs (size,
 * entry, snapshots, the margin behind it) copied into one Float64Array and re-read from the account only when
 * the venue reported it touched since (ClassEquity's stamps), and each side's positions kept in queue order
 * (higher score first, ties: lower account id; adl.ts adlQueue), scored again each frame in that order and put
 * back in order by insertion as they are scored. The order a frame ago is almost always the order now (the
 * offshore classroom's BTC longs: the same positions at 1,366 of 1,440 frames, the same order at 781; Hong
 * Kong's at 1,437), so the queue's head is its first traders, kept while the order holds, and a trader's lights
 * its place in the order: no selection over the board and no rank count. Reading each position's account and
 * record was most of a score's cost in a run (the objects are scattered in the heap).
 */
import { adlLights, adlScoreOf, type AdlMethod } from '../perp/adl-ranking.ts';
import type { ExchangeState } from '../perp/exchange.ts';
import type { MarketId } from '../perp/market.ts';

/**
 * The accounts touched since a drain (ClassEquity's stamps, by venue): `at[id]` is the drain at which account
 * `id` was last found touched, `drains` the drains so far.
 */
export interface TouchStamps {
  drains: number;
  at: Int32Array;
}

/** One side's positions in queue order (slots on the board), with the first traders of its queue. */
interface QueueSide {
  length: number;
  order: Int32Array;
  /**
   * Its first `headLength` traders (trader ids, −1 for an empty place), valid while `headValid`: the order
   * did not change since they were taken, for the same venue's traders.
   */
  head: Int32Array;
  headLength: number;
  headValid: boolean;
}

export interface QueueBoard {
  /** The venue's state the board was kept for (null: none yet). */
  state: ExchangeState | null;
  /** The drain (TouchStamps) as of which every slot's inputs are the account's (−1: re-read all). */
  checkedAt: number;
  /** Positions on the board: a slot each, given at the board's last building. */
  slots: number;
  accountOf: Int32Array;
  /** Per slot, INPUTS numbers: size, entry price, funding snapshot, loss snapshot, margin, isolated (1 or 0). */
  inputs: Float64Array;
  scores: Float64Array;
  long: QueueSide;
  short: QueueSide;
  /**
   * Each account's place by account id: its index in its side's order × 2, + 1 on the short side. A place left
   * from before is told by the side not holding that account there.
   */
  placeOf: Int32Array;
}

const INPUTS = 6;

export function createQueueBoard(): QueueBoard {
  return {
    state: null,
    checkedAt: -1,
    slots: 0,
    ...slotArrays(64),
    long: createSide(64),
    short: createSide(64),
    placeOf: new Int32Array(256),
  };
}

function slotArrays(capacity: number) {
  return {
    accountOf: new Int32Array(capacity),
    inputs: new Float64Array(capacity * INPUTS),
    scores: new Float64Array(capacity),
  };
}

function createSide(capacity: number): QueueSide {
  return { length: 0, order: new Int32Array(capacity), head: new Int32Array(8), headLength: 0, headValid: false };
}

/** `a` comes before `b` in the queue: higher score first, then lower account id (adlQueue's order). */
const ahead = (scoreA: number, accountA: number, scoreB: number, accountB: number) =>
  scoreA > scoreB || (scoreA === scoreB && accountA < accountB);

/** Whose inputs a pass re-reads from the account: nobody's (just copied), the touched ones, everyone's. */
const NONE = 0;
const TOUCHED = 1;
const ALL = 2;

/** rescoreSide's answers: a position gone or on the other side; the order mended; the order held. */
const GONE = 0;
const MOVED = 1;
const HELD = 2;

/**
 * Scores `state`'s positions in `marketId` into `board` and keeps each side in queue order. `stamps` (null:
 * none kept: everyone re-read) say which accounts were touched since the board was last scored; the liquidity
 * provider is re-read every time (its wallet moves untouched when it bears a loss), and everyone when the
 * venue's touched list has not been drained (its accounts have no stamp yet; they get one above the board's
 * `checkedAt` at the next drain). When a position on the board is gone or changed side, or
 * one joined (the board's count and the holders' differ), the board is built afresh.
 */
export function scoreQueueBoard(
  board: QueueBoard,
  state: ExchangeState,
  marketId: MarketId,
  method: AdlMethod,
  stamps: TouchStamps | null,
): void {
  const undrained = state.touched !== null && state.touched.ids.length !== 0;
  const reread = stamps === null || undrained || board.checkedAt < 0 ? ALL : TOUCHED;
  const drains = stamps === null ? -1 : stamps.drains;
  if (
    board.state === state &&
    board.long.length + board.short.length === state.holders[marketId].ids.length
  ) {
    const long = rescoreSide(board, board.long, true, state, marketId, method, reread, stamps);
    const short = long === GONE ? GONE : rescoreSide(board, board.short, false, state, marketId, method, reread, stamps);
    if (short !== GONE) {
      if (long === MOVED) placeSide(board, board.long, 0);
      if (short === MOVED) placeSide(board, board.short, 1);
      board.checkedAt = drains;
      return;
    }
  }
  board.state = state;
  copyHolders(board, state, marketId);
  rescoreSide(board, board.long, true, state, marketId, method, NONE, stamps);
  rescoreSide(board, board.short, false, state, marketId, method, NONE, stamps);
  placeSide(board, board.long, 0);
  placeSide(board, board.short, 1);
  board.checkedAt = drains;
}

/**
 * One side's positions scored in the kept order, each put back in order among those scored before it
 * (insertion: the order is nearly always the last frame's). The inputs of the slots `reread` names are read
 * from their accounts first. Each score is adl.ts positionScore's arithmetic written out (the same operations
 * in the same order, so the same bits; the same as scoreBoard's): called, it was not inlined into this loop, and
 * each score came back a boxed number.
 */
function rescoreSide(
  board: QueueBoard,
  side: QueueSide,
  long: boolean,
  state: ExchangeState,
  marketId: MarketId,
  method: AdlMethod,
  reread: number,
  stamps: TouchStamps | null,
): number {
  const market = state.markets[marketId];
  const mark = market.markPrice;
  const fundingIndex = market.fundingIndex;
  const lossIndex = market.lossIndex;
  const tiers = market.tiers;
  const binance = method === 'binance';
  const provider = state.liquidityProvider;
  const touchedAt = stamps === null ? null : stamps.at;
  const checkedAt = board.checkedAt;
  const order = side.order;
  const accountOf = board.accountOf;
  const inputs = board.inputs;
  const scores = board.scores;
  const s = long ? 1 : -1;
  let moved = false;
  for (let j = 0; j < side.length; j++) {
    const slot = order[j]!;
    const id = accountOf[slot]!;
    const at = slot * INPUTS;
    if (
      reread === ALL ||
      (reread === TOUCHED && (id === provider || (touchedAt !== null && (touchedAt[id] ?? 0) > checkedAt)))
    ) {
      if (!copyInputs(board, state, marketId, id, slot)) return GONE;
      if (long ? !(inputs[at]! > 0) : !(inputs[at]! < 0)) return GONE;
    }
    const size = inputs[at]!;
    const entry = inputs[at + 1]!;
    const qty = Math.abs(size);
    let score = 0;
    // adlScoreOf's Binance PnL, the same operations: not above 0, the score is 0 whatever the margin.
    if (!binance || s * qty * (mark - entry) > 0 || !(qty > 0 && entry > 0 && mark > 0)) {
      // pendingCharges(position, market)
      const pending = size * (fundingIndex - inputs[at + 2]!) + Math.abs(size) * (lossIndex - inputs[at + 3]!);
      let margin: number;
      if (inputs[at + 5] === 1) {
        // isolatedEquity(position, market) − unrealisedPnl(position, mark)
        const pnl = size * (mark - entry);
        margin = inputs[at + 4]! + pnl - pending - pnl;
      } else margin = inputs[at + 4]! - pending;
      score = adlScoreOf(id, s, qty, entry, mark, margin, method, tiers);
    }
    scores[slot] = score;
    // Back in order among the slots before it, whose scores this pass has set.
    let to = j;
    while (to > 0) {
      const before = order[to - 1]!;
      if (!ahead(score, id, scores[before]!, accountOf[before]!)) break;
      order[to] = before;
      to--;
    }
    if (to !== j) {
      order[to] = slot;
      moved = true;
    }
  }
  if (!moved) return HELD;
  side.headValid = false;
  return MOVED;
}

/**
 * Account `id`'s position in `marketId` copied into `slot`'s inputs (its margin: the isolated margin, or the
 * cross wallet); false when it has none.
 */
function copyInputs(board: QueueBoard, state: ExchangeState, marketId: MarketId, id: number, slot: number): boolean {
  const account = state.accounts[id];
  if (account === undefined) return false;
  const positions = account.positions;
  // The market's position read by name (a key from a parameter was a keyed load gone generic).
  const position = marketId === 'BTC' ? positions.BTC : marketId === 'ETH' ? positions.ETH : positions.ALT;
  if (!position) return false;
  const inputs = board.inputs;
  const at = slot * INPUTS;
  const isolated = position.mode === 'isolated';
  inputs[at] = position.size;
  inputs[at + 1] = position.entryPrice;
  inputs[at + 2] = position.fundingSnapshot;
  inputs[at + 3] = position.lossSnapshot;
  inputs[at + 4] = isolated ? position.isolatedMargin : account.wallet;
  inputs[at + 5] = isolated ? 1 : 0;
  return true;
}

/** Every holder's position copied into a slot and onto its side, in the holders' order (scored and sorted after). */
function copyHolders(board: QueueBoard, state: ExchangeState, marketId: MarketId): void {
  const holders = state.holders[marketId].ids;
  if (board.accountOf.length < holders.length) Object.assign(board, slotArrays(holders.length * 2));
  if (board.long.order.length < holders.length) board.long = createSide(holders.length * 2);
  if (board.short.order.length < holders.length) board.short = createSide(holders.length * 2);
  const long = board.long;
  const short = board.short;
  long.headValid = false;
  short.headValid = false;
  let slots = 0;
  let longs = 0;
  let shorts = 0;
  for (const id of holders) {
    if (!copyInputs(board, state, marketId, id, slots)) continue;
    const size = board.inputs[slots * INPUTS]!;
    if (size === 0) continue;
    board.accountOf[slots] = id;
    if (size > 0) long.order[longs++] = slots;
    else short.order[shorts++] = slots;
    slots++;
  }
  board.slots = slots;
  long.length = longs;
  short.length = shorts;
}

function placeSide(board: QueueBoard, side: QueueSide, short: 0 | 1): void {
  const order = side.order;
  const accountOf = board.accountOf;
  let placeOf = board.placeOf;
  for (let j = 0; j < side.length; j++) {
    const id = accountOf[order[j]!]!;
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
  headInto(board, board.long, traderOf, long, at, k);
  headInto(board, board.short, traderOf, short, at, k);
}

function headInto(
  board: QueueBoard,
  side: QueueSide,
  traderOf: readonly number[],
  out: Int32Array,
  at: number,
  k: number,
): void {
  if (!side.headValid || side.headLength !== k) takeHead(board, side, traderOf, k);
  const head = side.head;
  for (let j = 0; j < k; j++) out[at + j] = head[j]!;
}

function takeHead(board: QueueBoard, side: QueueSide, traderOf: readonly number[], k: number): void {
  if (side.head.length < k) side.head = new Int32Array(k);
  const head = side.head;
  const order = side.order;
  const accountOf = board.accountOf;
  let filled = 0;
  for (let j = 0; j < side.length && filled < k; j++) {
    const trader = traderOf[accountOf[order[j]!]!] ?? -1;
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
  if (!(at < side.length && board.accountOf[side.order[at]!] === accountId)) return null;
  return adlLights(at + 1, side.length);
}
