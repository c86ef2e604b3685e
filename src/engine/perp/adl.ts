/**
 * Auto-deleveraging (mechanics §1.14, §4 item 6): when the insurance fund cannot absorb a bankrupt position,
 * opposite positions are closed against it at its bankruptcy price, in the regime's ranking order, until its
 * size is covered. No trading fee (B-ADL). The bankrupt account ends at zero; OI falls equally on both sides.
 */
import { adlLights, adlScoreOf, type AdlMethod } from './adl-ranking.ts';
import type { PerpEvent } from './events.ts';
import type { Account, ExchangeState } from './exchange.ts';
import { crossFigures, isolatedEquity, pendingCharges } from './margin.ts';
import type { MarketId, MarketState } from './market.ts';
import type { Position } from './position.ts';
import { unrealisedPnl } from './position.ts';
import { applyLeg } from './trade.ts';

export interface QueueEntry {
  account: number;
  score: number;
}

/**
 * The queue of positions on `side` in a market, first to be deleveraged first (ties: lower account id first).
 * `wallet` fed to the score is the margin behind the position: its isolated margin, or the cross wallet.
 */
export function adlQueue(
  state: ExchangeState,
  marketId: MarketId,
  side: 1 | -1,
  method: AdlMethod,
  exclude = -1,
): QueueEntry[] {
  const market = state.markets[marketId];
  const queue: QueueEntry[] = [];
  for (const id of state.holders[marketId].ids) {
    const account = state.accounts[id]!;
    const position = account.positions[marketId];
    if (!position || account.id === exclude || Math.sign(position.size) !== side) continue;
    queue.push({ account: account.id, score: positionScore(account, position, market, method) });
  }
  queue.sort((a, b) => b.score - a.score || a.account - b.account);
  return queue;
}

/** A position's ADL score: `wallet` is the margin behind it (its isolated margin, or the cross wallet). */
function positionScore(account: Account, position: Position, market: MarketState, method: AdlMethod): number {
  const mark = market.markPrice;
  const margin =
    position.mode === 'isolated'
      ? isolatedEquity(position, market) - unrealisedPnl(position, mark)
      : account.wallet - pendingCharges(position, market);
  const side = Math.sign(position.size) as 1 | -1;
  const qty = Math.abs(position.size);
  return adlScoreOf(account.id, side, qty, position.entryPrice, mark, margin, method, market.tiers);
}

/** `a` comes before `b` in the queue: higher score first, then lower account id (adlQueue's order). */
const ahead = (scoreA: number, accountA: number, scoreB: number, accountB: number) =>
  scoreA > scoreB || (scoreA === scoreB && accountA < accountB);

/**
 * Every position of one market scored once, into buffers reused frame after frame: the queue's head and each
 * trader's lights are then linear passes over it, with no sort (issue 16: sorting the whole queue for each
 * frame's head and each followed trader's lights was a third of a classroom run). Each side apart, so a pass
 * walks one side's positions without asking each one's side (a branch the processor could not predict).
 * Within a side, the positions scoring 0 are kept apart from the rest: the queue puts them after every
 * positive score and before every negative one, in account order, so the head needs them only when too few
 * traders score above 0, and a trader's lights count them in bulk. Under Binance every position not in profit
 * scores 0 (PnL% = 0): about half of a classroom run's, passed over without the score's arithmetic.
 */
export interface AdlBoard {
  long: AdlBoardSide;
  short: AdlBoardSide;
  /**
   * Each account's place on the board, by account id (placeCode); a code left from another frame is told by
   * its place not holding that account.
   */
  placeOf: Int32Array;
  /** The venue's state whose accounts `inputs` copies (null: none copied). */
  copied: ExchangeState | null;
  /**
   * Per account id, INPUTS numbers: its position's size in the market (0: none), entry price, funding and loss
   * snapshots, the margin behind it before pending charges (its isolated margin, or the cross wallet) and its mode
   * (1 isolated, 0 cross), as copied at the drain `copiedAt[id]` of the venue's TouchStamps (−1: never).
   */
  inputs: Float64Array;
  copiedAt: Int32Array;
}

/** Boards of fewer positions than this keep no copies. */
const COPY_FROM = 8;

/**
 * The accounts touched since a drain, by account id: `at[id]` is the drain (a call that emptied the venue's
 * touched list: run/class-equity.ts) that found account `id` touched, `drains` the drains so far.
 */
export interface TouchStamps {
  drains: number;
  at: Int32Array;
}

/** Account `id` found touched by the drain under way (the stamps grown to hold it). */
export function stampTouch(stamps: TouchStamps, id: number): void {
  if (id >= stamps.at.length) stamps.at = grownToHold(stamps.at, id);
  stamps.at[id] = stamps.drains;
}

const INPUTS = 6;

/** One side's positions, in the holders' order: those scoring other than 0, then apart those scoring 0. */
export interface AdlBoardSide {
  /** Positions on this side: `scored` + `zeros`. */
  length: number;
  /** Account ids and scores of the positions whose score is not 0, the first `scored` places. */
  scored: number;
  accounts: Int32Array;
  scores: Float64Array;
  /** Account ids of the positions scoring 0 (+0 or −0, alike in the queue), the first `zeros` places. */
  zeros: number;
  zeroAccounts: Int32Array;
}

export function createAdlBoard(): AdlBoard {
  return {
    long: createBoardSide(64),
    short: createBoardSide(64),
    placeOf: new Int32Array(256),
    copied: null,
    inputs: new Float64Array(0),
    copiedAt: new Int32Array(0),
  };
}

function createBoardSide(capacity: number): AdlBoardSide {
  return {
    length: 0,
    scored: 0,
    accounts: new Int32Array(capacity),
    scores: new Float64Array(capacity),
    zeros: 0,
    zeroAccounts: new Int32Array(capacity),
  };
}

/** A place on the board: its index in its list, the side (2: short) and the list (1: the zeros). */
const placeCode = (index: number, short: boolean, zero: boolean) =>
  (index << 2) | (short ? 2 : 0) | (zero ? 1 : 0);

/**
 * Scores every position in `marketId` into `board`, in the holders' order (any: the head and the lights rank
 * by score, then account id, a total order, since no score is NaN). One tight pass: the market's figures read
 * once, positionScore's arithmetic written out (the same operations in the same order, so the same bits), each
 * score stored straight into the board (a score returned from a call was a boxed number per position). Under
 * Binance a position not in profit is given its 0 before the margin behind it is worked out (adlScoreOf's own
 * early return, its checks of size, entry and mark kept; the margin, not worked out, is not checked to be
 * finite there: adlQueue, which orders an actual deleveraging, still scores every position in full).
 * With `stamps` (the venue's touches, run/class-equity.ts), a board of COPY_FROM positions or more keeps each
 * position's inputs (`inputs`) and reads an account again only when it was touched since, or is the liquidity
 * provider: a position's account, its positions and its record, scattered in the heap, were most of a score's
 * cost in a run (the offshore classroom's BTC board, about 25 positions a frame).
 */
export function scoreBoard(
  board: AdlBoard,
  state: ExchangeState,
  marketId: MarketId,
  method: AdlMethod,
  stamps: TouchStamps | null = null,
): void {
  const market = state.markets[marketId];
  const mark = market.markPrice;
  const fundingIndex = market.fundingIndex;
  const lossIndex = market.lossIndex;
  const tiers = market.tiers;
  const ids = state.holders[marketId].ids;
  const accounts = state.accounts;
  if (board.long.accounts.length < ids.length) board.long = createBoardSide(ids.length * 2);
  if (board.short.accounts.length < ids.length) board.short = createBoardSide(ids.length * 2);
  const long = board.long;
  const short = board.short;
  const binance = method === 'binance';
  let placeOf = board.placeOf;
  // A small board (Hong Kong's classroom: two or three positions) is read from its accounts: keeping copies
  // cost more there than the reads they saved. Copies are read only while every touch has its stamp (the venue
  // keeps a touched list and nothing waits in it), and the liquidity provider's never (its wallet moves
  // untouched when it bears a loss).
  const copying = stamps !== null && ids.length >= COPY_FROM;
  if (copying && board.copied !== state) startCopies(board, state);
  const reading = copying && state.touched !== null && state.touched.ids.length === 0;
  const touchedAt = copying ? stamps.at : board.copiedAt;
  const drains = copying ? stamps.drains : 0;
  const provider = state.liquidityProvider;
  let longs = 0;
  let shorts = 0;
  let longZeros = 0;
  let shortZeros = 0;
  // The market's position read by name (a key from a parameter was a keyed load gone generic, once a process
  // had scored more than one market).
  const mk = marketId === 'BTC' ? 0 : marketId === 'ETH' ? 1 : 2;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    let size: number;
    let entry: number;
    let fundingSnapshot: number;
    let lossSnapshot: number;
    let behind: number;
    let isolated: boolean;
    if (copying) {
      if (id >= board.copiedAt.length) growCopies(board, id);
      const inputs = board.inputs;
      const at = id * INPUTS;
      const copiedAt = board.copiedAt[id]!;
      if (!(reading && copiedAt >= 0 && (touchedAt[id] ?? 0) <= copiedAt && id !== provider)) {
        copyInputs(inputs, accounts[id]!, mk, at);
        board.copiedAt[id] = drains;
      }
      size = inputs[at]!;
      entry = inputs[at + 1]!;
      fundingSnapshot = inputs[at + 2]!;
      lossSnapshot = inputs[at + 3]!;
      behind = inputs[at + 4]!;
      isolated = inputs[at + 5] === 1;
    } else {
      const account = accounts[id]!;
      const positions = account.positions;
      const position = mk === 0 ? positions.BTC : mk === 1 ? positions.ETH : positions.ALT;
      if (!position) continue;
      size = position.size;
      entry = position.entryPrice;
      fundingSnapshot = position.fundingSnapshot;
      lossSnapshot = position.lossSnapshot;
      isolated = position.mode === 'isolated';
      behind = isolated ? position.isolatedMargin : account.wallet;
    }
    if (size === 0) continue;
    const side = Math.sign(size) as 1 | -1;
    const qty = Math.abs(size);
    let score = 0;
    // adlScoreOf's Binance PnL, the same operations: not above 0, the score is 0 whatever the margin.
    if (!binance || side * qty * (mark - entry) > 0 || !(qty > 0 && entry > 0 && mark > 0)) {
      // pendingCharges(position, market)
      const pending = size * (fundingIndex - fundingSnapshot) + Math.abs(size) * (lossIndex - lossSnapshot);
      let margin: number;
      if (isolated) {
        // isolatedEquity(position, market) − unrealisedPnl(position, mark)
        const pnl = size * (mark - entry);
        margin = behind + pnl - pending - pnl;
      } else margin = behind - pending;
      score = adlScoreOf(id, side, qty, entry, mark, margin, method, tiers);
    }
    let code: number;
    if (score === 0) {
      if (side === 1) {
        long.zeroAccounts[longZeros] = id;
        code = placeCode(longZeros++, false, true);
      } else {
        short.zeroAccounts[shortZeros] = id;
        code = placeCode(shortZeros++, true, true);
      }
    } else if (side === 1) {
      long.accounts[longs] = id;
      long.scores[longs] = score;
      code = placeCode(longs++, false, false);
    } else {
      short.accounts[shorts] = id;
      short.scores[shorts] = score;
      code = placeCode(shorts++, true, false);
    }
    if (id >= placeOf.length) placeOf = board.placeOf = grownToHold(placeOf, id);
    placeOf[id] = code;
  }
  long.scored = longs;
  long.zeros = longZeros;
  long.length = longs + longZeros;
  short.scored = shorts;
  short.zeros = shortZeros;
  short.length = shorts + shortZeros;
}

/** A new venue's state: nothing copied yet. */
function startCopies(board: AdlBoard, state: ExchangeState): void {
  board.copied = state;
  board.copiedAt.fill(-1);
}

function growCopies(board: AdlBoard, id: number): void {
  const capacity = Math.max(id + 1, board.copiedAt.length * 2, 64);
  const inputs = new Float64Array(capacity * INPUTS);
  inputs.set(board.inputs);
  const copiedAt = new Int32Array(capacity).fill(-1);
  copiedAt.set(board.copiedAt);
  board.inputs = inputs;
  board.copiedAt = copiedAt;
}

/** The account's position in market `mk` (0 BTC, 1 ETH, 2 ALT) copied into INPUTS numbers at inputs[at…]. */
function copyInputs(inputs: Float64Array, account: Account, mk: number, at: number): void {
  const positions = account.positions;
  // The market's position read by name (a key from a parameter was a keyed load gone generic).
  const position = mk === 0 ? positions.BTC : mk === 1 ? positions.ETH : positions.ALT;
  if (!position) {
    inputs[at] = 0;
    return;
  }
  const isolated = position.mode === 'isolated';
  inputs[at] = position.size;
  inputs[at + 1] = position.entryPrice;
  inputs[at + 2] = position.fundingSnapshot;
  inputs[at + 3] = position.lossSnapshot;
  inputs[at + 4] = isolated ? position.isolatedMargin : account.wallet;
  inputs[at + 5] = isolated ? 1 : 0;
}

/** `byId` copied into an array long enough to hold index `id` (at least twice as long). */
function grownToHold(byId: Int32Array, id: number): Int32Array {
  const grown = new Int32Array(Math.max(id + 1, byId.length * 2));
  grown.set(byId);
  return grown;
}

/**
 * The first `long.length` places of the long queue and the first `short.length` of the short queue on the
 * board, among accounts that are traders (`traderOf` ≥ 0), written as trader ids (−1 for an empty place): a
 * selection of the top k on each side, the same traders in the same order as each sorted queue filtered to
 * traders.
 */
export function boardHeads(
  board: AdlBoard,
  traderOf: readonly number[],
  long: number[],
  short: number[],
): void {
  const heads = new Int32Array(long.length + short.length);
  selectHead(board.long, traderOf, heads, 0, long.length);
  selectHead(board.short, traderOf, heads, long.length, short.length);
  for (let j = 0; j < long.length; j++) long[j] = heads[j]!;
  for (let j = 0; j < short.length; j++) short[j] = heads[long.length + j]!;
}

/**
 * boardHeads written straight into columns of trader ids, `k` places each from `at` (a frame's queue head):
 * copied through arrays of numbers, the head was a tenth of a frame's standings.
 */
export function boardHeadsInto(
  board: AdlBoard,
  traderOf: readonly number[],
  long: Int32Array,
  short: Int32Array,
  at: number,
  k: number,
): void {
  selectHead(board.long, traderOf, long, at, k);
  selectHead(board.short, traderOf, short, at, k);
}

/** The head being selected, in buffers kept from call to call (k is small: QUEUE_HEAD = 5). */
let headScores = new Float64Array(8);
let headAccounts = new Int32Array(8);

/**
 * The queue's order: the positive scores, then the zeros in account order, then the negative scores; its first
 * k traders written at `out[at…at+k)`.
 */
function selectHead(
  side: AdlBoardSide,
  traderOf: readonly number[],
  out: Int32Array,
  at: number,
  k: number,
): void {
  if (headScores.length < k) {
    headScores = new Float64Array(k);
    headAccounts = new Int32Array(k);
  }
  let filled = 0;
  // An empty side (a market nobody holds, or a side nobody is on) has no head to select.
  if (side.length > 0) {
    filled = selectScored(side, traderOf, k, 0, true);
    if (filled < k) filled = selectZeros(side, traderOf, k, filled);
    if (filled < k) filled = selectScored(side, traderOf, k, filled, false);
  }
  const accounts = headAccounts;
  for (let j = 0; j < filled; j++) out[at + j] = traderOf[accounts[j]!]!;
  for (let j = filled; j < k; j++) out[at + j] = -1;
}

/**
 * The head's places from `from` to `k` filled from the side's positive (or negative) scores, in the queue's
 * order, among traders; returns the places then filled.
 */
function selectScored(
  side: AdlBoardSide,
  traderOf: readonly number[],
  k: number,
  from: number,
  positive: boolean,
): number {
  const scores = headScores;
  const accounts = headAccounts;
  const sideScores = side.scores;
  const sideAccounts = side.accounts;
  let filled = from;
  // The last place once the head is full, in locals: most positions rank behind it and are passed over on
  // one or two comparisons.
  let lastScore = 0;
  let lastAccount = 0;
  for (let j = 0; j < side.scored && from < k; j++) {
    const score = sideScores[j]!;
    if (positive ? !(score > 0) : !(score < 0)) continue;
    const account = sideAccounts[j]!;
    if (filled === k && !ahead(score, account, lastScore, lastAccount)) continue;
    if (!((traderOf[account] ?? -1) >= 0)) continue;
    // Insertion into the sorted head, the last place falling off when it is full.
    let at = filled < k ? filled++ : k - 1;
    while (at > from && ahead(score, account, scores[at - 1]!, accounts[at - 1]!)) {
      scores[at] = scores[at - 1]!;
      accounts[at] = accounts[at - 1]!;
      at--;
    }
    scores[at] = score;
    accounts[at] = account;
    if (filled === k) {
      lastScore = scores[k - 1]!;
      lastAccount = accounts[k - 1]!;
    }
  }
  return filled;
}

/** selectScored for the side's zeros: all of one score, so in account order. */
function selectZeros(side: AdlBoardSide, traderOf: readonly number[], k: number, from: number): number {
  const scores = headScores;
  const accounts = headAccounts;
  const zeroAccounts = side.zeroAccounts;
  let filled = from;
  for (let j = 0; j < side.zeros; j++) {
    const account = zeroAccounts[j]!;
    if (filled === k && !(account < accounts[k - 1]!)) continue;
    if (!((traderOf[account] ?? -1) >= 0)) continue;
    let at = filled < k ? filled++ : k - 1;
    while (at > from && account < accounts[at - 1]!) {
      accounts[at] = accounts[at - 1]!;
      at--;
    }
    scores[at] = 0;
    accounts[at] = account;
  }
  return filled;
}

/** The five-light indicator of `accountId` from the board (null: no position in the market). */
export function boardLights(board: AdlBoard, accountId: number): number | null {
  const placeOf = board.placeOf;
  if (!(accountId >= 0 && accountId < placeOf.length)) return null;
  const code = placeOf[accountId]!;
  const side = (code & 2) === 0 ? board.long : board.short;
  const at = code >> 2;
  let score = 0;
  if ((code & 1) === 0) {
    if (!(at < side.scored && side.accounts[at] === accountId)) return null;
    score = side.scores[at]!;
  } else if (!(at < side.zeros && side.zeroAccounts[at] === accountId)) return null;
  const accounts = side.accounts;
  const scores = side.scores;
  // Counted without a branch (`ahead` written as 0 or 1): whether a position is ahead goes either way at random.
  let rank = 1;
  for (let j = 0; j < side.scored; j++) {
    const other = scores[j]!;
    rank += +(other > score) + (+(other === score) & +(accounts[j]! < accountId));
  }
  // The zeros: all ahead of a negative score, none ahead of a positive one, those of lower id ahead of a 0.
  if (score < 0) rank += side.zeros;
  else if (score === 0) {
    const zeroAccounts = side.zeroAccounts;
    for (let j = 0; j < side.zeros; j++) rank += +(zeroAccounts[j]! < accountId);
  }
  return adlLights(rank, side.length);
}

/** The five-light indicator of one account's standing in its side's queue (5 = next to be deleveraged). */
export function adlIndicator(
  state: ExchangeState,
  marketId: MarketId,
  accountId: number,
  method: AdlMethod,
): number | null {
  const position = state.accounts[accountId]?.positions[marketId];
  if (!position) return null;
  const board = createAdlBoard();
  scoreBoard(board, state, marketId, method);
  return boardLights(board, accountId);
}

/**
 * Closes `qty` of the bankrupt account's position at `bankruptcyPrice` against the opposite queue.
 * The bankrupt leg is applied by the caller; this applies the counterparties' legs and reports each.
 */
export function deleverageAgainstQueue(
  state: ExchangeState,
  marketId: MarketId,
  bankrupt: Account,
  bankruptSide: 1 | -1,
  qty: number,
  bankruptcyPrice: number,
  method: AdlMethod,
  events: PerpEvent[],
): void {
  const queue = adlQueue(state, marketId, -bankruptSide as 1 | -1, method, bankrupt.id);
  let remaining = qty;
  for (let rank = 0; rank < queue.length && remaining > qty * 1e-12; rank++) {
    const entry = queue[rank] as QueueEntry;
    const account = state.accounts[entry.account] as Account;
    const position = account.positions[marketId];
    if (!position) continue;
    if (protectedFromAdl(state, account, marketId, bankruptcyPrice)) continue;
    const take = Math.min(remaining, Math.abs(position.size));
    const leg = applyLeg(state, account, marketId, bankruptSide * take, bankruptcyPrice, {
      mode: position.mode,
      leverage: position.leverage,
    });
    remaining -= take;
    events.push({
      type: 'adl',
      step: state.step,
      market: marketId,
      bankruptAccount: bankrupt.id,
      account: account.id,
      side: bankruptSide > 0 ? 'short' : 'long',
      qty: take,
      price: bankruptcyPrice,
      score: entry.score,
      rank,
      realisedPnl: leg.realisedPnl,
    });
  }
  if (remaining <= qty * 1e-12) return;
  // What no protected counterparty could take, the liquidity provider (well capitalised, never liquidated)
  // takes over at the bankruptcy price: the venue's backstop (B-LIQP: "taken over by the insurance fund").
  const provider = state.accounts[state.liquidityProvider];
  if (!provider) throw new RangeError('the venue has no liquidity provider account to take over a position');
  const leg = applyLeg(state, provider, marketId, bankruptSide * remaining, bankruptcyPrice, {
    mode: provider.positions[marketId]?.mode ?? 'cross',
    leverage: 1,
  });
  events.push({
    type: 'adl',
    step: state.step,
    market: marketId,
    bankruptAccount: bankrupt.id,
    account: provider.id,
    side: bankruptSide > 0 ? 'short' : 'long',
    qty: remaining,
    price: bankruptcyPrice,
    score: 0,
    rank: queue.length,
    realisedPnl: leg.realisedPnl,
  });
}

/**
 * Under negative-balance protection a trader is not deleveraged at a price beyond its own bankruptcy price:
 * closing it there would leave it below zero (guardrails.md: loss limited to the margin posted, W5). Such a
 * position, a losing one at the back of the queue, is passed over. Liquidity providers are never protected.
 */
function protectedFromAdl(
  state: ExchangeState,
  account: Account,
  marketId: MarketId,
  price: number,
): boolean {
  if (!state.rules.negativeBalanceProtection || account.kind !== 'trader') return false;
  const position = account.positions[marketId]!;
  const market = state.markets[marketId];
  // The margin behind the position (as the liquidation engine counts it) plus the whole position at `price`.
  const behind =
    position.mode === 'isolated'
      ? isolatedEquity(position, market) - unrealisedPnl(position, market.markPrice)
      : crossFigures(account, state.markets).equity - unrealisedPnl(position, market.markPrice);
  return behind + position.size * (price - position.entryPrice) < 0;
}
