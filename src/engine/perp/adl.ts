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
 * frame's head and each followed trader's lights was a third of a classroom run).
 */
export interface AdlBoard {
  length: number;
  accounts: Int32Array;
  scores: Float64Array;
  sides: Int8Array;
}

export function createAdlBoard(): AdlBoard {
  return { length: 0, accounts: new Int32Array(64), scores: new Float64Array(64), sides: new Int8Array(64) };
}

/**
 * Scores every position in `marketId` into `board`, in the holders' order (any: the head and the lights rank
 * by score, then account id, a total order, since no score is NaN). One tight pass: the market's figures read
 * once, positionScore's arithmetic written out (the same operations in the same order, so the same bits), each
 * score stored straight into the board (a score returned from a call was a boxed number per position).
 */
export function scoreBoard(
  board: AdlBoard,
  state: ExchangeState,
  marketId: MarketId,
  method: AdlMethod,
): void {
  const market = state.markets[marketId];
  const mark = market.markPrice;
  const fundingIndex = market.fundingIndex;
  const lossIndex = market.lossIndex;
  const tiers = market.tiers;
  const ids = state.holders[marketId].ids;
  const accounts = state.accounts;
  if (board.accounts.length < ids.length) growBoard(board, ids.length);
  const boardAccounts = board.accounts;
  const scores = board.scores;
  const sides = board.sides;
  let n = 0;
  for (let j = 0; j < ids.length; j++) {
    const account = accounts[ids[j]!]!;
    const position = account.positions[marketId];
    if (!position) continue;
    const size = position.size;
    if (size === 0) continue;
    // pendingCharges(position, market)
    const pending =
      size * (fundingIndex - position.fundingSnapshot) + Math.abs(size) * (lossIndex - position.lossSnapshot);
    let margin: number;
    if (position.mode === 'isolated') {
      // isolatedEquity(position, market) − unrealisedPnl(position, mark)
      const pnl = size * (mark - position.entryPrice);
      margin = position.isolatedMargin + pnl - pending - pnl;
    } else margin = account.wallet - pending;
    const side = Math.sign(size) as 1 | -1;
    boardAccounts[n] = account.id;
    scores[n] = adlScoreOf(
      account.id,
      side,
      Math.abs(size),
      position.entryPrice,
      mark,
      margin,
      method,
      tiers,
    );
    sides[n] = side;
    n++;
  }
  board.length = n;
}

function growBoard(board: AdlBoard, at: number): void {
  const size = Math.max(at, board.accounts.length * 2);
  const accounts = new Int32Array(size);
  const scores = new Float64Array(size);
  const sides = new Int8Array(size);
  accounts.set(board.accounts);
  scores.set(board.scores);
  sides.set(board.sides);
  board.accounts = accounts;
  board.scores = scores;
  board.sides = sides;
}

/**
 * The first `long.length` places of the long queue and the first `short.length` of the short queue on the
 * board, among accounts that are traders (`traderOf` ≥ 0), written as trader ids (−1 for an empty place): a
 * selection of the top k on each side, the same traders in the same order as each sorted queue filtered to
 * traders. Both sides in one pass over the board (a pass per side walked it twice a frame).
 */
export function boardHeads(
  board: AdlBoard,
  traderOf: readonly number[],
  long: number[],
  short: number[],
): void {
  const longs = headOf(0, long.length);
  const shorts = headOf(1, short.length);
  const boardSides = board.sides;
  const boardScores = board.scores;
  const boardAccounts = board.accounts;
  // Each side's last place once its head is full, in locals: most positions rank behind it and are passed
  // over on two comparisons (an empty head, k = 0, is full from the start and takes no one).
  let longFull = longs.k === 0;
  let longScore = -Infinity;
  let longAccount = 0;
  let shortFull = shorts.k === 0;
  let shortScore = -Infinity;
  let shortAccount = 0;
  for (let j = 0; j < board.length; j++) {
    const side = boardSides[j];
    const score = boardScores[j]!;
    const account = boardAccounts[j]!;
    if (side === 1) {
      if (longFull && (longs.k === 0 || !ahead(score, account, longScore, longAccount))) continue;
      if (!((traderOf[account] ?? -1) >= 0)) continue;
      insert(longs, score, account);
      if (longs.filled === longs.k) {
        longFull = true;
        longScore = longs.scores[longs.k - 1]!;
        longAccount = longs.accounts[longs.k - 1]!;
      }
    } else if (side === -1) {
      if (shortFull && (shorts.k === 0 || !ahead(score, account, shortScore, shortAccount))) continue;
      if (!((traderOf[account] ?? -1) >= 0)) continue;
      insert(shorts, score, account);
      if (shorts.filled === shorts.k) {
        shortFull = true;
        shortScore = shorts.scores[shorts.k - 1]!;
        shortAccount = shorts.accounts[shorts.k - 1]!;
      }
    }
  }
  writeHead(longs, traderOf, long);
  writeHead(shorts, traderOf, short);
}

/** Inserts a trader's position into its side's sorted head (k is small: QUEUE_HEAD = 5), the last falling off. */
function insert(head: HeadSelection, score: number, account: number): void {
  const { scores, accounts, k } = head;
  let at = head.filled < k ? head.filled++ : k - 1;
  while (at > 0 && ahead(score, account, scores[at - 1]!, accounts[at - 1]!)) {
    scores[at] = scores[at - 1]!;
    accounts[at] = accounts[at - 1]!;
    at--;
  }
  scores[at] = score;
  accounts[at] = account;
}

/** One side's head being selected: its first `filled` places, in buffers kept from frame to frame. */
interface HeadSelection {
  k: number;
  filled: number;
  scores: Float64Array;
  accounts: Int32Array;
}

const heads: HeadSelection[] = [0, 1].map(() => ({
  k: 0,
  filled: 0,
  scores: new Float64Array(8),
  accounts: new Int32Array(8),
}));

function headOf(which: number, k: number): HeadSelection {
  const head = heads[which]!;
  if (head.scores.length < k) {
    head.scores = new Float64Array(k);
    head.accounts = new Int32Array(k);
  }
  head.k = k;
  head.filled = 0;
  return head;
}

function writeHead(head: HeadSelection, traderOf: readonly number[], out: number[]): void {
  for (let j = 0; j < head.k; j++) out[j] = j < head.filled ? traderOf[head.accounts[j]!]! : -1;
}

/** The five-light indicator of `accountId` from the board (null: no position in the market). */
export function boardLights(board: AdlBoard, accountId: number): number | null {
  let at = -1;
  for (let j = 0; j < board.length; j++)
    if (board.accounts[j] === accountId) {
      at = j;
      break;
    }
  if (at < 0) return null;
  const side = board.sides[at]!;
  const score = board.scores[at]!;
  let rank = 1;
  let total = 0;
  for (let j = 0; j < board.length; j++) {
    if (board.sides[j] !== side) continue;
    total++;
    if (ahead(board.scores[j]!, board.accounts[j]!, score, accountId)) rank++;
  }
  return adlLights(rank, total);
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
