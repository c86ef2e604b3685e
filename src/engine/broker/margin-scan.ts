/**
 * How the broker's step finds the clients its margin review must see: the strategy the run's engine picks
 * (run/run-engine.ts). The reference engine reviews every client; the fast engine's index (margin-watch.ts)
 * names only those whose collateral may have fallen far enough, who were touched, or who are due. Either way
 * the review itself (margin-calls.ts) decides, client by client in id order, so both give the same events.
 */
import type { BrokerState, Client } from './broker-state.ts';

export interface MarginScan {
  /** A client's cash, holdings or debt changed (touchClient). */
  markDirty(clientId: number): void;
  /** Calls `visit` for every client the reference loop would act on this step, in id order (and may call it for others). */
  eachCandidate(state: BrokerState, visit: (client: Client) => void): void;
  /**
   * True only when `eachCandidate` would now visit nobody and change nothing, so the step's review may be
   * skipped; false whenever that is not known (the reference review always visits).
   */
  quiet(state: BrokerState): boolean;
}

/**
 * The reference engine (the oracle): every client, in id order, every step. It keeps nothing (no own fields:
 * the broker's state still serialises as plain data), so one instance serves every broker.
 */
class ReviewEveryClient implements MarginScan {
  markDirty(): void {}
  quiet(): boolean {
    return false;
  }
  eachCandidate(state: BrokerState, visit: (client: Client) => void): void {
    for (const client of state.clients) visit(client);
  }
}

export const REVIEW_EVERY_CLIENT: MarginScan = Object.freeze(new ReviewEveryClient());
