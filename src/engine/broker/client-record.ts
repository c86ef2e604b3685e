/**
 * A broker client and its holdings with their numbers in rows of Float64Array blocks (issue 16), as
 * perp/position.ts keeps a position's. A plain client was 11 heap objects (the client, a heap number for each
 * of its five money fields, a holdings object and its four units), kept for the run and copied by the
 * collector as they outlived its first collections; a 100,000-trader run opens about 40,000, and a client's
 * exit was mostly cache misses on those scattered objects. A record is one small object and its row; the numbers
 * read and write as the plain fields did, the same bits (a Float64Array keeps every double as it is, −0
 * included). A client's row is found by its id (ClientRows); other holdings' rows are taken in order and never
 * reused.
 *
 * A Client is its own holdings (`client.holdings === client`), so reading a client's units loads no other
 * object. Every other broker Holdings is a HoldingsRow (the liquidity provider's, the estate's, the sums, a
 * door's probe): a site that reads both sees two classes with the same getters and the row at the same place.
 */
import type { InvestorClass } from '../perp/rules.ts';
import type { BrokerAsset, Holdings, MarginCall } from './broker-state.ts';
import type { InterestBook } from './interest-book.ts';

/** A client's row: cash, principal, interest, hourly interest, the four units, deposited. */
const CLIENT_FIELDS = 9;
/**
 * Client rows per block: 128 (9 KB). A classroom run opens 200 clients: with blocks of 1,024 (72 KB), each run's
 * new block and its memory outside the heap doubled the collector's time in a profile of classroom HK.
 */
const CLIENT_SHIFT = 7;
const CLIENT_MASK = (1 << CLIENT_SHIFT) - 1;

/**
 * A broker's client rows, by client id: client `id`'s row is block `id >> 7`, from (`id` & 127) × 9. Found by
 * id, a row's load need not wait for the client object's (clientUnits).
 */
export class ClientRows {
  readonly blocks: Float64Array[] = [];
}

/** Client `id`'s units of `asset`, read from its row by id (the client object not loaded first). */
export function clientUnits(rows: ClientRows, id: number, asset: BrokerAsset): number {
  const block = rows.blocks[id >> CLIENT_SHIFT]!;
  const at = (id & CLIENT_MASK) * CLIENT_FIELDS + 4;
  switch (asset) {
    case 'BTC':
      return block[at]!;
    case 'ETH':
      return block[at + 1]!;
    case 'other-crypto':
      return block[at + 2]!;
    default:
      return block[at + 3]!;
  }
}

/** Holdings of their own (the provider's, the estate's, the sums, a door's probe): four units a row. */
const HOLDINGS_BLOCK = 4096 * 4;
let holdingsBlock = new Float64Array(HOLDINGS_BLOCK);
let holdingsUsed = 0;

/** Units of each broker asset: four numbers of a row, from `at`. */
export class HoldingsRow implements Holdings {
  /** The block and where the units start in it (a Client's money fields are the four numbers before). */
  readonly rows: Float64Array;
  readonly at: number;

  constructor(rows: Float64Array, at: number) {
    this.rows = rows;
    this.at = at;
  }

  /** Holdings of these units in a row of their own. */
  static of(btc: number, eth: number, otherCrypto: number, securities: number): HoldingsRow {
    if (holdingsUsed === HOLDINGS_BLOCK) {
      holdingsBlock = new Float64Array(HOLDINGS_BLOCK);
      holdingsUsed = 0;
    }
    const rows = holdingsBlock;
    const at = holdingsUsed;
    holdingsUsed += 4;
    rows[at] = btc;
    rows[at + 1] = eth;
    rows[at + 2] = otherCrypto;
    rows[at + 3] = securities;
    return new HoldingsRow(rows, at);
  }

  get BTC(): number {
    return this.rows[this.at]!;
  }
  set BTC(units: number) {
    this.rows[this.at] = units;
  }
  get ETH(): number {
    return this.rows[this.at + 1]!;
  }
  set ETH(units: number) {
    this.rows[this.at + 1] = units;
  }
  get 'other-crypto'(): number {
    return this.rows[this.at + 2]!;
  }
  set 'other-crypto'(units: number) {
    this.rows[this.at + 2] = units;
  }
  get securities(): number {
    return this.rows[this.at + 3]!;
  }
  set securities(units: number) {
    this.rows[this.at + 3] = units;
  }

  /** The plain holdings (a spread or a test's deep comparison sees no units: they are accessors). */
  toJSON(): object {
    return {
      BTC: this.BTC,
      ETH: this.ETH,
      'other-crypto': this['other-crypto'],
      securities: this.securities,
    };
  }
}

/** A client account at the broker (clients.ts opens them), its units its own (see above). */
export class Client extends HoldingsRow {
  readonly id: number;
  readonly investorClass: InvestorClass;
  /** The hourly passes already added to `interest` and `hourlyInterest` (interest-book.ts). */
  settledPasses: number;
  /** The broker's interest book, whose passes the client's interest is settled from. */
  readonly book: InterestBook;
  marginCall: MarginCall | null = null;
  /** false: a spot-only client, who never borrows and is never checked for margin. */
  readonly financing: boolean;

  constructor(
    id: number,
    investorClass: InvestorClass,
    financing: boolean,
    book: InterestBook,
    clientRows: ClientRows,
    cash: number,
    btc: number,
    eth: number,
    otherCrypto: number,
    securities: number,
  ) {
    const blocks = clientRows.blocks;
    // Ids are given in order: a client's block is there, or it is the next.
    if (id >> CLIENT_SHIFT === blocks.length) blocks.push(new Float64Array(CLIENT_FIELDS << CLIENT_SHIFT));
    const rows = blocks[id >> CLIENT_SHIFT]!;
    const at = (id & CLIENT_MASK) * CLIENT_FIELDS;
    super(rows, at + 4);
    this.id = id;
    this.investorClass = investorClass;
    this.settledPasses = book.passes;
    this.book = book;
    this.financing = financing;
    rows[at] = cash;
    rows[at + 1] = 0;
    rows[at + 2] = 0;
    rows[at + 3] = 0;
    rows[at + 4] = btc;
    rows[at + 5] = eth;
    rows[at + 6] = otherCrypto;
    rows[at + 7] = securities;
    rows[at + 8] = cash;
  }

  get holdings(): HoldingsRow {
    return this;
  }
  get cash(): number {
    return this.rows[this.at - 4]!;
  }
  set cash(value: number) {
    this.rows[this.at - 4] = value;
  }
  /** Cash lent by the broker and not yet repaid (change it through the loan ledger: see `trackDebtor`). */
  get principal(): number {
    return this.rows[this.at - 3]!;
  }
  set principal(value: number) {
    this.rows[this.at - 3] = value;
  }
  /**
   * Interest accrued and not yet paid, owed to the broker, as of the hourly pass `settledPasses`: read it after
   * `settleInterest` (interest-book.ts), as `clientDebt` does.
   */
  get interest(): number {
    return this.rows[this.at - 2]!;
  }
  set interest(value: number) {
    this.rows[this.at - 2] = value;
  }
  /**
   * Σ interest charged at tops of hours, never reset, as of `settledPasses` like `interest`. The hourly accrual
   * reaches every debtor without marking it touched (its margin headroom already allows for a day of interest),
   * so an observer that sums debt counts this part from `hourlyInterestByClass` instead of from the client.
   */
  get hourlyInterest(): number {
    return this.rows[this.at - 1]!;
  }
  set hourlyInterest(value: number) {
    this.rows[this.at - 1] = value;
  }
  /** Σ cash deposited (opening cash and top-ups). */
  get deposited(): number {
    return this.rows[this.at + 4]!;
  }
  set deposited(value: number) {
    this.rows[this.at + 4] = value;
  }

  /** The client's fields as a plain object (its units under `holdings`). */
  override toJSON(): object {
    const { id, investorClass, cash, principal, interest, hourlyInterest, settledPasses, marginCall } = this;
    const holdings = super.toJSON();
    return {
      id,
      investorClass,
      cash,
      holdings,
      principal,
      interest,
      hourlyInterest,
      settledPasses,
      marginCall,
      deposited: this.deposited,
      financing: this.financing,
    };
  }
}
