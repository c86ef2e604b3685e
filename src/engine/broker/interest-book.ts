/**
 * The hourly interest accrual kept lazily per client (issue 16: the hourly pass loaded every debtor's client
 * object and its number fields, about 100 ns a debtor, 5–6% of a 100,000 × 30 d run).
 *
 * Each top-of-the-hour pass (loan-ledger.ts `accrueHourlyInterestOnDebtors`) reads only this book: the debtors'
 * principals and classes in arrays by client id, kept equal to each client's by `trackDebtor`, which every
 * change of principal calls. It sums the class totals and the receivable in debtor order, as before, and
 * records its rate and hours here. A client's own `interest` and `hourlyInterest` take the pass's amounts later,
 * when the client is next read or changed (`settleInterest`): the same amounts (principal × rate × hours, its
 * principal unchanged since, as any change settles first), added in the same order, so the same bits.
 *
 * So every reader of `Client.interest` or `Client.hourlyInterest` settles first: `clientDebt` does (the margin
 * review and index, the door, the run's frames, traces and solvent-clients.ts read debt through it, and
 * class-equity.ts reads `hourlyInterest` just after it), and so do the ledger's loans, charges and repayments,
 * the broker failure's set-off and the invariants. The broker's receivable and `hourlyInterestByClass` are the
 * pass's own sums, never late.
 */
import type { Client } from './broker-state.ts';
import { DOUBLE } from '../fast/double-fields.ts';

export interface InterestBook {
  /** Hourly passes made so far. */
  passes: number;
  /** Each pass's hourly rate and hours, by pass. */
  rates: number[];
  hours: number[];
  /** Each client's principal, by client id (equal to `Client.principal` after every `trackDebtor`). */
  principal: number[];
  /** 1 for a professional client, 0 for a retail one, by client id. */
  professional: number[];
}

/**
 * Plain arrays, not typed ones, so the broker's state stays a plain, serialisable object: V8 keeps an array of
 * numbers unboxed and contiguous all the same, and its doubles' arrays are made doubles' from the start
 * (fast/double-fields.ts) so that the first fraction does not change their kind.
 */
export function createInterestBook(): InterestBook {
  return { passes: 0, rates: doubles(), hours: doubles(), principal: doubles(), professional: [] };
}

function doubles(): number[] {
  const list = [DOUBLE];
  list.length = 0;
  return list;
}

/** Enters client `id`, the next id (ids are given in order). */
export function enterBook(book: InterestBook, id: number, professional: boolean): void {
  book.principal[id] = 0;
  book.professional[id] = professional ? 1 : 0;
}

/** Records a pass made at this rate for this many hours (after its sums). */
export function recordPass(book: InterestBook, hourlyRate: number, hours: number): void {
  book.rates.push(hourlyRate);
  book.hours.push(hours);
  book.passes++;
}

/** Brings the client's `interest` and `hourlyInterest` up to the book's last pass. */
export function settleInterest(client: Client): void {
  if (client.settledPasses !== client.book.passes) replayPasses(client);
}

/**
 * The passes since the client was last settled, charged as the pass would have charged them: a client owing
 * principal is on the debtor list (trackDebtor), and a pass charges each listed client principal × rate × hours
 * when that is above 0.
 */
function replayPasses(client: Client): void {
  const book = client.book;
  const to = book.passes;
  const from = client.settledPasses;
  client.settledPasses = to;
  const principal = client.principal;
  if (!(principal > 0)) return;
  const rates = book.rates;
  const hours = book.hours;
  let interest = client.interest;
  let hourly = client.hourlyInterest;
  for (let j = from; j < to; j++) {
    const amount = principal * rates[j]! * hours[j]!;
    if (!(amount > 0)) continue;
    interest += amount;
    hourly += amount;
  }
  client.interest = interest;
  client.hourlyInterest = hourly;
}
