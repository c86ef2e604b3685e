/**
 * The fast engine's index of margin checks. A client within limits stays within limits until its collateral
 * value falls far enough or its debt grows: both collateral value and lending value are positive
 * combinations of prices, so if no asset it holds fell by more than its headroom s, neither value fell by more
 * than s. The headroom is computed with the debt grown by a week of interest, and every client is checked again
 * at least once a week. Each asset keeps a max-heap of trigger prices (price at check × (1 − s)); a step
 * reviews only clients whose trigger the price crossed, clients touched since their last check, and clients
 * due at a scheduled step. A client under a call or in breach waits for the broker's scheduled steps (the
 * day's call check, its deadline), a payment (a touch), or a fall to the forced-sale LTV: a price rise alone
 * changes nothing for it between checks (margin-calls.ts). The review itself is the reference engine's.
 */
import { KeyedHeap } from '../fast/heap.ts';
import { sortUnique } from '../fast/sorted-ids.ts';
import type { BrokerState, Client } from './broker-state.ts';
import { valueHoldingsNow } from './client-margin.ts';
import { clientDebt } from './clients.ts';
import { nextCallCheckStep } from './margin-calls.ts';
import type { MarginScan } from './margin-scan.ts';

/** The assets' places in the per-asset arrays below (BROKER_ASSETS order). */
const BTC = 0;
const ETH = 1;
const OTHER_CRYPTO = 2;
const SECURITIES = 3;
/** A trigger is reached at the price with a hair of slack for rounding. */
const SLACK = 1 - 1e-12;

/**
 * Longest time between two checks of a client within limits, in minutes; the interest bound covers it. A week:
 * interest is simple, on the principal (interest-accrual.ts), which changes only by a touch, so a week of it is
 * a fixed sum when the client is indexed; and most clients of a long run leave within a week (issue 16: a
 * daily recheck reviewed and re-indexed each client every day it stayed, and found nothing; margin-watch.test.ts
 * fails with a day's allowance and a week between checks).
 */
const RECHECK_MINUTES = 7 * 24 * 60;
/**
 * Tops of the hour a client within limits can be charged before its next review: the week between rechecks
 * plus one step (the review runs in the step after that week ends), rounded up, plus one for slack. 170 for
 * one-minute steps.
 */
const interestHoursBound = (stepMinutes: number) => Math.ceil((RECHECK_MINUTES + stepMinutes) / 60) + 1;

export class MarginWatch implements MarginScan {
  /**
   * Per asset (BTC, ETH, other crypto, securities): prices below which a client must be looked at (a heap makes
   * its arrays at its first push, heap.ts: a run's broker uses few).
   */
  readonly #triggers: KeyedHeap[] = [
    new KeyedHeap(-1),
    new KeyedHeap(-1),
    new KeyedHeap(-1),
    new KeyedHeap(-1),
  ];
  /**
   * Per asset, its heap's top trigger (−∞ with none), and the earliest scheduled step (∞ with none): what a
   * quiet minute compares, read without a call into a heap (a heap's top, returned from a call not inlined,
   * was a new heap number each minute).
   */
  readonly #tops = new Float64Array(4).fill(-Infinity);
  #nextDue = Infinity;
  readonly #version: number[] = [];
  readonly #dirty: number[] = [];
  readonly #isDirty: boolean[] = [];
  readonly #everyStep = new Set<number>();
  /** Step → clients due for a scheduled check (the day's call check, a deadline, the weekly recheck). */
  readonly #due = new Map<number, number[]>();
  /** The steps #due holds, each once (a min-heap: the earliest on top). */
  readonly #dueSteps = new KeyedHeap(1);

  markDirty(clientId: number): void {
    if (this.#isDirty[clientId]) return;
    this.#isDirty[clientId] = true;
    this.#dirty.push(clientId);
  }

  /** The clients the index cannot vouch for, in id order; their headroom is recomputed after the visits. */
  eachCandidate(state: BrokerState, visit: (client: Client) => void): void {
    for (const id of this.#candidates(state)) visit(state.clients[id]!);
    this.#refresh(state);
  }

  /**
   * True when `#candidates` would find nobody: no client touched or sold every step, no scheduled step due, and
   * no asset's price at or below its heap's top trigger (the very comparison `#crossed` makes, so a stale top
   * that the price reached still sends the step through `eachCandidate`, which drops it). The broker's quiet
   * minute then skips the review's set-up, the gathering and the refresh (issue 16).
   */
  quiet(state: BrokerState): boolean {
    if (this.#dirty.length !== 0 || this.#everyStep.size !== 0) return false;
    if (this.#nextDue <= state.step) return false;
    const tops = this.#tops;
    const prices = state.prices;
    return !(
      tops[BTC]! >= prices.BTC * SLACK ||
      tops[ETH]! >= prices.ETH * SLACK ||
      tops[OTHER_CRYPTO]! >= prices['other-crypto'] * SLACK ||
      tops[SECURITIES]! >= prices.securities * SLACK
    );
  }

  readonly #found: number[] = [];

  /** Clients the reference loop would review this step and that may not be within limits, ascending. */
  #candidates(state: BrokerState): number[] {
    // Gathered in a list kept from step to step: the usual step allocates nothing.
    const found = this.#found;
    if (found.length !== 0) found.length = 0;
    // Iterating an empty set still makes an iterator: the usual step has nobody to review every step.
    if (this.#everyStep.size !== 0) for (const id of this.#everyStep) found.push(id);
    for (const id of this.#dirty) found.push(id);
    if (this.#nextDue <= state.step) this.#takeDue(this.#dueSteps, state.step, found);
    // Each asset's price by name: a price read under a computed name is a new heap number, four a step.
    const prices = state.prices;
    this.#crossed(BTC, prices.BTC, found);
    this.#crossed(ETH, prices.ETH, found);
    this.#crossed(OTHER_CRYPTO, prices['other-crypto'], found);
    this.#crossed(SECURITIES, prices.securities, found);
    sortUnique(found); // found several ways: every step, touched, due, several assets
    for (const id of found) this.markDirty(id);
    return found;
  }

  /**
   * The clients due at `step`; scheduled steps already passed (never looked up again, as before) are dropped.
   * A map lookup every minute (0.7% of a quiet classroom run's profile, issue 16): the earliest scheduled step
   * is kept in a heap, and a step before it looks nothing up.
   */
  #takeDue(steps: KeyedHeap, step: number, found: number[]): void {
    while (steps.size > 0 && steps.peekKey() <= step) {
      const at = steps.peekKey();
      steps.pop();
      if (at < step) {
        this.#due.delete(at);
        continue;
      }
      const due = this.#due.get(at);
      if (due) for (const id of due) found.push(id);
      this.#due.delete(at);
    }
    this.#nextDue = steps.size > 0 ? steps.peekKey() : Infinity;
  }

  /** Current clients whose trigger the price of asset `a` reached; they leave the heap. */
  #crossed(a: number, price: number, found: number[]): void {
    if (!(this.#tops[a]! >= price * SLACK)) return; // its heap's top: none reached
    const heap = this.#triggers[a]!;
    while (heap.size > 0 && heap.peekKey() >= price * SLACK) {
      if (heap.peekVersion() === this.#version[heap.peekId()]) found.push(heap.peekId());
      heap.pop();
    }
    this.#tops[a] = heap.size > 0 ? heap.peekKey() : -Infinity;
  }

  /** Recomputes the headroom of every client touched or reviewed since the last refresh. */
  #refresh(state: BrokerState): void {
    for (const id of this.#dirty) {
      this.#isDirty[id] = false;
      this.#index(state, state.clients[id]!);
    }
    if (this.#dirty.length !== 0) this.#dirty.length = 0; // setting a length costs ~30 ns even at 0
  }

  #index(state: BrokerState, client: Client): void {
    const version = (this.#version[client.id] = (this.#version[client.id] ?? 0) + 1);
    if (this.#everyStep.size !== 0) this.#everyStep.delete(client.id); // usually empty: no hash lookup
    if (!client.financing) return;
    const debt = clientDebt(client);
    if (!(debt > 0) && !client.marginCall) return; // the reference loop skips it too, until a loan touches it
    const rules = state.rules;
    const netDebt = debt - client.cash;
    const grownDebt =
      netDebt + client.principal * rules.hourlyInterestRate * interestHoursBound(state.stepMinutes);
    const { collateralValue, callCover } = valueHoldingsNow(state, client.holdings);
    const limit = callCover; // the call on the VA part (client-margin.ts)
    const headroom = limit > 0 ? 1 - grownDebt / limit : -Infinity;
    const call = client.marginCall;
    if (call || !(headroom > 1e-9)) {
      // Under a call, or in breach and waiting for the day's check: reviewed at the check, at the deadline,
      // when prices fall toward the forced-sale LTV, and when touched (a payment). With no collateral left
      // only a payment or the check changes it.
      if (call && call.deadlineStep <= state.step && collateralValue > 0) {
        this.#everyStep.add(client.id); // past its deadline: sold again every step until within limits
        return;
      }
      if (call && call.deadlineStep > state.step) this.#schedule(call.deadlineStep, client.id);
      this.#schedule(nextCallCheckStep(state), client.id);
      if (collateralValue > 0) {
        const fall = 1 - grownDebt / (rules.liquidationLtv * collateralValue);
        if (!(fall > 1e-9)) {
          this.#everyStep.add(client.id);
          return;
        }
        this.#watch(state, client, 1 - fall, version);
      }
    } else this.#watch(state, client, 1 - headroom, version);
    this.#schedule(state.step + Math.max(1, Math.floor(RECHECK_MINUTES / state.stepMinutes)), client.id);
  }

  /** A trigger at price × `share` in each asset the client holds (by name: see #candidates). */
  #watch(state: BrokerState, client: Client, share: number, version: number): void {
    const { holdings } = client;
    const { prices } = state;
    if (holdings.BTC > 0) this.#trigger(BTC, prices.BTC * share, client.id, version);
    if (holdings.ETH > 0) this.#trigger(ETH, prices.ETH * share, client.id, version);
    if (holdings['other-crypto'] > 0)
      this.#trigger(OTHER_CRYPTO, prices['other-crypto'] * share, client.id, version);
    if (holdings.securities > 0) this.#trigger(SECURITIES, prices.securities * share, client.id, version);
  }

  #trigger(a: number, key: number, clientId: number, version: number): void {
    const heap = this.#triggers[a]!;
    heap.push(key, clientId, version);
    this.#tops[a] = heap.peekKey();
  }

  #schedule(step: number, clientId: number): void {
    const list = this.#due.get(step);
    if (list) list.push(clientId);
    else {
      this.#due.set(step, [clientId]);
      const steps = this.#dueSteps;
      steps.push(step, 0, 0);
      this.#nextDue = steps.peekKey();
    }
  }
}
