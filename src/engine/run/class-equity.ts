/**
 * Equity by investor class for every frame, kept incrementally so a frame costs O(accounts and clients
 * touched since the last frame) rather than O(traders) or O(open positions): money not yet deposited and the
 * settled wallets of traders who left the perpetual venue are running totals; broker clients are summed as cash, units and debt
 * per class (valued at the frame's prices), updated from the clients the broker reports as touched. The
 * hourly interest accrual touches no one: it is counted from the broker's per-class total, and each client's
 * debt is seen net of it.
 *
 * Open perpetual accounts are summed the same way. A position's value at mark is
 *   size × (mark − entry) − size × (fundingIndex − fundingSnapshot) − |size| × (lossIndex − lossSnapshot)
 *   (+ isolated margin),
 * linear in the market's mark and indices, so per class, venue and market the sums Σ size, Σ size × entry,
 * Σ size × fundingSnapshot, Σ |size|, Σ |size| × lossSnapshot and Σ isolated margin give every open
 * position's value at once. An account is re-read only when the exchange reports it touched (a fill, a fee, a
 * deposit); settling funding or losses moves money without changing that value (margin.ts).
 * Both engines use it, so their frames are identical.
 */
import { clientDebt } from '../broker/clients.ts';
import { BROKER_ASSETS } from '../broker/broker-state.ts';
import { MARKET_IDS } from '../perp/market.ts';
import type { Position } from '../perp/position.ts';
import type { Account } from '../perp/exchange.ts';
import { accountEquity, type Markets } from '../perp/margin.ts';
import { clearTouched, type Touched } from '../fast/touched.ts';
import { stampTouch, type TouchStamps } from '../perp/adl.ts';
import type { RunState, Venue } from './run-state.ts';
import { VENUE } from './trader-codes.ts';

const ASSETS = BROKER_ASSETS.length;
/** Per market: Σ size, Σ size × entry, Σ size × fundingSnapshot, Σ |size|, Σ |size| × lossSnapshot, Σ isolated margin. */
const SUMS = 6;
/**
 * Per open trader, a row in the order they opened: its last counted wallet, and its one market's size, entry
 * price, funding snapshot, loss snapshot and isolated margin (the products are recomputed from them, the same
 * bits). Rows in opening order are written one after the other: rows by trader id, 19 numbers each for three
 * markets, were 15 MB at 100,000 traders touched in random order, and the first write to each of its pages was
 * a page fault (issue 16: 6% of the 100,000 × 30 d run).
 */
const ROW = 6;

const venueIndex = (run: RunState, i: number) => (run.venueOf[i] === VENUE.onshore ? 0 : 1);
/** The place of class k's sums on venue v in market m, counted in slots of SUMS numbers. */
const slotOf = (k: number, v: number, m: number) => (k * 2 + v) * MARKET_IDS.length + m;

export class ClassEquity {
  /** Index 0 retail, 1 professional. */
  readonly waiting = [0, 0];
  readonly reserve = [0, 0];
  readonly settledPerps = [0, 0];
  readonly #cash = [0, 0];
  readonly #debt = [0, 0];
  readonly #units = [new Float64Array(ASSETS), new Float64Array(ASSETS)];
  /** Per broker client: its last counted cash, debt and units. */
  #seen = new Float64Array(0);
  /** Open perpetual traders: Σ wallet by class, and the position sums by class, venue and market. */
  readonly #perpWallet = [0, 0];
  readonly #perpSums = new Float64Array(2 * 2 * MARKET_IDS.length * SUMS);
  /** Per class, venue and market (slotOf): 1 once its sums were ever written, else they are all +0. */
  readonly #perpUsed = new Uint8Array(2 * 2 * MARKET_IDS.length);
  /** Open perpetual traders' rows (ROW numbers each), and how many have been handed out. */
  #perpRows = new Float64Array(0);
  #rowCount = 0;
  /** Per trader: its row + 1 while it is counted (open), else 0. */
  #rowOf = new Int32Array(0);
  /** Per trader: 1 while its counted sums may be other than zero (it held a position when last counted). */
  #perpHeld = new Uint8Array(0);
  /**
   * Each venue's accounts' touches (0 onshore, 1 offshore), stamped with the drain that found them (a drain: a
   * call of byClass, which empties the venues' touched lists): the frame's ADL board re-reads only those
   * (perp/adl.ts scoreBoard).
   */
  readonly accountStamps: readonly [TouchStamps, TouchStamps] = [
    { drains: 0, at: new Int32Array(64) },
    { drains: 0, at: new Int32Array(64) },
  ];

  /**
   * False in a summary-only run (config.summaryOnly), which takes no frame: nothing is counted, each method
   * returns at once (the counts were 3–4% of a 100,000-trader run's time, for frames nobody reads).
   */
  readonly #counting: boolean;

  constructor(run: Pick<RunState, 'population'>, counting = true) {
    this.#counting = counting;
    if (!counting) return;
    const p = run.population;
    for (let i = 0; i < p.count; i++) this.waiting[p.professional[i]!]! += p.capital[i]! + p.securities[i]!;
  }

  entered(run: RunState, i: number): void {
    if (!this.#counting) return;
    this.waiting[run.population.professional[i]!]! -=
      run.population.capital[i]! + run.population.securities[i]!;
  }

  reserveChanged(run: RunState, i: number, delta: number): void {
    if (!this.#counting) return;
    this.reserve[run.population.professional[i]!]! += delta;
  }

  /**
   * A perpetual trader left for good (closed, or liquidated in full): its account's equity no longer moves
   * (worked out here, only when counted).
   */
  settled(run: RunState, i: number, account: Account, markets: Markets): void {
    if (!this.#counting) return;
    this.settledPerps[run.population.professional[i]!]! += accountEquity(account, markets);
  }

  /** A trader now holds an open perpetual position: counted from here on, at every frame. */
  perpOpened(run: RunState, i: number): void {
    if (!this.#counting) return;
    const count = run.population.count;
    if (this.#rowOf.length < count) {
      this.#rowOf = new Int32Array(count);
      this.#perpHeld = new Uint8Array(count);
      this.#perpRows = new Float64Array(count * ROW);
    }
    const counted = this.#rowOf[i]!;
    if (counted) return this.#recount(run, i, counted - 1, 1);
    const row = this.#rowCount++;
    this.#rowOf[i] = row + 1;
    this.#recount(run, i, row, 1);
  }

  /** The trader is closing out (then `settled`): no longer counted as open. */
  perpClosing(run: RunState, i: number): void {
    if (!this.#counting) return;
    const row = this.#rowOf[i];
    if (!row) return;
    this.#rowOf[i] = 0;
    this.#recount(run, i, row - 1, 0);
  }

  /**
   * Replaces trader i's counted contribution (its row) with its account now (weight 1), or removes it
   * (weight 0). A trader trades one market (run.perpMarket); a position anywhere else is an error. A trader
   * that holds nothing and had counted nothing is passed over: it would add 0 − 0 to each sum, which changes
   * no sum (a sum is never −0: it starts at +0, and x + y is −0 only when both are −0), and write zeros over
   * zeros.
   */
  #recount(run: RunState, i: number, row: number, weight: 0 | 1): void {
    const k = run.population.professional[i]!;
    const v = venueIndex(run, i);
    const venue = v === 0 ? run.onshore : run.offshore!;
    const account = venue.exchange.accounts[run.accountOf[i]!]!;
    const at = row * ROW;
    const rows = this.#perpRows;
    const wallet = weight * account.wallet;
    this.#perpWallet[k]! += wallet - rows[at]!;
    rows[at] = wallet;
    const m = run.perpMarket[i]!;
    let position: Position | undefined;
    if (weight) {
      // Each market by name (a key from MARKET_IDS was a generic keyed load per market and trader).
      const { BTC, ETH, ALT } = account.positions;
      position = m === 0 ? BTC : m === 1 ? ETH : ALT;
      if ((BTC ? 1 : 0) + (ETH ? 1 : 0) + (ALT ? 1 : 0) > (position ? 1 : 0))
        throw new RangeError(`trader ${i} holds a perpetual position outside its market ${MARKET_IDS[m]}`);
    }
    if (!position && !this.#perpHeld[i]) return;
    let size = 0;
    let entry = 0;
    let funding = 0;
    let loss = 0;
    let isolated = 0;
    if (position) {
      size = position.size;
      entry = position.entryPrice;
      funding = position.fundingSnapshot;
      loss = position.lossSnapshot;
      isolated = position.mode === 'isolated' ? position.isolatedMargin : 0;
    }
    const was = rows[at + 1]!;
    const wasAbs = Math.abs(was);
    const abs = Math.abs(size);
    const sums = this.#perpSums;
    const slot = slotOf(k, v, m);
    const base = slot * SUMS;
    this.#perpUsed[slot] = 1;
    sums[base]! += size - was;
    sums[base + 1]! += size * entry - was * rows[at + 2]!;
    sums[base + 2]! += size * funding - was * rows[at + 3]!;
    sums[base + 3]! += abs - wasAbs;
    sums[base + 4]! += abs * loss - wasAbs * rows[at + 4]!;
    sums[base + 5]! += isolated - rows[at + 5]!;
    rows[at + 1] = size;
    rows[at + 2] = entry;
    rows[at + 3] = funding;
    rows[at + 4] = loss;
    rows[at + 5] = isolated;
    this.#perpHeld[i] = position ? 1 : 0;
  }

  #syncPerps(run: RunState, venue: Venue | null, stamps: TouchStamps): void {
    const touched = venue?.exchange.touched;
    // Most frames find nobody touched: no call then.
    if (!venue || !touched || touched.ids.length === 0) return;
    this.#recountTouched(run, venue, touched, stamps);
    clearTouched(touched);
  }

  /**
   * The touched accounts' traders recounted, a plain loop (no closure a frame) in a method of its own with
   * nothing after it: with clearTouched after the loop in the same function, V8 compiled a long first pass on
   * the stack (OSR) before the code after the loop had feedback, then threw that code away at the loop's exit,
   * every frame: 1,302 deoptimisations in three 100,000 × 30 d runs (node --trace-deopt), none since.
   */
  #recountTouched(run: RunState, venue: Venue, touched: Touched, stamps: TouchStamps): void {
    for (const id of touched.ids) {
      touched.flags[id] = false;
      stampTouch(stamps, id);
      const trader = venue.traderOf[id];
      if (trader === undefined || trader < 0) continue;
      const row = this.#rowOf[trader];
      if (row) this.#recount(run, trader, row - 1, 1);
    }
  }

  #syncBroker(run: RunState): void {
    const broker = run.broker;
    const stride = 2 + ASSETS;
    if (this.#seen.length < broker.clients.length * stride) {
      const grown = new Float64Array(Math.max(broker.clients.length * stride * 2, 64));
      grown.set(this.#seen);
      this.#seen = grown;
    }
    const touched = broker.touched!;
    if (touched.ids.length === 0) return;
    this.#syncClients(run, touched, stride);
    clearTouched(touched);
  }

  /** The touched clients recounted: a loop with nothing after it, as #recountTouched (see there). */
  #syncClients(run: RunState, touched: Touched, stride: number): void {
    const broker = run.broker;
    for (const id of touched.ids) {
      touched.flags[id] = false;
      const client = broker.clients[id]!;
      const trader = run.brokerTraderOf[id]!;
      const k = run.population.professional[trader]!;
      const at = id * stride;
      const cash = client.cash;
      const debt = clientDebt(client) - client.hourlyInterest;
      this.#cash[k]! += cash - this.#seen[at]!;
      this.#debt[k]! += debt - this.#seen[at + 1]!;
      this.#seen[at] = cash;
      this.#seen[at + 1] = debt;
      // The assets by name, in BROKER_ASSETS order (a key from the list was a generic keyed load each).
      const holdings = client.holdings;
      const units = this.#units[k]!;
      this.#countUnits(units, at + 2, 0, holdings.BTC);
      this.#countUnits(units, at + 2, 1, holdings.ETH);
      this.#countUnits(units, at + 2, 2, holdings['other-crypto']);
      this.#countUnits(units, at + 2, 3, holdings.securities);
    }
  }

  #countUnits(units: Float64Array, at: number, a: number, held: number): void {
    units[a]! += held - this.#seen[at + a]!;
    this.#seen[at + a] = held;
  }

  readonly #byClass = new Float64Array(2);

  /**
   * Equity of [retail, professional] now, in an array kept by this object (the next call rewrites it). Each
   * class's sum takes the same terms in the same order as ever (its broker figures, then its open perpetual
   * wallets and each venue's markets in MARKET_IDS order); the two classes are summed side by side, so each
   * market's mark and indices are read once a frame.
   */
  byClass(run: RunState): Readonly<Float64Array> {
    this.#syncBroker(run);
    const onshore = this.accountStamps[0];
    const offshore = this.accountStamps[1];
    onshore.drains++;
    offshore.drains++;
    this.#syncPerps(run, run.onshore, onshore);
    this.#syncPerps(run, run.offshore, offshore);
    const broker = run.broker;
    const prices = broker.prices;
    const btc = prices.BTC;
    const eth = prices.ETH;
    const other = prices['other-crypto'];
    const securities = prices.securities;
    const hourly = broker.hourlyInterestByClass;
    const retail = this.#brokerSide(0, hourly.retail, btc, eth, other, securities);
    const professional = this.#brokerSide(1, hourly.professional, btc, eth, other, securities);
    // Σ value of open perpetual positions and wallets by class, at the markets' marks and indices now.
    let openRetail = this.#perpWallet[0]!;
    let openProfessional = this.#perpWallet[1]!;
    const s = this.#perpSums;
    const used = this.#perpUsed;
    for (let v = 0; v < 2; v++) {
      const venue = v === 0 ? run.onshore : run.offshore;
      if (!venue) continue;
      const markets = venue.exchange.markets;
      for (let m = 0; m < MARKET_IDS.length; m++) {
        // By name, in MARKET_IDS order (a key from the list was a generic keyed load each).
        const market = m === 0 ? markets.BTC : m === 1 ? markets.ETH : markets.ALT;
        const mark = market.markPrice;
        const funding = market.fundingIndex;
        const loss = market.lossIndex;
        // Sums never written are all +0, and their value at finite prices then +0 (its last term adds +0 to
        // ±0), which adds nothing to a sum that is never −0 (it starts at +0, and x + y is −0 only when both
        // are −0): passed over (in Hong Kong, ALT is not listed and few traders hold ETH).
        const ofRetail = slotOf(0, v, m);
        if (used[ofRetail]) openRetail += openValue(s, ofRetail * SUMS, mark, funding, loss);
        const ofProfessional = slotOf(1, v, m);
        if (used[ofProfessional])
          openProfessional += openValue(s, ofProfessional * SUMS, mark, funding, loss);
      }
    }
    const out = this.#byClass;
    out[0] = retail + openRetail;
    out[1] = professional + openProfessional;
    return out;
  }

  /** Class k's money outside open perpetual positions: waiting, reserves, settled, and its broker clients'. */
  #brokerSide(
    k: number,
    hourly: number,
    btc: number,
    eth: number,
    other: number,
    securities: number,
  ): number {
    const debt = this.#debt[k]! + hourly;
    let value = this.waiting[k]! + this.reserve[k]! + this.settledPerps[k]! + this.#cash[k]! - debt;
    const units = this.#units[k]!;
    value += units[0]! * btc;
    value += units[1]! * eth;
    value += units[2]! * other;
    value += units[3]! * securities;
    return value;
  }
}

/** The open positions' value in one class, venue and market from its sums (`base`), at mark and indices now. */
function openValue(s: Float64Array, base: number, mark: number, funding: number, loss: number): number {
  return (
    s[base]! * mark -
    s[base + 1]! -
    (s[base]! * funding - s[base + 2]!) -
    (s[base + 3]! * loss - s[base + 4]!) +
    s[base + 5]!
  );
}
