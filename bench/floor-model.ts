/**
 * The floor model: the least a perpetual-contract venue of this engine's kind costs on the machine the bench
 * runs on, timed in the same process as the engine's rows, so that the engine's figures can be read against
 * what the hardware allows that day (issue 16 sets its targets against such a prototype: "410–600 ns per event
 * and 70–90 ns per step … about 0.12 s for 100,000 × 30 days"; this machine's speed moves by 2× from one
 * session to the next, the model's time moves with it).
 *
 * It is written the way the prototype was described, and is not the engine: one market, traders in flat
 * typed arrays, entries and exits bucketed by minute, isolated margin at a fixed maintenance rate with the
 * liquidation price fixed at entry (funding is paid from a wallet apart), longs' and shorts' thresholds in two
 * typed heaps, one frame row a minute, and the checksum folded from scalars where each event happens. Of the
 * engine it uses only the seeded stream (prng.ts) and the typed heap (fast/heap.ts), so it does not move with the
 * engine's state or mechanics; a change to it changes every "÷ floor" figure and must say so in the notes.
 */

import { KeyedHeap } from '../src/engine/fast/heap.ts';
import { nextFloat, nextNormal, seedPrng } from '../src/engine/prng.ts';

/** Minutes between funding payments (8 h, as the venues' presets). */
const FUNDING_EVERY = 480;
/** Maintenance margin rate and taker fee (one flat tier; Binance's first BTC tier is 0.4%). */
const MMR = 0.004;
const FEE = 0.0005;
/** The minute's volatility of the log price (about 7.6% a day: a volatile market). */
const SIGMA = 0.002;
/** Mean holding time, minutes. */
const MEAN_HOLD = 360;
const FRAME_FIELDS = 4;

export interface FloorRun {
  events: number;
  steps: number;
  liquidations: number;
  /** 16 hex digits, folded from every event's trader, minute and price. */
  checksum: string;
  /** Per trader, the minute it left (closed or liquidated), and 1 where it was liquidated. */
  leftAt: Int32Array;
  liquidated: Uint8Array;
  /** The insurance fund at the end (what liquidations left), and what the traders took back in all. */
  insuranceFund: number;
  returned: number;
  /**
   * Deposits less where they went (traders' returns, the insurance fund, fees, the liquidity provider, who takes
   * the other side of every fill and receives funding), relative to the deposits: 0 up to rounding.
   */
  conservationError: number;
}

/** The checksum's two 32-bit lanes and the words of a float, folded FNV-1a style. */
const floatWords = new Float64Array(1);
const words = new Uint32Array(floatWords.buffer);
let laneA = 0;
let laneB = 0;
function fold(word: number): void {
  laneA = Math.imul(laneA ^ word, 0x01000193) >>> 0;
  laneB = Math.imul(laneB ^ (word + 0x9e3779b9), 0x85ebca6b) >>> 0;
}
function foldFloat(x: number): void {
  floatWords[0] = x;
  fold(words[0]!);
  fold(words[1]!);
}
function foldEvent(kind: number, id: number, minute: number, price: number): void {
  fold(kind);
  fold(id);
  fold(minute);
  foldFloat(price);
}

const OPEN = 1;
const CLOSED = 2;

/** What a floor-model run draws from its seed: the path and the traders, column by column. */
export interface FloorMarket {
  minutes: number;
  /** Each minute's close, and its low and high around the move (index 0: the opening price). */
  close: Float64Array;
  low: Float64Array;
  high: Float64Array;
  entryMinute: Int32Array;
  /** Minutes held before the trader closes (unless liquidated first). */
  hold: Int32Array;
  side: Int8Array;
  leverage: Float64Array;
  margin: Float64Array;
}

/** The path and `traders` traders over `minutes` one-minute steps, drawn from `seed`. */
export function drawFloorMarket(traders: number, minutes: number, seed: number): FloorMarket {
  if (!(Number.isInteger(traders) && traders >= 1)) throw new Error('traders: a whole number ≥ 1');
  if (!(Number.isInteger(minutes) && minutes >= 1)) throw new Error('minutes: a whole number ≥ 1');
  const rng = seedPrng(seed);
  const close = new Float64Array(minutes + 1);
  const low = new Float64Array(minutes + 1);
  const high = new Float64Array(minutes + 1);
  close[0] = low[0] = high[0] = 60_000;
  for (let t = 1; t <= minutes; t++) {
    const next = close[t - 1]! * Math.exp(SIGMA * nextNormal(rng));
    const wick = 1 + SIGMA * Math.abs(nextNormal(rng)) * 0.5;
    close[t] = next;
    low[t] = Math.min(next, close[t - 1]!) / wick;
    high[t] = Math.max(next, close[t - 1]!) * wick;
  }
  const entryMinute = new Int32Array(traders);
  const hold = new Int32Array(traders);
  const side = new Int8Array(traders);
  const leverage = new Float64Array(traders);
  const margin = new Float64Array(traders);
  for (let i = 0; i < traders; i++) {
    entryMinute[i] = Math.floor(nextFloat(rng) * minutes);
    side[i] = nextFloat(rng) < 0.5 ? 1 : -1;
    leverage[i] = Math.exp(nextFloat(rng) * Math.log(50));
    margin[i] = 100 * Math.exp(nextNormal(rng));
    hold[i] = 1 + Math.floor(-Math.log(1 - nextFloat(rng)) * MEAN_HOLD);
  }
  return { minutes, close, low, high, entryMinute, hold, side, leverage, margin };
}

/** One run of `traders` over `minutes` one-minute steps: drawn from `seed`, then minute by minute. */
export function runFloorModel(traders: number, minutes: number, seed: number): FloorRun {
  return simulateFloor(drawFloorMarket(traders, minutes, seed), seed);
}

/**
 * The market's traders minute by minute: at each minute the funding payment (every FUNDING_EVERY), the longs
 * whose threshold the minute's low crossed and the shorts whose threshold its high crossed (liquidated at it),
 * the closes due, then the entries at the minute's close; one frame row. `salt` starts the checksum.
 */
export function simulateFloor(market: FloorMarket, salt: number): FloorRun {
  const { minutes, close, low, high, entryMinute, hold, side, leverage, margin } = market;
  const traders = entryMinute.length;
  // Entries bucketed by minute (a counting sort): those entering at minute t are entrants[start[t]…start[t+1]).
  const start = new Int32Array(minutes + 2);
  for (let i = 0; i < traders; i++) start[entryMinute[i]! + 1]!++;
  for (let t = 0; t <= minutes; t++) start[t + 1]! += start[t]!;
  const entrants = new Int32Array(traders);
  const filled = start.slice(0, minutes + 1);
  for (let i = 0; i < traders; i++) entrants[filled[entryMinute[i]!]!++] = i;
  // Exits bucketed by minute: a list per minute through `nextExit`.
  const exitHead = new Int32Array(minutes + 1).fill(-1);
  const nextExit = new Int32Array(traders);
  const state = new Uint8Array(traders);
  const leftAt = new Int32Array(traders);
  const liquidated = new Uint8Array(traders);
  const qty = new Float64Array(traders);
  const entryPrice = new Float64Array(traders);
  const fundingSnapshot = new Float64Array(traders);
  // The engine's heap (fast/heap.ts); the floor never deletes an entry, so every version is 0.
  const longs = new KeyedHeap(-1);
  const shorts = new KeyedHeap(1);
  const frames = new Float64Array((minutes + 1) * FRAME_FIELDS);
  laneA = 0x811c9dc5;
  laneB = salt >>> 0;
  let deposits = 0;
  let returned = 0;
  let insuranceFund = 0;
  let fees = 0;
  let provider = 0;
  let openInterest = 0;
  let fundingIndex = 0;
  let events = 0;
  let liquidations = 0;
  const closeAt = (i: number, price: number, t: number) => {
    const size = side[i]! * qty[i]!;
    const fee = FEE * qty[i]! * price;
    const funding = size * (fundingIndex - fundingSnapshot[i]!);
    const pnl = size * (price - entryPrice[i]!);
    fees += fee;
    returned += margin[i]! + pnl - fee - funding;
    provider += funding - pnl;
    openInterest -= qty[i]!;
    state[i] = CLOSED;
    leftAt[i] = t;
    foldEvent(2, i, t, price);
    events++;
  };
  const liquidate = (i: number, price: number, t: number) => {
    // The position is taken over at its liquidation price; what equity is left goes to the insurance fund.
    const size = side[i]! * qty[i]!;
    const funding = size * (fundingIndex - fundingSnapshot[i]!);
    const pnl = size * (price - entryPrice[i]!);
    insuranceFund += margin[i]! + pnl;
    returned -= funding; // funding is settled from the wallet apart, as at a close
    provider += funding - pnl;
    openInterest -= qty[i]!;
    state[i] = CLOSED;
    leftAt[i] = t;
    liquidated[i] = 1;
    liquidations++;
    foldEvent(3, i, t, price);
    events++;
  };
  for (let t = 0; t <= minutes; t++) {
    const price = close[t]!;
    if (t > 0) {
      if (t % FUNDING_EVERY === 0) fundingIndex += 0.0001 * price;
      // Longs whose threshold the minute's low crossed, then shorts the high crossed.
      while (longs.size > 0 && low[t]! <= longs.peekKey()) {
        const i = longs.peekId();
        const key = longs.peekKey();
        longs.pop();
        if (state[i] === OPEN) liquidate(i, key, t);
      }
      while (shorts.size > 0 && high[t]! >= shorts.peekKey()) {
        const i = shorts.peekId();
        const key = shorts.peekKey();
        shorts.pop();
        if (state[i] === OPEN) liquidate(i, key, t);
      }
      for (let i = exitHead[t]!; i >= 0; i = nextExit[i]!) if (state[i] === OPEN) closeAt(i, price, t);
    }
    for (let k = start[t]!; k < start[t + 1]!; k++) {
      const i = entrants[k]!;
      const s = side[i]!;
      const fill = price * (1 + s * FEE);
      const q = (margin[i]! * leverage[i]!) / fill;
      deposits += margin[i]!;
      qty[i] = q;
      entryPrice[i] = fill;
      fundingSnapshot[i] = fundingIndex;
      openInterest += q;
      state[i] = OPEN;
      // Equity margin + s·q·(P − fill) meets maintenance MMR·q·P at P = (fill·q·s − margin) / (q·(s − MMR)).
      const threshold = (fill * q * s - margin[i]!) / (q * (s - MMR));
      if (s === 1) longs.push(threshold, i, 0);
      else shorts.push(threshold, i, 0);
      const out = Math.min(t + hold[i]!, minutes);
      nextExit[i] = exitHead[out]!;
      exitHead[out] = i;
      foldEvent(1, i, t, fill);
      foldFloat(q);
      events++;
    }
    const at = t * FRAME_FIELDS;
    frames[at] = price;
    frames[at + 1] = openInterest;
    frames[at + 2] = insuranceFund;
    frames[at + 3] = fundingIndex;
  }
  // Positions still open at the end (an entry at the last minute) are closed at the last close.
  for (let i = 0; i < traders; i++) if (state[i] === OPEN) closeAt(i, close[minutes]!, minutes);
  const hex = (x: number) => x.toString(16).padStart(8, '0');
  return {
    events,
    steps: minutes,
    liquidations,
    checksum: hex(laneA) + hex(laneB),
    leftAt,
    liquidated,
    insuranceFund,
    returned,
    conservationError:
      Math.abs(deposits - returned - insuranceFund - fees - provider) / Math.max(1, deposits),
  };
}
