/**
 * Equity by investor class for every frame, kept incrementally so a frame costs O(open positions + clients
 * touched since the last frame) rather than O(traders): money not yet deposited and the settled wallets of
 * traders who left the perpetual venue are running totals; broker clients are summed as cash, units and debt
 * per class (valued at the frame's prices), updated from the clients the broker reports as touched. The
 * hourly interest accrual touches no one: it is counted from the broker's per-class total, and each client's
 * debt is seen net of it.
 * Both engines use it, so their frames are identical.
 */
import { clientDebt } from '../broker/clients.ts';
import { BROKER_ASSETS } from '../broker/broker-state.ts';
import { accountEquity } from '../perp/margin.ts';
import type { RunState } from './run-state.ts';

const ASSETS = BROKER_ASSETS.length;

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

  constructor(run: Pick<RunState, 'population'>) {
    const p = run.population;
    for (let i = 0; i < p.count; i++) this.waiting[p.professional[i]!]! += p.capital[i]! + p.securities[i]!;
  }

  entered(run: RunState, i: number): void {
    this.waiting[run.population.professional[i]!]! -=
      run.population.capital[i]! + run.population.securities[i]!;
  }

  reserveChanged(run: RunState, i: number, delta: number): void {
    this.reserve[run.population.professional[i]!]! += delta;
  }

  /** A perpetual trader left for good (closed, or liquidated in full): its wallet no longer moves. */
  settled(run: RunState, i: number, equity: number): void {
    this.settledPerps[run.population.professional[i]!]! += equity;
  }

  #syncBroker(run: RunState): void {
    const broker = run.broker;
    const touched = broker.touched!;
    const stride = 2 + ASSETS;
    if (this.#seen.length < broker.clients.length * stride) {
      const grown = new Float64Array(Math.max(broker.clients.length * stride * 2, 64));
      grown.set(this.#seen);
      this.#seen = grown;
    }
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
      for (let a = 0; a < ASSETS; a++) {
        const units = client.holdings[BROKER_ASSETS[a]!];
        this.#units[k]![a]! += units - this.#seen[at + 2 + a]!;
        this.#seen[at + 2 + a] = units;
      }
    }
    touched.ids.length = 0;
  }

  /** Equity of [retail, professional] now. */
  byClass(run: RunState): [number, number] {
    this.#syncBroker(run);
    const prices = run.broker.prices;
    const out: [number, number] = [0, 0];
    const hourly = run.broker.hourlyInterestByClass;
    for (const k of [0, 1] as const) {
      const debt = this.#debt[k]! + (k === 1 ? hourly.professional : hourly.retail);
      let value = this.waiting[k]! + this.reserve[k]! + this.settledPerps[k]! + this.#cash[k]! - debt;
      for (let a = 0; a < ASSETS; a++) value += this.#units[k]![a]! * prices[BROKER_ASSETS[a]!];
      out[k] = value;
    }
    for (const i of run.openPerps) {
      const venue = run.venueOf[i] === 1 ? run.onshore : run.offshore!;
      const equity = accountEquity(venue.exchange.accounts[run.accountOf[i]!]!, venue.exchange.markets);
      out[run.population.professional[i]!]! += equity;
    }
    return out;
  }
}
