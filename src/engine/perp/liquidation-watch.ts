/**
 * The fast engine's index of liquidation thresholds (model.md "Scale"): for a fixed position, "equity below
 * maintenance" is a threshold on the mark price, its liquidation price, which funding and socialised losses
 * only shift globally. Each market keeps longs in a max-heap and shorts in a min-heap keyed by that price, so a
 * step touches only positions whose threshold the mark crossed.
 *
 * How the indices move a threshold: a position's pending charge is size × Δfunding + |size| × Δloss, so a
 * long's equity falls with X = funding + loss and a short's with −X, X = funding − loss, one coin per coin of
 * size. The liquidation price solves side × (mark − maintenance(mark)) = side × X + constant, and within tier t
 * moves by 1 / (1 − mmr_t) per unit of a long's X and 1 / (1 + mmr_t) of a short's (liquidation-price.ts; the
 * maintenance is continuous across tiers, so the price is continuous in X, its slope one of those). A key is
 * stored with the first tier's slope taken out (key = price − slope₀ × X at keying), so the current threshold
 * is key + slope₀ × X now, give or take (highest slope − lowest) × the range X has spanned since the market's
 * keys were last all recomputed: a twentieth of the funding drift for Binance's BTC table, where the whole
 * drift, times the highest slope, was the margin before (and rebuilt every few funding intervals, issue 16).
 * A position is a candidate when the mark is within that margin of its threshold; the exact test (the
 * reference engine's) decides. When the margin passes 0.1% of the mark, the market's holders are re-keyed.
 * Accounts touched since their key was computed (fills, fees, liquidations, ADL, deposits) are recomputed
 * before the next selection.
 */
import { KeyedHeap } from '../fast/heap.ts';
import { sortUnique } from '../fast/sorted-ids.ts';
import type { Account, ExchangeState } from './exchange.ts';
import type { LiquidationScan } from './liquidation-scan.ts';
import { pendingCharges } from './margin.ts';
import { liquidationPriceOf } from './liquidation-price.ts';
import { MARKET_IDS, MARKET_INDEX, type MarketState } from './market.ts';
import type { Position } from './position.ts';

const REBUILD_FRACTION = 0.001;
/** The quiet band's fields, per market (`#band`). */
const BAND_FUNDING = 0;
const BAND_LOSS = 1;
const BAND_BOUND = 2;
const BAND_LONG = 3;
const BAND_SHORT = 4;
const BAND_FIELDS = 5;
/** Per market, the two sides' slopes, margins and ranges (`#drift`), side by side. */
const SLOPE_LONG = 0;
const SLOPE_SHORT = 1;
const WIDTH_LONG = 2;
const WIDTH_SHORT = 3;
const LOW_LONG = 4;
const HIGH_LONG = 5;
const LOW_SHORT = 6;
const HIGH_SHORT = 7;
const DRIFT_FIELDS = 8;
const BTC = MARKET_INDEX.BTC;
const ETH = MARKET_INDEX.ETH;
const ALT = MARKET_INDEX.ALT;
/** What candidates() returns when nobody is near a threshold: shared, frozen (a caller's push would throw). */
const NO_CANDIDATES = Object.freeze([]) as unknown as number[];

/**
 * Per-market state is kept in arrays in MARKET_IDS order (the venue's market objects are never replaced): a
 * step reads it three times per venue (the minute's high, low and close), and lookups by market name were most
 * of the cost of a step in which nobody is near a threshold.
 */
export class LiquidationWatch implements LiquidationScan {
  readonly #markets: MarketState[];
  readonly #holders: number[][];
  readonly #longs: KeyedHeap[] = MARKET_IDS.map(() => new KeyedHeap(-1));
  readonly #shorts: KeyedHeap[] = MARKET_IDS.map(() => new KeyedHeap(1));
  #version = new Int32Array(64);
  readonly #dirty: number[] = [];
  readonly #isDirty: boolean[] = [];
  /** Cross accounts holding positions in both markets: checked every step. */
  readonly #everyStep = new Set<number>();
  /**
   * Per market, DRIFT_FIELDS numbers: each side's first-tier slope (a long's 1 / (1 − mmr₀), a short's
   * 1 / (1 + mmr₀)), the widest gap between a tier's slope and that one, and the range its X (funding + loss,
   * funding − loss) has spanned since the market's keys were last all computed.
   */
  readonly #drift: Float64Array;
  /**
   * The positions (in MARKET_IDS) of the markets the venue lists, which the per-step passes walk: an unlisted
   * market takes no orders (orders.ts), so it never holds a position, nor moves its funding or loss index.
   */
  readonly #traded: Int32Array;

  constructor(state: ExchangeState) {
    this.#markets = MARKET_IDS.map((id) => state.markets[id]);
    this.#holders = MARKET_IDS.map((id) => state.holders[id].ids);
    this.#traded = Int32Array.from(state.listed, (id) => MARKET_IDS.indexOf(id));
    this.#drift = new Float64Array(DRIFT_FIELDS * MARKET_IDS.length);
    for (let k = 0; k < MARKET_IDS.length; k++) {
      const m = this.#markets[k]!;
      const rates = m.tiers.map((t) => t.mmr);
      const first = rates[0]!;
      const at = k * DRIFT_FIELDS;
      const d = this.#drift;
      d[at + SLOPE_LONG] = 1 / (1 - first);
      d[at + SLOPE_SHORT] = 1 / (1 + first);
      d[at + WIDTH_LONG] = Math.max(...rates.map((r) => Math.abs(1 / (1 - r) - 1 / (1 - first))));
      d[at + WIDTH_SHORT] = Math.max(...rates.map((r) => Math.abs(1 / (1 + r) - 1 / (1 + first))));
      this.#restart(k);
    }
  }

  markDirty(accountId: number): void {
    if (this.#isDirty[accountId]) return;
    this.#isDirty[accountId] = true;
    this.#dirty.push(accountId);
  }

  /**
   * Only accounts whose threshold the mark crossed, in id order. An account touched while the step liquidates
   * others (an ADL counterparty), or any account after a socialised loss, is added if the reference loop would
   * still reach it in this step (a higher id).
   */
  eachCandidate(state: ExchangeState, visit: (account: Account) => void): void {
    if (this.quiet()) return;
    this.#quiet = false;
    this.#refresh(state);
    const queue = this.#candidates();
    if (queue.length === 0) {
      this.#settle(); // the usual step: nobody crossed
      return;
    }
    this.#visitAll(state, queue, visit);
  }

  /**
   * True when a pass would find nobody and change nothing: no account touched, none checked every step, every
   * traded market's funding and loss indices where they were at the last pass that found nobody, and each
   * mark inside the band that pass left (its heaps' tops, the rebuild threshold). The band holds the very
   * numbers `#refresh` and `#candidates` would compare the mark with, so the answer is theirs, bit for bit; a
   * venue's step asks three times a minute (the minute's high, low and close), and nearly always nobody is near.
   */
  quiet(): boolean {
    if (!this.#quiet || this.#dirty.length !== 0) return false;
    const active = this.#traded;
    const markets = this.#markets;
    const band = this.#band;
    for (let j = 0; j < active.length; j++) {
      const k = active[j]!;
      const m = markets[k]!;
      const mark = m.markPrice;
      const at = k * BAND_FIELDS;
      if (
        m.fundingIndex !== band[at + BAND_FUNDING] ||
        m.lossIndex !== band[at + BAND_LOSS] ||
        band[at + BAND_BOUND]! > REBUILD_FRACTION * mark ||
        mark < band[at + BAND_LONG]! ||
        mark > band[at + BAND_SHORT]!
      )
        return false;
    }
    return true;
  }

  /**
   * After a pass that found nobody: the band the next marks are checked against (`quiet`), each market's
   * thresholds as `#candidates` computes them from its heaps' tops at the current margins (−∞ / +∞ for an
   * empty heap: nobody to take on that side).
   */
  #settle(): void {
    if (this.#everyStep.size !== 0) return;
    const active = this.#traded;
    const d = this.#drift;
    for (let j = 0; j < active.length; j++) {
      const k = active[j]!;
      const m = this.#markets[k]!;
      const at = k * DRIFT_FIELDS;
      const band = this.#band;
      const to = k * BAND_FIELDS;
      band[to + BAND_FUNDING] = m.fundingIndex;
      band[to + BAND_LOSS] = m.lossIndex;
      band[to + BAND_BOUND] = this.#bound(k);
      const longs = this.#longs[k]!;
      band[to + BAND_LONG] =
        longs.size > 0
          ? longLine(longs.peekKey(), d[at + SLOPE_LONG]! * longX(m), marginOf(d, at, WIDTH_LONG, LOW_LONG))
          : -Infinity;
      const shorts = this.#shorts[k]!;
      band[to + BAND_SHORT] =
        shorts.size > 0
          ? shortLine(
              shorts.peekKey(),
              d[at + SLOPE_SHORT]! * shortX(m),
              marginOf(d, at, WIDTH_SHORT, LOW_SHORT),
            )
          : Infinity;
    }
    this.#quiet = true;
  }

  /** The band `quiet` reads, per market (MARKET_IDS order); valid while #quiet. */
  #quiet = false;
  /**
   * Per market, BAND_FIELDS numbers side by side (funding index, loss index, drift bound, the longs' and the
   * shorts' thresholds): one array read three times a venue a minute, where five were (issue 16).
   */
  readonly #band = new Float64Array(BAND_FIELDS * MARKET_IDS.length);

  /**
   * The visits, apart from eachCandidate: the closure below captures `state`, and a function whose closure
   * captures a parameter makes that closure's context on every call, the usual early return included.
   */
  #visitAll(state: ExchangeState, queue: number[], visit: (account: Account) => void): void {
    const queued = new Set(queue);
    const lossIndex = () =>
      state.markets.BTC.lossIndex + state.markets.ETH.lossIndex + state.markets.ALT.lossIndex;
    let losses = lossIndex();
    for (let k = 0; k < queue.length; k++) {
      const id = queue[k]!;
      visit(state.accounts[id]!);
      const more = this.#drainTouched(id);
      if (lossIndex() !== losses) {
        losses = lossIndex();
        // A socialised loss moved X in the middle of the pass: the ranges take it in before the heaps are read.
        for (let j = 0; j < this.#traded.length; j++) this.#track(this.#traded[j]!);
        more.push(...this.#candidates().filter((other) => other > id));
      }
      const fresh = more.filter((other) => !queued.has(other));
      if (fresh.length === 0) continue;
      for (const other of fresh) queued.add(other);
      const rest = queue
        .splice(k + 1)
        .concat(fresh)
        .sort((a, b) => a - b);
      queue.push(...rest);
    }
  }

  /**
   * Widens each traded market's ranges of X to the indices now; a market whose margin passed the rebuild
   * fraction of its mark starts again (its heaps emptied, its holders marked for re-keying). Then recomputes
   * the keys of touched accounts.
   */
  #refresh(state: ExchangeState): void {
    const active = this.#traded;
    for (let j = 0; j < active.length; j++) {
      const k = active[j]!;
      this.#track(k);
      if (this.#bound(k) > REBUILD_FRACTION * this.#markets[k]!.markPrice) {
        this.#restart(k);
        this.#longs[k]!.clear();
        this.#shorts[k]!.clear();
        // Every holder there re-keyed (all its markets: an account's keys share one version).
        const holders = this.#holders[k]!;
        for (let h = 0; h < holders.length; h++) this.markDirty(holders[h]!);
      }
    }
    const dirty = this.#dirty;
    if (dirty.length === 0) return;
    for (let h = 0; h < dirty.length; h++) {
      const accountId = dirty[h]!;
      this.#isDirty[accountId] = false;
      this.#index(state, state.accounts[accountId]!);
    }
    dirty.length = 0;
  }

  /** Market k's ranges of X widened to its indices now. */
  #track(k: number): void {
    const m = this.#markets[k]!;
    const d = this.#drift;
    const at = k * DRIFT_FIELDS;
    const xl = longX(m);
    const xs = shortX(m);
    if (xl < d[at + LOW_LONG]!) d[at + LOW_LONG] = xl;
    if (xl > d[at + HIGH_LONG]!) d[at + HIGH_LONG] = xl;
    if (xs < d[at + LOW_SHORT]!) d[at + LOW_SHORT] = xs;
    if (xs > d[at + HIGH_SHORT]!) d[at + HIGH_SHORT] = xs;
  }

  /** Market k's ranges of X shrunk to its indices now (its keys all to be computed again). */
  #restart(k: number): void {
    const m = this.#markets[k]!;
    const d = this.#drift;
    const at = k * DRIFT_FIELDS;
    d[at + LOW_LONG] = d[at + HIGH_LONG] = longX(m);
    d[at + LOW_SHORT] = d[at + HIGH_SHORT] = shortX(m);
  }

  /** The larger of market k's two margins: how far a threshold may be from its key plus slope₀ × X now. */
  #bound(k: number): number {
    const d = this.#drift;
    const at = k * DRIFT_FIELDS;
    return Math.max(marginOf(d, at, WIDTH_LONG, LOW_LONG), marginOf(d, at, WIDTH_SHORT, LOW_SHORT));
  }

  /** Sizes the per-account version array to hold account `id`. */
  #reach(id: number): void {
    if (id < this.#version.length) return;
    const version = new Int32Array(Math.max(id + 1, this.#version.length * 2));
    version.set(this.#version);
    this.#version = version;
  }

  #index(state: ExchangeState, account: Account): void {
    const id = account.id;
    this.#reach(id);
    const version = ++this.#version[id]!;
    if (this.#everyStep.size !== 0) this.#everyStep.delete(id);
    if (account.kind !== 'trader') return;
    // The markets named one by one (MARKET_IDS order): a read by a computed name is a megamorphic lookup,
    // six of them per account indexed (tens of thousands of accounts a large run).
    const positions = account.positions;
    const btc = positions.BTC;
    const eth = positions.ETH;
    const alt = positions.ALT;
    const cross =
      (btc?.mode === 'cross' ? 1 : 0) + (eth?.mode === 'cross' ? 1 : 0) + (alt?.mode === 'cross' ? 1 : 0);
    // Cross positions in more than one market share their margin: that account is checked every step.
    const shared = cross > 1;
    if (shared) this.#everyStep.add(id);
    this.#key(account, btc, BTC, version, shared);
    this.#key(account, eth, ETH, version, shared);
    this.#key(account, alt, ALT, version, shared);
  }

  /**
   * Puts the position's threshold, its first-tier slope times X taken out, into market k's heap of its side:
   * none for no position, or a cross one sharing its margin with another market's (`sharedCross`: checked
   * every step).
   */
  #key(
    account: Account,
    position: Position | undefined,
    k: number,
    version: number,
    sharedCross: boolean,
  ): void {
    if (!position || (position.mode === 'cross' && sharedCross)) return;
    const m = this.#markets[k]!;
    const price = thresholdKey(account, position, m);
    const at = k * DRIFT_FIELDS;
    if (position.size > 0)
      this.#longs[k]!.push(price - this.#drift[at + SLOPE_LONG]! * longX(m), account.id, version);
    else this.#shorts[k]!.push(price - this.#drift[at + SLOPE_SHORT]! * shortX(m), account.id, version);
  }

  /**
   * Ids of accounts that may be liquidatable at the current marks, ascending. Their heap entries are taken
   * out; `#refresh` puts back whoever is still open after the step.
   */
  #candidates(): number[] {
    // Gathered in a list kept from step to step; the usual step (nobody near a threshold) allocates nothing.
    const found = this.#found;
    if (found.length !== 0) found.length = 0;
    if (this.#everyStep.size !== 0) for (const id of this.#everyStep) found.push(id);
    const active = this.#traded;
    const d = this.#drift;
    for (let j = 0; j < active.length; j++) {
      const k = active[j]!;
      const m = this.#markets[k]!;
      const mark = m.markPrice;
      const at = k * DRIFT_FIELDS;
      const longs = this.#longs[k]!;
      if (longs.size > 0) {
        const shift = d[at + SLOPE_LONG]! * longX(m);
        const margin = marginOf(d, at, WIDTH_LONG, LOW_LONG);
        while (longs.size > 0 && mark < longLine(longs.peekKey(), shift, margin)) this.#take(longs, found);
      }
      const shorts = this.#shorts[k]!;
      if (shorts.size > 0) {
        const shift = d[at + SLOPE_SHORT]! * shortX(m);
        const margin = marginOf(d, at, WIDTH_SHORT, LOW_SHORT);
        while (shorts.size > 0 && mark > shortLine(shorts.peekKey(), shift, margin))
          this.#take(shorts, found);
      }
    }
    if (found.length === 0) return NO_CANDIDATES;
    return sortUnique(found.slice()); // a copy the caller may change; an account can sit in both markets' heaps
  }

  readonly #found: number[] = [];

  /** Pops the heap's top; a current entry (not superseded by a newer key) becomes a candidate. */
  #take(heap: KeyedHeap, found: number[]): void {
    const accountId = heap.peekId();
    if (heap.peekVersion() === this.#version[accountId]) {
      found.push(accountId);
      this.markDirty(accountId);
    }
    heap.pop();
  }

  /** Touched during the liquidation phase and not yet queued: whoever the exact test should also see. */
  #drainTouched(after: number): number[] {
    return this.#dirty.filter((id) => id > after);
  }
}

/** What moves a long's threshold: its pending charge per coin grows with funding + loss. */
const longX = (m: MarketState): number => m.fundingIndex + m.lossIndex;
/** What moves a short's: funding − loss (a short receives funding as the index rises, and pays the loss). */
const shortX = (m: MarketState): number => m.fundingIndex - m.lossIndex;

/** A side's margin: the widest slope gap times the range its X has spanned (fields at `at` of `#drift`). */
function marginOf(d: Float64Array, at: number, width: number, low: number): number {
  return d[at + width]! * (d[at + low + 1]! - d[at + low]!);
}

/**
 * The mark below which a long keyed at `key` may be liquidatable: its threshold now (key + slope₀ × X), the
 * margin, and a tiny relative slack, so float rounding of the key never hides a position the exact test would
 * take. `#candidates` and the quiet band compute it here alike, bit for bit.
 */
function longLine(key: number, shift: number, margin: number): number {
  return key + shift + margin + 1e-9 * (Math.abs(key) + Math.abs(shift));
}

/** The mark above which a short keyed at `key` may be liquidatable (see longLine). */
function shortLine(key: number, shift: number, margin: number): number {
  return key + shift - margin - 1e-9 * (Math.abs(key) + Math.abs(shift));
}

/** The mark at which the position's equity meets its maintenance margin, at the current indices. */
function thresholdKey(account: Account, position: Position, m: MarketState): number {
  const qty = Math.abs(position.size);
  const pending = pendingCharges(position, m);
  const wallet = position.mode === 'isolated' ? position.isolatedMargin - pending : account.wallet - pending;
  const long = position.size > 0;
  const lp = liquidationPriceOf(long ? 1 : -1, qty, position.entryPrice, wallet, m.tiers);
  if (!Number.isNaN(lp)) return lp;
  // No positive threshold. A long backed by more than its notional is never liquidated at a positive price: its
  // (non-positive) first-tier solution keeps the ordering for later drift. A short with no positive threshold
  // has a negative buffer (its account is in debt): it is liquidatable at any mark, so always a candidate.
  const first = m.tiers[0]!;
  return long ? (wallet + first.cum - qty * position.entryPrice) / (qty * first.mmr - qty) : -Infinity;
}
