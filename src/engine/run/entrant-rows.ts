/**
 * What an entering trader reads of its draws, copied once per run into rows in the order traders enter
 * (`RunState.entryOrder`), so that the minute's entrants are read one row after the next (issue 16). Read from
 * the population's columns by trader id, each field of each entrant was a load from a page of its own: a
 * 100,000-trader run's entrants come in the order of their entry minutes, scattered over the ids, and those
 * loads were about 5% of its profile (the same run with its ids permuted into entry order stepped in 0.7–0.85
 * of the time). The copy reads every column in id order and writes each trader's row once.
 */
import type { RunState } from './run-state.ts';

/** Per row, numbers: the deployed share, the leverage wish, the take-profit and stop-loss ROE, capital, securities. */
const NUMBERS = 6;
/**
 * Per row, small codes: product, direction, new account, isolated, asset, wants ALT, venue-token holder, the
 * drawn class (1: professional).
 */
const CODES = 8;

export class EntrantRows {
  readonly #minutes: Uint32Array;
  readonly #numbers: Float64Array;
  readonly #codes: Int8Array;

  constructor(run: RunState) {
    const p = run.population;
    const order = run.entryOrder;
    const n = order.length;
    const rank = new Uint32Array(n);
    for (let k = 0; k < n; k++) rank[order[k]!] = k;
    const minutes = new Uint32Array(n);
    const numbers = new Float64Array(n * NUMBERS);
    const codes = new Int8Array(n * CODES);
    const { entryMinute, deployShare, leverageWish, takeProfitRoe, stopLossRoe, capital, securities } = p;
    const { product, direction, newAccount, isolated, asset, professional } = p;
    const { wantsAlt, venueTokenHolder } = run;
    for (let i = 0; i < n; i++) {
      const r = rank[i]!;
      minutes[r] = entryMinute[i]!;
      const at = r * NUMBERS;
      numbers[at] = deployShare[i]!;
      numbers[at + 1] = leverageWish[i]!;
      numbers[at + 2] = takeProfitRoe[i]!;
      numbers[at + 3] = stopLossRoe[i]!;
      numbers[at + 4] = capital[i]!;
      numbers[at + 5] = securities[i]!;
      const c = r * CODES;
      codes[c] = product[i]!;
      codes[c + 1] = direction[i]!;
      codes[c + 2] = newAccount[i]!;
      codes[c + 3] = isolated[i]!;
      codes[c + 4] = asset[i]!;
      codes[c + 5] = wantsAlt[i]!;
      codes[c + 6] = venueTokenHolder[i]!;
      codes[c + 7] = professional[i]!;
    }
    this.#minutes = minutes;
    this.#numbers = numbers;
    this.#codes = codes;
  }

  entryMinute(row: number): number {
    return this.#minutes[row]!;
  }
  deployShare(row: number): number {
    return this.#numbers[row * NUMBERS]!;
  }
  leverageWish(row: number): number {
    return this.#numbers[row * NUMBERS + 1]!;
  }
  takeProfitRoe(row: number): number {
    return this.#numbers[row * NUMBERS + 2]!;
  }
  stopLossRoe(row: number): number {
    return this.#numbers[row * NUMBERS + 3]!;
  }
  capital(row: number): number {
    return this.#numbers[row * NUMBERS + 4]!;
  }
  securities(row: number): number {
    return this.#numbers[row * NUMBERS + 5]!;
  }
  product(row: number): number {
    return this.#codes[row * CODES]!;
  }
  direction(row: number): number {
    return this.#codes[row * CODES + 1]!;
  }
  newAccount(row: number): number {
    return this.#codes[row * CODES + 2]!;
  }
  isolated(row: number): number {
    return this.#codes[row * CODES + 3]!;
  }
  asset(row: number): number {
    return this.#codes[row * CODES + 4]!;
  }
  wantsAlt(row: number): number {
    return this.#codes[row * CODES + 5]!;
  }
  venueTokenHolder(row: number): number {
    return this.#codes[row * CODES + 6]!;
  }
  professional(row: number): number {
    return this.#codes[row * CODES + 7]!;
  }
}
