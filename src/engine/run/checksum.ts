/**
 * A checksum of a run's event stream, so two runs (in Node and in the worker, today and from a shared link
 * next year) can be compared with one string. FNV-1a, 2 × 32 bits, over each event's fields in order: the
 * length of the key, then its value (a number as the two halves of its IEEE-754 bits, so no text formatting
 * sits in the hot path and no two numbers collide by printing alike; a string by its characters; nested
 * objects and arrays field by field). Key names are not hashed character by character: the same code builds
 * the same shape, and the event's type (a value) says which shape. Fields whose value is undefined are
 * skipped. (So -0 and 0 differ, and checksums from before 2026-11-22, taken over JSON text, do not match.)
 *
 * The run's routine events (fills, spot trades, loans, interest, repayments: 9 in 10 of a large run's events)
 * are folded by `foldRunEvent` through their fields by name, in the order their one builder writes them, which
 * gives the same bits as the generic walk without its keyed loads (issue 16: about 450 ns an event);
 * checksum.test.ts checks both folds equal on every event of runs under every preset. Those folds take the
 * fields as values (`foldFillFields` …), so a run that keeps no routine event folds each where it is built,
 * with no object (routine-fold.ts).
 */
import type { RunEvent } from './run-events.ts';

export interface Checksum {
  a: number;
  b: number;
}

export function emptyChecksum(): Checksum {
  return { a: 0x811c9dc5, b: 0x01000193 ^ 0x9e3779b9 };
}

/**
 * Type markers, folded before each value so that "1" and 1, or [] and {}, differ: NUMBER 0x110001, STRING
 * 0x110002, TRUE 0x110003, FALSE 0x110004, NULL 0x110005, ARRAY 0x110006, OBJECT 0x110007, END 0x110008. The
 * two halves' FNV primes: P_A 0x01000193, P_B 0x0100019d. All written out where they are folded, the marker
 * named in a comment: V8 11.3 reads a module's constant from the module at every use, with a type check, and
 * a number is several of them (the fold is about 5% of a 100,000-trader run's profile, issue 16).
 *
 * The fold's state in locals where it can be: a unit is two multiplications, and events are mostly short
 * strings (types, venues, sides) and numbers, so field writes and calls per unit were most of its cost.
 */
class Folder {
  a = 0;
  b = 0;
  /** A number's bits and their two halves, the folder's own (a field's load, where a module's is checked). */
  private readonly bits = new Float64Array(1);
  private readonly halves = new Uint32Array(this.bits.buffer);

  unit(c: number): void {
    this.a = Math.imul(this.a ^ c, 0x01000193) >>> 0;
    this.b = Math.imul(this.b ^ c, 0x0100019d) >>> 0;
  }

  /** STRING, each character, END. */
  string(s: string): void {
    let a = Math.imul(this.a ^ 0x110002, 0x01000193) >>> 0; // STRING
    let b = Math.imul(this.b ^ 0x110002, 0x0100019d) >>> 0; // STRING
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x0100019d) >>> 0;
    }
    this.a = Math.imul(a ^ 0x110008, 0x01000193) >>> 0; // END
    this.b = Math.imul(b ^ 0x110008, 0x0100019d) >>> 0; // END
  }

  /** NUMBER, then the two halves of its IEEE-754 bits. */
  number(v: number): void {
    this.bits[0] = v;
    const low = this.halves[0]!;
    const high = this.halves[1]!;
    let a = Math.imul(this.a ^ 0x110001, 0x01000193) >>> 0; // NUMBER
    let b = Math.imul(this.b ^ 0x110001, 0x0100019d) >>> 0; // NUMBER
    a = Math.imul(a ^ low, 0x01000193) >>> 0;
    b = Math.imul(b ^ low, 0x0100019d) >>> 0;
    this.a = Math.imul(a ^ high, 0x01000193) >>> 0;
    this.b = Math.imul(b ^ high, 0x0100019d) >>> 0;
  }

  value(v: unknown): void {
    switch (typeof v) {
      case 'number':
        return this.number(v);
      case 'string':
        return this.string(v);
      case 'boolean':
        this.unit(v ? 0x110003 : 0x110004); // TRUE, FALSE
        return;
      case 'object':
        if (v === null) this.unit(0x110005 /* NULL */);
        else if (Array.isArray(v)) {
          this.unit(0x110006); // ARRAY
          for (const item of v) this.value(item);
          this.unit(0x110008); // END
        } else this.record(v as Record<string, unknown>);
        return;
      default:
        // undefined, functions and symbols carry no data an event may have.
        this.unit(0x110005); // NULL
    }
  }

  /** One field as record() folds it: skipped when undefined, else its key's length and its value. */
  field(keyLength: number, field: unknown): void {
    if (field === undefined) return;
    this.unit(keyLength);
    if (typeof field === 'number') this.number(field);
    else if (typeof field === 'string') this.string(field);
    else this.value(field);
  }

  /** field() for a field that holds a number (its key's length, NUMBER, the two halves), in one call. */
  num(keyLength: number, v: number): void {
    if (typeof v !== 'number') return this.field(keyLength, v);
    this.bits[0] = v;
    const low = this.halves[0]!;
    const high = this.halves[1]!;
    let a = Math.imul(this.a ^ keyLength, 0x01000193) >>> 0;
    let b = Math.imul(this.b ^ keyLength, 0x0100019d) >>> 0;
    a = Math.imul(a ^ 0x110001, 0x01000193) >>> 0; // NUMBER
    b = Math.imul(b ^ 0x110001, 0x0100019d) >>> 0; // NUMBER
    a = Math.imul(a ^ low, 0x01000193) >>> 0;
    b = Math.imul(b ^ low, 0x0100019d) >>> 0;
    this.a = Math.imul(a ^ high, 0x01000193) >>> 0;
    this.b = Math.imul(b ^ high, 0x0100019d) >>> 0;
  }

  /** field() for a field that holds a string (its key's length, STRING, each character, END), in one call. */
  str(keyLength: number, s: string): void {
    if (typeof s !== 'string') return this.field(keyLength, s);
    let a = Math.imul(this.a ^ keyLength, 0x01000193) >>> 0;
    let b = Math.imul(this.b ^ keyLength, 0x0100019d) >>> 0;
    a = Math.imul(a ^ 0x110002, 0x01000193) >>> 0; // STRING
    b = Math.imul(b ^ 0x110002, 0x0100019d) >>> 0; // STRING
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x0100019d) >>> 0;
    }
    this.a = Math.imul(a ^ 0x110008, 0x01000193) >>> 0; // END
    this.b = Math.imul(b ^ 0x110008, 0x0100019d) >>> 0; // END
  }

  /** OBJECT, then each defined field's key length and value, END. */
  record(record: Record<string, unknown>): void {
    this.unit(0x110007); // OBJECT
    for (const key in record) {
      const field = record[key];
      if (field === undefined) continue;
      this.unit(key.length);
      // The usual fields inline; anything else through value().
      if (typeof field === 'number') this.number(field);
      else if (typeof field === 'string') this.string(field);
      else this.value(field);
    }
    this.unit(0x110008); // END
  }
}

const folder = new Folder();

type Tagged<T extends RunEvent['type']> = Extract<RunEvent, { type: T }>;

// Each of these lists its event's fields in the order of the one literal that builds it (perp/orders.ts fill,
// broker/spot.ts tradeEvent, loan-ledger.ts repayWithEvent, interest-accrual.ts charge, financing.ts advance),
// then the run's tags (record.ts: venue, trader). A field added there must be added here. They take the
// fields as values, so the run can fold an event it does not keep where it is built, with no object
// (routine-fold.ts); foldRunEvent passes them from the event.

/** Starts a fold: the folder takes the checksum's state. */
function begin(checksum: Checksum): Folder {
  const f = folder;
  f.a = checksum.a;
  f.b = checksum.b;
  return f;
}

/** Ends a fold: the checksum takes the folder's state. */
function end(f: Folder, checksum: Checksum): void {
  checksum.a = f.a;
  checksum.b = f.b;
}

export function foldFillFields(
  checksum: Checksum,
  step: number,
  account: number,
  counterparty: number,
  market: string,
  side: string,
  qty: number,
  price: number,
  fee: number,
  realisedPnl: number,
  sizeAfter: number,
  venue: string,
  trader: number | null,
): void {
  const f = begin(checksum);
  f.unit(0x110007); // OBJECT
  f.str(4, 'fill');
  f.num(4, step);
  f.num(7, account);
  f.num(12, counterparty);
  f.str(6, market);
  f.str(4, side);
  f.num(3, qty);
  f.num(5, price);
  f.num(3, fee);
  f.num(11, realisedPnl);
  f.num(9, sizeAfter);
  f.str(5, venue);
  f.field(6, trader);
  f.unit(0x110008); // END
  end(f, checksum);
}

export function foldSpotTradeFields(
  checksum: Checksum,
  step: number,
  client: number,
  asset: string,
  side: string,
  qty: number,
  price: number,
  fee: number,
  venue: string,
  trader: number | null,
): void {
  const f = begin(checksum);
  f.unit(0x110007); // OBJECT
  f.str(4, 'spot-trade');
  f.num(4, step);
  f.num(6, client);
  f.str(5, asset);
  f.str(4, side);
  f.num(3, qty);
  f.num(5, price);
  f.num(3, fee);
  f.str(5, venue);
  f.field(6, trader);
  f.unit(0x110008); // END
  end(f, checksum);
}

export function foldRepaymentFields(
  checksum: Checksum,
  step: number,
  client: number,
  source: string,
  interestPaid: number,
  principalPaid: number,
  debtAfter: number,
  venue: string,
  trader: number | null,
): void {
  const f = begin(checksum);
  f.unit(0x110007); // OBJECT
  f.str(4, 'repayment');
  f.num(4, step);
  f.num(6, client);
  f.str(6, source);
  f.num(12, interestPaid);
  f.num(13, principalPaid);
  f.num(9, debtAfter);
  f.str(5, venue);
  f.field(6, trader);
  f.unit(0x110008); // END
  end(f, checksum);
}

export function foldInterestFields(
  checksum: Checksum,
  step: number,
  client: number,
  principal: number,
  hours: number,
  hourlyRate: number,
  amount: number,
  interestAfter: number,
  venue: string,
  trader: number | null,
): void {
  const f = begin(checksum);
  f.unit(0x110007); // OBJECT
  f.str(4, 'interest');
  f.num(4, step);
  f.num(6, client);
  f.num(9, principal);
  f.num(5, hours);
  f.num(10, hourlyRate);
  f.num(6, amount);
  f.num(13, interestAfter);
  f.str(5, venue);
  f.field(6, trader);
  f.unit(0x110008); // END
  end(f, checksum);
}

export function foldLoanFields(
  checksum: Checksum,
  step: number,
  client: number,
  amount: number,
  purpose: string,
  debtAfter: number,
  lendingValueAfter: number,
  ltvAfter: number | null,
  brokerLoansAfter: number,
  venue: string,
  trader: number | null,
): void {
  const f = begin(checksum);
  f.unit(0x110007); // OBJECT
  f.str(4, 'loan');
  f.num(4, step);
  f.num(6, client);
  f.num(6, amount);
  f.str(7, purpose);
  f.num(9, debtAfter);
  f.num(17, lendingValueAfter);
  f.field(8, ltvAfter);
  f.num(16, brokerLoansAfter);
  f.str(5, venue);
  f.field(6, trader);
  f.unit(0x110008); // END
  end(f, checksum);
}

const foldFill = (c: Checksum, e: Tagged<'fill'>): void =>
  foldFillFields(
    c,
    e.step,
    e.account,
    e.counterparty,
    e.market,
    e.side,
    e.qty,
    e.price,
    e.fee,
    e.realisedPnl,
    e.sizeAfter,
    e.venue,
    e.trader,
  );

const foldSpotTrade = (c: Checksum, e: Tagged<'spot-trade'>): void =>
  foldSpotTradeFields(c, e.step, e.client, e.asset, e.side, e.qty, e.price, e.fee, e.venue, e.trader);

const foldRepayment = (c: Checksum, e: Tagged<'repayment'>): void =>
  foldRepaymentFields(
    c,
    e.step,
    e.client,
    e.source,
    e.interestPaid,
    e.principalPaid,
    e.debtAfter,
    e.venue,
    e.trader,
  );

const foldInterest = (c: Checksum, e: Tagged<'interest'>): void =>
  foldInterestFields(
    c,
    e.step,
    e.client,
    e.principal,
    e.hours,
    e.hourlyRate,
    e.amount,
    e.interestAfter,
    e.venue,
    e.trader,
  );

const foldLoan = (c: Checksum, e: Tagged<'loan'>): void =>
  foldLoanFields(
    c,
    e.step,
    e.client,
    e.amount,
    e.purpose,
    e.debtAfter,
    e.lendingValueAfter,
    e.ltvAfter,
    e.brokerLoansAfter,
    e.venue,
    e.trader,
  );

/** Folds one of the run's events: the same bits as foldEvent, the routine ones field by field by name. */
export function foldRunEvent(checksum: Checksum, event: RunEvent): void {
  switch (event.type) {
    case 'fill':
      return foldFill(checksum, event);
    case 'spot-trade':
      return foldSpotTrade(checksum, event);
    case 'repayment':
      return foldRepayment(checksum, event);
    case 'interest':
      return foldInterest(checksum, event);
    case 'loan':
      return foldLoan(checksum, event);
    default: {
      const f = begin(checksum);
      f.value(event);
      end(f, checksum);
    }
  }
}

/** Folds one event (plain data: numbers, strings, booleans, null, arrays, objects) into the checksum. */
export function foldEvent(checksum: Checksum, event: unknown): void {
  folder.a = checksum.a;
  folder.b = checksum.b;
  folder.value(event);
  checksum.a = folder.a;
  checksum.b = folder.b;
}

export function checksumHex(checksum: Checksum): string {
  return checksum.a.toString(16).padStart(8, '0') + checksum.b.toString(16).padStart(8, '0');
}
