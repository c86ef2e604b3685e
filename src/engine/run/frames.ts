/**
 * Frames for the charts: one row every `frameEveryMinutes`, kept as a struct of growable Float64Arrays so the
 * worker can hand them to the page as transferable buffers.
 */
import type { OwedWatch } from './observe.ts';

/** In the order of the columns in a builder's block (observe.ts pushFrameRow writes them in this order). */
export const FRAME_FIELDS = [
  'minute',
  'btcIndex',
  'btcMark',
  'btcTraded',
  'ethIndex',
  'ethMark',
  'ethTraded',
  /** ALT on the rule set's own venue; where it does not list ALT, its mark and traded price are the index. */
  'altIndex',
  'altMark',
  'altTraded',
  /** Long open interest on the venue, all markets, in USD at mark (= short open interest). */
  'openInterest',
  'fundingRateBtc',
  'insuranceFund',
  'liquidations',
  'liquidatedNotional',
  'adlEvents',
  'equityRetail',
  'equityProfessional',
  /** Traders liquidated or force-sold at least once so far (the summary's liquidations.traders at the end). */
  'liquidatedTraders',
  /** What traders owe beyond everything they put in, now (the summary's lossesBeyondDeposits at the end). */
  'lossesBeyondDeposits',
] as const;

/** Frames are for charts: at most this many per run, so a run's frames stay small whatever its length. */
export const MAX_FRAMES = 20_000;

export type FrameField = (typeof FRAME_FIELDS)[number];
export type FrameRow = Record<FrameField, number>;
export type Frames = { length: number } & Record<FrameField, Float64Array>;

export interface FrameBuilder {
  length: number;
  capacity: number;
  /** Every column, one after the other in FRAME_FIELDS order, `capacity` numbers each. */
  block: Float64Array;
  /** Views on `block`, one a field. */
  columns: Record<FrameField, Float64Array>;
  /** What the losses-beyond-deposits column keeps from frame to frame (observe.ts), made at the first frame. */
  owed: OwedWatch | null;
}

export function createFrameBuilder(capacity = 256): FrameBuilder {
  // Views on one buffer: a typed array's own buffer costs about a microsecond to allocate, and the columns are
  // only ever read through copies (framesOf, the worker's slices).
  const block = new Float64Array(capacity * FRAME_FIELDS.length);
  return { length: 0, capacity, block, columns: columnsOf(block, capacity), owed: null };
}

function columnsOf(block: Float64Array, capacity: number): Record<FrameField, Float64Array> {
  return frameColumns((field) => {
    const k = FRAME_FIELDS.indexOf(field);
    return block.subarray(k * capacity, (k + 1) * capacity);
  });
}

/**
 * One column per field, as an object literal naming every field: built by adding fields one by one under
 * computed names, the 20 columns made an object in dictionary mode (V8 gives up fast properties past about a
 * dozen added that way), and every frame's 20 column reads were hash lookups.
 */
function frameColumns(column: (field: FrameField) => Float64Array): Record<FrameField, Float64Array> {
  return {
    minute: column('minute'),
    btcIndex: column('btcIndex'),
    btcMark: column('btcMark'),
    btcTraded: column('btcTraded'),
    ethIndex: column('ethIndex'),
    ethMark: column('ethMark'),
    ethTraded: column('ethTraded'),
    altIndex: column('altIndex'),
    altMark: column('altMark'),
    altTraded: column('altTraded'),
    openInterest: column('openInterest'),
    fundingRateBtc: column('fundingRateBtc'),
    insuranceFund: column('insuranceFund'),
    liquidations: column('liquidations'),
    liquidatedNotional: column('liquidatedNotional'),
    adlEvents: column('adlEvents'),
    equityRetail: column('equityRetail'),
    equityProfessional: column('equityProfessional'),
    liquidatedTraders: column('liquidatedTraders'),
    lossesBeyondDeposits: column('lossesBeyondDeposits'),
  };
}

/**
 * The place of the next frame in the columns (grown when full); the caller writes every field at it, then
 * counts it (`builder.length++`). The run loop writes its frame straight into the columns (observe.ts
 * `pushFrameRow`): a row object in between cost a boxed number per field and frame.
 */
export function nextFrameSlot(builder: FrameBuilder): number {
  if (builder.length === builder.capacity) {
    const capacity = Math.max(16, builder.capacity * 2);
    const block = new Float64Array(capacity * FRAME_FIELDS.length);
    const columns = columnsOf(block, capacity);
    for (const field of FRAME_FIELDS) columns[field].set(builder.columns[field]);
    builder.block = block;
    builder.columns = columns;
    builder.capacity = capacity;
  }
  return builder.length;
}

export function pushFrame(builder: FrameBuilder, row: FrameRow): void {
  // Field by field, by name: a loop over FRAME_FIELDS read the row with a key the JIT cannot predict, a tenth
  // of a classroom run's frame (frames.test.ts checks every field lands in its column).
  const n = nextFrameSlot(builder);
  const c = builder.columns;
  c.minute[n] = row.minute;
  c.btcIndex[n] = row.btcIndex;
  c.btcMark[n] = row.btcMark;
  c.btcTraded[n] = row.btcTraded;
  c.ethIndex[n] = row.ethIndex;
  c.ethMark[n] = row.ethMark;
  c.ethTraded[n] = row.ethTraded;
  c.altIndex[n] = row.altIndex;
  c.altMark[n] = row.altMark;
  c.altTraded[n] = row.altTraded;
  c.openInterest[n] = row.openInterest;
  c.fundingRateBtc[n] = row.fundingRateBtc;
  c.insuranceFund[n] = row.insuranceFund;
  c.liquidations[n] = row.liquidations;
  c.liquidatedNotional[n] = row.liquidatedNotional;
  c.adlEvents[n] = row.adlEvents;
  c.equityRetail[n] = row.equityRetail;
  c.equityProfessional[n] = row.equityProfessional;
  c.liquidatedTraders[n] = row.liquidatedTraders;
  c.lossesBeyondDeposits[n] = row.lossesBeyondDeposits;
  builder.length++;
}

/** The frames so far, trimmed to their length (copies, so the builder can keep growing). */
export function framesOf(builder: FrameBuilder): Frames {
  const columns = frameColumns((field) => builder.columns[field].slice(0, builder.length));
  return { length: builder.length, ...columns };
}
