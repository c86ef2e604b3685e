/**
 * The fast engine's index of liquidation thresholds (model.md "Scale"): for a fixed position, "equity below
 * maintenance" is a threshold on the mark price, its liquidation price, which funding and socialised losses
 * only shift globally. Each market keeps longs in a max-heap and shorts in a min-heap keyed by that price, so a
 * step touches only positions whose threshold the mark crossed.
 *
 * Keys are computed at the funding and loss indices of the moment. Between rebuilds the indices drift; the
 * liquidation price moves by at most drift ÷ (1 − highest maintenance rate), so a position is a candidate when
 * the mark is within that bound of its key, and the exact test (the reference engine's) decides. When a
 * market's drift passes 0.1% of its mark, that market's keys are recomputed. Accounts touched since their key was computed
 * (fills, fees, liquidations, ADL, deposits) are recomputed before the next selection.
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
  readonly #longs: KeyedHeap[] = MARKET_IDS.map(() => new KeyedHeap(-1));
  readonly #shorts: KeyedHeap[] = MARKET_IDS.map(() => new KeyedHeap(1));
  #version = new Int32Array(64);
  readonly #dirty: number[] = [];
  readonly #isDirty: boolean[] = [];
  /** Cross accounts holding positions in both markets: checked every step. */
  readonly #everyStep = new Set<number>();
  /** Per market: the funding index's range and the loss index since the keys were computed. */
  readonly #fundingLow: Float64Array;
  readonly #fundingHigh: Float64Array;
  readonly #lossAtRebuild: Float64Array;
  /** Per market: 1 / (1 − highest maintenance rate of its tiers). */
  readonly #factor: Float64Array;
  /**
   * The positions (in MARKET_IDS) of the markets the venue lists, which the per-step passes walk: an unlisted
   * market takes no orders (orders.ts), so it never holds a position, nor moves its funding or loss index.
   */
  readonly #traded: Int32Array;

  constructor(state: ExchangeState) {
    this.#markets = MARKET_IDS.map((id) => state.markets[id]);
    this.#traded = Int32Array.from(state.listed, (id) => MARKET_IDS.indexOf(id));
    this.#fundingLow = Float64Array.from(this.#markets, (m) => m.fundingIndex);
    this.#fundingHigh = Float64Array.from(this.#markets, (m) => m.fundingIndex);
    this.#lossAtRebuild = Float64Array.from(this.#markets, (m) => m.lossIndex);
    this.#factor = Float64Array.from(this.#markets, (m) => 1 / (1 - Math.max(...m.tiers.map((t) => t.mmr))));
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
   * thresholds as `#candidates` computes them from its heaps' tops at the current bound (−∞ / +∞ for an empty
   * heap: nobody to take on that side).
   */
  #settle(): void {
    if (this.#everyStep.size !== 0) return;
    const active = this.#traded;
    for (let j = 0; j < active.length; j++) {
      const k = active[j]!;
      const m = this.#markets[k]!;
      const bound = this.#bound(k);
      const band = this.#band;
      const at = k * BAND_FIELDS;
      band[at + BAND_FUNDING] = m.fundingIndex;
      band[at + BAND_LOSS] = m.lossIndex;
      band[at + BAND_BOUND] = bound;
      const longs = this.#longs[k]!;
      band[at + BAND_LONG] =
        longs.size > 0 ? longs.peekKey() + bound + 1e-9 * Math.abs(longs.peekKey()) : -Infinity;
      const shorts = this.#shorts[k]!;
      band[at + BAND_SHORT] =
        shorts.size > 0 ? shorts.peekKey() - bound - 1e-9 * Math.abs(shorts.peekKey()) : Infinity;
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
   * Recomputes the keys of a market whose indices drifted too far, then those of touched accounts. A market
   * drifts on its own (its funding, its losses): the others' keys stand (issue 16: a rebuild of every market
   * at any one's drift re-keyed three markets' holders; the first day's three rebuilds were a third of a
   * 100,000-trader run's re-keys).
   */
  #refresh(state: ExchangeState): void {
    const active = this.#traded;
    for (let j = 0; j < active.length; j++) {
      const k = active[j]!;
      const m = this.#markets[k]!;
      this.#fundingLow[k] = Math.min(this.#fundingLow[k]!, m.fundingIndex);
      this.#fundingHigh[k] = Math.max(this.#fundingHigh[k]!, m.fundingIndex);
      if (this.#bound(k) > REBUILD_FRACTION * m.markPrice) this.#rekey(state, k);
    }
    const dirty = this.#dirty;
    if (dirty.length === 0) return;
    for (const accountId of dirty) {
      this.#isDirty[accountId] = false;
      this.#index(state, state.accounts[accountId]!);
    }
    dirty.length = 0;
  }

  /**
   * Market k's keys at its indices of the moment. Its heaps' current entries are exactly its keyed positions
   * (an account whose position changed was touched, and a taken one too: both are re-indexed after this, so
   * skipped here); an account's version stays, so its entries in other markets stay current.
   */
  #rekey(state: ExchangeState, k: number): void {
    const m = this.#markets[k]!;
    this.#fundingLow[k] = m.fundingIndex;
    this.#fundingHigh[k] = m.fundingIndex;
    this.#lossAtRebuild[k] = m.lossIndex;
    const ids = this.#found; // free: candidates are gathered after the refresh
    if (ids.length !== 0) ids.length = 0;
    this.#current(this.#longs[k]!, ids);
    this.#current(this.#shorts[k]!, ids);
    // In id order, as accounts were opened: heap order reads them at random (a cache miss or more each).
    sortUnique(ids);
    for (const id of ids) {
      const account = state.accounts[id]!;
      const positions = account.positions;
      const position = k === BTC ? positions.BTC : k === ETH ? positions.ETH : positions.ALT;
      this.#key(account, position, k, this.#version[id]!, false);
    }
    ids.length = 0;
  }

  /** Appends the ids of the heap's current entries of untouched accounts, and empties the heap. */
  #current(heap: KeyedHeap, ids: number[]): void {
    const version = this.#version;
    for (let i = 0; i < heap.size; i++) {
      const id = heap.idAt(i);
      if (heap.versionAt(i) === version[id] && !this.#isDirty[id]) ids.push(id);
    }
    heap.clear();
  }

  /** Largest move of any liquidation price in market k since its key was computed. */
  #bound(k: number): number {
    return (
      (this.#fundingHigh[k]! -
        this.#fundingLow[k]! +
        (this.#markets[k]!.lossIndex - this.#lossAtRebuild[k]!)) *
      this.#factor[k]!
    );
  }

  /** Sizes the per-account arrays to hold account `id`. */
  #reach(id: number): void {
    if (id < this.#version.length) return;
    const size = Math.max(id + 1, this.#version.length * 2);
    const version = new Int32Array(size);
    version.set(this.#version);
    this.#version = version;
  }

  #index(state: ExchangeState, account: Account): void {
    const id = account.id;
    this.#reach(id);
    const version = ++this.#version[id]!;
    if (this.#everyStep.size !== 0) this.#everyStep.delete(id);
    if (account.kind === 'trader') {
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
  }

  /**
   * Puts the position's threshold into market k's heap of its side, if there is one to key: none for no
   * position, nor for a cross one sharing its margin with another market's (`sharedCross`: checked every step).
   */
  #key(
    account: Account,
    position: Position | undefined,
    k: number,
    version: number,
    sharedCross: boolean,
  ): void {
    if (!position || (position.mode === 'cross' && sharedCross)) return;
    const key = thresholdKey(account, position, this.#markets[k]!);
    if (position.size > 0) this.#longs[k]!.push(key, account.id, version);
    else this.#shorts[k]!.push(key, account.id, version);
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
    for (let j = 0; j < active.length; j++) {
      const k = active[j]!;
      const mark = this.#markets[k]!.markPrice;
      const bound = this.#bound(k);
      // A tiny relative slack keeps float rounding of the key from hiding a position the exact test would take.
      const longs = this.#longs[k]!;
      while (longs.size > 0 && mark < longs.peekKey() + bound + 1e-9 * Math.abs(longs.peekKey()))
        this.#take(longs, found);
      const shorts = this.#shorts[k]!;
      while (shorts.size > 0 && mark > shorts.peekKey() - bound - 1e-9 * Math.abs(shorts.peekKey()))
        this.#take(shorts, found);
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
