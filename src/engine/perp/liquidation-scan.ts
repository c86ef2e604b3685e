/**
 * How a venue's step finds the accounts its liquidation test must see: the strategy the run's engine picks
 * (run/run-engine.ts). The reference engine scans every account; the fast engine's threshold index
 * (liquidation-watch.ts) names only those whose threshold the mark may have crossed. Either way the exact test
 * (liquidation.ts) decides, account by account in id order, so both give the same events.
 */
import type { Account, ExchangeState } from './exchange.ts';

export interface LiquidationScan {
  /** An account's wallet or positions changed other than by mark, funding or socialised loss (touchAccount). */
  markDirty(accountId: number): void;
  /**
   * Calls `visit` for every account the reference loop would find liquidatable this step, in id order (and
   * may call it for others: the test is exact). An account `visit` touches, or any account after a socialised
   * loss, is still visited if it comes later in id order.
   */
  eachCandidate(state: ExchangeState, visit: (account: Account) => void): void;
  /**
   * True only when `eachCandidate` would now visit nobody and change nothing, so a pass may be skipped; false
   * whenever that is not known (the reference scan always visits).
   */
  quiet(): boolean;
}

/**
 * The reference engine (the oracle): every account, in id order, every step. It keeps nothing (no own fields:
 * a venue's state still serialises as plain data), so one instance serves every venue.
 */
class ScanEveryAccount implements LiquidationScan {
  markDirty(): void {}
  quiet(): boolean {
    return false;
  }
  eachCandidate(state: ExchangeState, visit: (account: Account) => void): void {
    for (const account of state.accounts) visit(account);
  }
}

export const SCAN_EVERY_ACCOUNT: LiquidationScan = Object.freeze(new ScanEveryAccount());
