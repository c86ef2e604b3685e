/**
 * What an ADL score reads of a position, kept in rows of one Float64Array from frame to frame, so a frame's board
 * (adl.ts) is scored from numbers side by side rather than by following each holder's account, positions object,
 * position record and wallet through the heap (issue 16: those loads, not the score's arithmetic, were most of
 * scoring a classroom run's board each minute).
 *
 * A trader's wallet and positions change only where the venue reports its account touched (exchange.ts
 * `touchAccount`: fills, fees, deposits, liquidations, a share of a socialised loss handed back); funding and
 * socialised losses move the market's indices, which are read afresh, not the position's snapshots. Equity by
 * class (class-equity.ts) counts on the same rule and its test checks it after every step. So a trader's row is
 * read again only after a touch. The liquidity provider's wallet moves without one (it bears bad debt and takes
 * over positions in a deleveraging): any account that is not a trader is read afresh every time.
 *
 * The rows are valid only while every touch is seen: the frame that owns them (traces.ts FrameStandings) notes
 * the touched accounts at every frame, before equity by class drains the list, and drops them all when a frame
 * passes without that.
 */
import type { ExchangeState } from './exchange.ts';
import { MARKET_IDS, type MarketId } from './market.ts';

/** A row: signed size (0: no position), entry price, funding and loss snapshots, the margin base, isolated. */
const SIZE = 0;
const ENTRY = 1;
const FUNDING = 2;
const LOSS = 3;
/** The isolated margin of an isolated position, the cross wallet otherwise. */
const BASE = 4;
const ISOLATED = 5;
const ROW = 6;
const MARKETS = MARKET_IDS.length;

/** What an account is to the rows: not yet read (0), a trader (read after a touch), another (read every time). */
const TRADER = 1;
const OTHER = 2;

export class AdlBoardRows {
  rows = new Float64Array(0);
  /** Per account and market: 1 when its row must be read again before it is used. */
  stale = new Uint8Array(0);
  kind = new Uint8Array(0);
  /** The frame whose touches were last noted (FrameStandings' count), −2 before any. */
  notedFrame = -2;

  /** Room for account ids below `accounts`: new places start stale. */
  reserve(accounts: number): void {
    if (this.kind.length >= accounts) return;
    const size = Math.max(64, accounts * 2);
    const rows = new Float64Array(size * MARKETS * ROW);
    rows.set(this.rows);
    this.rows = rows;
    const stale = new Uint8Array(size * MARKETS).fill(1);
    stale.set(this.stale);
    this.stale = stale;
    const kind = new Uint8Array(size);
    kind.set(this.kind);
    this.kind = kind;
  }

  /** Every row to be read again (a frame passed without its touches noted). */
  forgetAll(): void {
    this.stale.fill(1);
  }

  /** The accounts touched since the last frame: their rows, in every market, read again when next used. */
  noteTouched(ids: readonly number[], accounts: number): void {
    this.reserve(accounts);
    const stale = this.stale;
    for (let j = 0; j < ids.length; j++) {
      const at = ids[j]! * MARKETS;
      for (let m = 0; m < MARKETS; m++) stale[at + m] = 1;
    }
  }
}

/**
 * Writes account `id`'s figures in market `m` into its row (a read of the account, its position and wallet) and
 * returns the row's place.
 */
function readRow(rows: AdlBoardRows, state: ExchangeState, id: number, m: number, marketId: MarketId): number {
  const account = state.accounts[id]!;
  rows.kind[id] = account.kind === 'trader' ? TRADER : OTHER;
  const place = id * MARKETS + m;
  rows.stale[place] = 0;
  const at = place * ROW;
  const r = rows.rows;
  const position = account.positions[marketId];
  if (!position) {
    r[at + SIZE] = 0;
    return at;
  }
  const isolated = position.mode === 'isolated';
  r[at + SIZE] = position.size;
  r[at + ENTRY] = position.entryPrice;
  r[at + FUNDING] = position.fundingSnapshot;
  r[at + LOSS] = position.lossSnapshot;
  r[at + BASE] = isolated ? position.isolatedMargin : account.wallet;
  r[at + ISOLATED] = isolated ? 1 : 0;
  return at;
}

/**
 * The place of account `id`'s row in market `m`, read again first when it is stale or the account is not a
 * trader.
 */
export function rowOf(
  rows: AdlBoardRows,
  state: ExchangeState,
  id: number,
  m: number,
  marketId: MarketId,
): number {
  if (id >= rows.kind.length) rows.reserve(state.accounts.length);
  const place = id * MARKETS + m;
  if (rows.stale[place] === 1 || rows.kind[id] !== TRADER) return readRow(rows, state, id, m, marketId);
  return place * ROW;
}

export const ADL_ROW = { SIZE, ENTRY, FUNDING, LOSS, BASE, ISOLATED } as const;
