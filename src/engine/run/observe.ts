/**
 * What the charts and the summary read off a run: equity per trader and by class, and one frame row.
 */
import { clientDebt } from '../broker/index.ts';
import { holdingsValue } from '../broker/broker-state.ts';
import { accountEquity } from '../perp/margin.ts';
import type { ExchangeState } from '../perp/exchange.ts';
import type { MarketId } from '../perp/market.ts';
import { nextFrameSlot, type FrameBuilder } from './frames.ts';
import type { RunState, Venue } from './run-state.ts';
import { solventUntilTouched } from './solvent-clients.ts';
import { PHASE, VENUE } from './trader-codes.ts';

/** What the trader has now: deposits not yet made, and securities not pledged, count at their start value. */
export function traderEquity(run: RunState, i: number): number {
  traderEquityInto(run, i, equityNow, 0);
  return equityNow[0]!;
}

const equityNow = new Float64Array(1);

/**
 * traderEquity(run, i) written into out[at]: the frame's re-reads and trace rows take it this way, since a
 * number returned from a call that is not inlined is boxed (a tenth of a classroom run's frame allocation).
 */
export function traderEquityInto(run: RunState, i: number, out: Float64Array, at: number): void {
  const venueCode = run.venueOf[i];
  if (run.phase[i] === PHASE.waiting || venueCode === VENUE.none) {
    out[at] = run.population.capital[i]! + run.population.securities[i]!;
    return;
  }
  const account = run.accountOf[i]!;
  if (venueCode === VENUE.broker) {
    const client = run.broker.clients[account]!;
    const prices = run.broker.prices;
    out[at] = holdingsValue(client.cash - clientDebt(client), client.holdings, prices) + outside(run, i);
    return;
  }
  const venue = venueCode === VENUE.onshore ? run.onshore : run.offshore!;
  out[at] = accountEquity(venue.exchange.accounts[account]!, venue.exchange.markets) + outside(run, i);
}

/**
 * Every trader's equity (traderEquity, the same bits) written into out[i], read account by account in the order
 * they were opened rather than trader by trader: a trader's account or client is an object made when it entered,
 * so in id order each read missed the cache (issue 16: the summary's pass over 100,000 traders was 5% of a run).
 * Settling a client's interest on the way (clientDebt) touches that client alone, so the order changes nothing.
 */
export function everyTraderEquityInto(run: RunState, out: Float64Array): void {
  const p = run.population;
  const { phase, venueOf, accountOf, reserve } = run;
  const clients = run.broker.clients;
  const prices = run.broker.prices;
  const brokerTraderOf = run.brokerTraderOf;
  for (let c = 0; c < clients.length; c++) {
    const i = brokerTraderOf[c];
    if (i === undefined || i < 0 || venueOf[i] !== VENUE.broker || accountOf[i] !== c) continue;
    if (phase[i] === PHASE.waiting) continue;
    const client = clients[c]!;
    out[i] = holdingsValue(client.cash - clientDebt(client), client.holdings, prices) + reserve[i]!;
  }
  equitiesAt(run, run.onshore, VENUE.onshore, out);
  if (run.offshore) equitiesAt(run, run.offshore, VENUE.offshore, out);
  for (let i = 0; i < p.count; i++)
    if (phase[i] === PHASE.waiting || venueOf[i] === VENUE.none) out[i] = p.capital[i]! + p.securities[i]!;
}

function equitiesAt(run: RunState, venue: Venue, code: number, out: Float64Array): void {
  const { phase, venueOf, accountOf, reserve } = run;
  const accounts = venue.exchange.accounts;
  const markets = venue.exchange.markets;
  const traderOf = venue.traderOf;
  for (let a = 0; a < accounts.length; a++) {
    const i = traderOf[a];
    if (i === undefined || i < 0 || venueOf[i] !== code || accountOf[i] !== a) continue;
    if (phase[i] === PHASE.waiting) continue;
    out[i] = accountEquity(accounts[a]!, markets) + reserve[i]!;
  }
}

/** Cash a trader kept outside the venue: a margin client's reserve, until it tops up with it. */
function outside(run: RunState, i: number): number {
  return run.reserve[i]!;
}

/** What trader i owes beyond everything it put in (its venue equity below zero), or 0 (summary.ts's rule). */
export function lossBeyondDeposits(run: RunState, i: number, equity = traderEquity(run, i)): number {
  const start = run.population.capital[i]! + run.population.securities[i]!;
  // Below a billionth of what the trader brought, a negative balance is float dust, not a debt.
  const venueEquity = equity - run.reserve[i]!;
  return venueEquity < -1e-9 * start ? -venueEquity : 0;
}

/**
 * Each liquidated trader's loss beyond deposits as last read. Only a liquidated (or force-sold) trader can owe
 * more than it put in, and once its position is gone its venue equity moves only when the venue reports its
 * account touched (a fill, a fee, a deposit: exchange.ts `touched`), so a frame re-reads the new liquidated,
 * the touched and those still holding something (issue 16: re-reading every liquidated trader every frame
 * was 45% of a 100,000 × 30 d run). frame-counters.test.ts checks it against a scan of every trader.
 */
export interface OwedWatch {
  /** Liquidated traders read so far (a prefix of tally.liquidatedTraders). */
  seen: number;
  owed: Float64Array;
  /** Traders whose loss can move untouched (a position still open, a broker client's holdings and debt). */
  holding: number[];
  inHolding: Uint8Array;
  /**
   * Force-sold broker clients left out of `holding` while their loss stays 0 until the broker touches them
   * (solvent-clients.ts), and the minute a held client is next asked that (hourly: the answer moves only with
   * the run's lowest prices to come and the interest left to accrue).
   */
  solvent: Uint8Array;
  askSolventAt: Int32Array;
  /** Traders with a loss above zero now. */
  owing: number;
  /** Position of each trader read so far in tally.liquidatedTraders (the order the sum runs in). */
  order: Int32Array;
  /** Traders with a loss above zero (and some that fell to zero since the list was last compacted). */
  owingList: number[];
  inOwing: Uint8Array;
  /** Someone joined or left the owing: compact and re-sort owingList before summing. */
  regroup: boolean;
  /** A socialised loss has been charged on a venue (some market's loss index is above zero). */
  socialised: boolean;
  /** Some loss moved since `total` was summed. */
  dirty: boolean;
  total: number;
}

/** A liquidated trader whose equity can move with prices, funding or interest, untouched. */
function stillHolding(run: RunState, i: number): boolean {
  const venueCode = run.venueOf[i];
  if (venueCode === VENUE.broker) return true;
  const venue =
    venueCode === VENUE.onshore ? run.onshore : venueCode === VENUE.offshore ? run.offshore : null;
  if (!venue) return false;
  // The markets by name (MARKET_IDS), not `for … in`: a liquidated trader still holding is asked every frame.
  const positions = venue.exchange.accounts[run.accountOf[i]!]!.positions;
  return !!(positions.BTC || positions.ETH || positions.ALT);
}

function reread(run: RunState, watch: OwedWatch, i: number): void {
  const before = watch.owed[i]!;
  owedInto(run, i, watch.owed);
  const now = watch.owed[i]!;
  watch.owing += (now > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
  if (now !== before) {
    watch.dirty = true;
    if (now > 0 && !watch.inOwing[i]) {
      watch.inOwing[i] = 1;
      watch.owingList.push(i);
    }
    if (now > 0 !== before > 0) watch.regroup = true;
  }
  if (!watch.inHolding[i] && stillHolding(run, i) && !parkedSolvent(run, watch, i)) {
    watch.inHolding[i] = 1;
    watch.holding.push(i);
  }
}

/** Minutes between asking a held broker client whether it can be left out until touched. */
const ASK_SOLVENT_EVERY = 60;

/**
 * A broker client owing nothing that cannot come to owe before it is touched is left out of the frames'
 * re-reads (marked `solvent`) until the broker reports it touched (rereadTouchedClients).
 */
function parkedSolvent(run: RunState, watch: OwedWatch, i: number): boolean {
  if (run.venueOf[i] !== VENUE.broker || watch.owed[i] !== 0) return false;
  if (run.minute < watch.askSolventAt[i]!) return false;
  watch.askSolventAt[i] = run.minute + ASK_SOLVENT_EVERY;
  if (!solventUntilTouched(run, run.accountOf[i]!, run.minute)) return false;
  watch.solvent[i] = 1;
  return true;
}

/**
 * lossBeyondDeposits(run, i), the same arithmetic, written into owed[i]: a number returned from a call that is
 * not inlined is boxed, once per re-read trader and frame.
 */
function owedInto(run: RunState, i: number, owed: Float64Array): void {
  const start = run.population.capital[i]! + run.population.securities[i]!;
  traderEquityInto(run, i, owed, i);
  const venueEquity = owed[i]! - run.reserve[i]!;
  owed[i] = venueEquity < -1e-9 * start ? -venueEquity : 0;
}

/**
 * Losses beyond deposits now, with the watch kept in the run's frame builder (a WeakMap by run was a lookup
 * in the runtime every frame). Called before class equity drains the touched lists (pushFrameRow).
 */
function lossesBeyondDepositsNow(run: RunState, frames: FrameBuilder): number {
  let watch = frames.owed;
  if (!watch) {
    const n = run.population.count;
    watch = frames.owed = {
      seen: 0,
      owed: new Float64Array(n),
      holding: [],
      inHolding: new Uint8Array(n),
      solvent: new Uint8Array(n),
      askSolventAt: new Int32Array(n),
      owing: 0,
      order: new Int32Array(n),
      owingList: [],
      inOwing: new Uint8Array(n),
      regroup: false,
      socialised: false,
      dirty: false,
      total: 0,
    };
  }
  rereadTouched(run, watch, run.onshore);
  if (run.offshore) rereadTouched(run, watch, run.offshore);
  rereadTouchedClients(run, watch);
  // Those still holding: re-read each frame, and dropped from the list once nothing is held (or, a broker
  // client, once it cannot come to owe until touched).
  let kept = 0;
  for (const i of watch.holding) {
    reread(run, watch, i);
    if (stillHolding(run, i) && !parkedSolvent(run, watch, i)) watch.holding[kept++] = i;
    else watch.inHolding[i] = 0;
  }
  // Set only when it changed: setting an array's length costs about 30 ns even to the length it has.
  if (kept !== watch.holding.length) watch.holding.length = kept;
  const all = run.tally.liquidatedTraders;
  for (; watch.seen < all.length; watch.seen++) {
    watch.order[all[watch.seen]!] = watch.seen;
    reread(run, watch, all[watch.seen]!);
  }
  // A loss index only grows (liquidation.ts adds each socialised loss per coin), so once one is above zero the
  // run stays socialised: asked until then, remembered after.
  if (!watch.socialised) watch.socialised = socialisedSoFar(run);
  if (watch.socialised) {
    // A socialised loss is charged to every open position and can exceed a margin (model.md): after one, any
    // trader may owe more than it put in, so every trader is counted (and the sum is taken afresh next frame).
    watch.dirty = true;
    let scanned = 0;
    for (let i = 0; i < run.population.count; i++) scanned += lossBeyondDeposits(run, i);
    return scanned;
  }
  if (!watch.dirty) return watch.total;
  watch.dirty = false;
  // Summed over the owing in the order traders were liquidated: the same additions, bit for bit, as a scan of
  // every liquidated trader (zeros add nothing), and only when some loss moved since the last frame (issue 16:
  // the scan of all liquidated traders at every frame was 9% of a 100,000 × 30 d run).
  const list = watch.owingList;
  if (watch.regroup) {
    watch.regroup = false;
    let kept = 0;
    for (const i of list) {
      if (watch.owed[i]! > 0) list[kept++] = i;
      else watch.inOwing[i] = 0;
    }
    list.length = kept;
    const order = watch.order;
    list.sort((a, b) => order[a]! - order[b]!);
  }
  let total = 0;
  for (const i of list) total += watch.owed[i]!;
  watch.total = total;
  return total;
}

/** Liquidated traders the venue reports touched since the last frame, not yet re-read as holding. */
function rereadTouched(run: RunState, watch: OwedWatch, venue: Venue): void {
  if (!venue.exchange.touched) return;
  for (const id of venue.exchange.touched.ids) {
    const i = venue.traderOf[id] ?? -1;
    if (i >= 0 && run.liquidated[i] && !watch.inHolding[i]) reread(run, watch, i);
  }
}

/** Solvent broker clients the broker reports touched since the last frame: re-read (and held again, or not). */
function rereadTouchedClients(run: RunState, watch: OwedWatch): void {
  const touched = run.broker.touched;
  if (!touched) return;
  for (const id of touched.ids) {
    const i = run.brokerTraderOf[id] ?? -1;
    if (i >= 0 && watch.solvent[i]) {
      watch.solvent[i] = 0;
      watch.askSolventAt[i] = 0;
      reread(run, watch, i);
    }
  }
}

// Venue by venue, not a loop over [onshore, offshore]: that list was a new array every frame.
function socialisedSoFar(run: RunState): boolean {
  return socialisedOn(run.onshore) || (run.offshore !== null && socialisedOn(run.offshore));
}

function socialisedOn(venue: Venue): boolean {
  const markets = venue.exchange.markets;
  return markets.BTC.lossIndex > 0 || markets.ETH.lossIndex > 0 || markets.ALT.lossIndex > 0;
}

function fundOfVenue(markets: ExchangeState['markets']): number {
  return markets.BTC.insuranceFund + markets.ETH.insuranceFund + markets.ALT.insuranceFund;
}

/** Whether `listed` holds ALT: a loop over at most three names (`includes` was a call into the runtime a frame). */
function listsAlt(listed: readonly MarketId[]): boolean {
  for (let j = 0; j < listed.length; j++) if (listed[j] === 'ALT') return true;
  return false;
}

/**
 * Appends the frame row now to `frames`, written field by field straight into the columns: a row object in
 * between (even one kept from frame to frame) cost a boxed number per field and frame, a quarter of a classroom
 * run's allocation. The columns are written through their one block, in FRAME_FIELDS order (each column's
 * typed array loaded from the columns object was a fifth of the row's time); frame-columns.test.ts checks
 * every field lands in its column, across growth.
 */
export function pushFrameRow(run: RunState, frames: FrameBuilder): void {
  const exchange = run.onshore.exchange;
  const btc = exchange.markets.BTC;
  const eth = exchange.markets.ETH;
  const alt = exchange.markets.ALT;
  // Where the venue does not list ALT, the chart's ALT lines are its index.
  const altListed = listsAlt(exchange.listed);
  const altIndex = altListed ? alt.indexPrice : run.path.alt[run.minute]!;
  const n = nextFrameSlot(frames);
  const losses = lossesBeyondDepositsNow(run, frames);
  const equity = run.classEquity.byClass(run);
  // Field by field in FRAME_FIELDS order, each column `capacity` numbers after the one before it in the block.
  const b = frames.block;
  const step = frames.capacity;
  let at = n;
  b[at] = run.minute;
  b[(at += step)] = btc.indexPrice;
  b[(at += step)] = btc.markPrice;
  b[(at += step)] = btc.tradedPrice;
  b[(at += step)] = eth.indexPrice;
  b[(at += step)] = eth.markPrice;
  b[(at += step)] = eth.tradedPrice;
  b[(at += step)] = altIndex;
  b[(at += step)] = altListed ? alt.markPrice : altIndex;
  b[(at += step)] = altListed ? alt.tradedPrice : altIndex;
  b[(at += step)] =
    btc.longOpenInterest * btc.markPrice +
    eth.longOpenInterest * eth.markPrice +
    alt.longOpenInterest * alt.markPrice;
  b[(at += step)] = btc.lastFundingRate;
  // Both venues' funds, as the summary counts them (outcome-figures.ts): the stage's counter at the last
  // frame is the end-of-run table's figure, leakage venue included.
  b[(at += step)] =
    btc.insuranceFund +
    eth.insuranceFund +
    alt.insuranceFund +
    (run.offshore ? fundOfVenue(run.offshore.exchange.markets) : 0);
  b[(at += step)] = run.tally.liquidations;
  b[(at += step)] = run.tally.liquidatedNotional;
  b[(at += step)] = run.tally.adlEvents;
  b[(at += step)] = equity[0]!;
  b[(at += step)] = equity[1]!;
  b[(at += step)] = run.tally.liquidatedTraders.length;
  b[(at += step)] = losses;
  frames.length++;
}
