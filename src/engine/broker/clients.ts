/**
 * Client accounts at the broker: opening one, finding one, and what it owes. A client is either a margin
 * client (`financing: true`, may borrow if its investor class is eligible) or spot-only (never borrows, never
 * force-closed: the control case, model.md "Products").
 */
import {
  emptyHoldings,
  requireHoldings,
  type BrokerState,
  type Client,
  type Holdings,
} from './broker-state.ts';
import { requireNonNegative } from '../margin/validate.ts';
import type { InvestorClass } from '../perp/rules.ts';

export interface NewClient {
  investorClass: InvestorClass;
  cash: number;
  financing: boolean;
  /** Assets the client brings (an existing securities-margin client's portfolio, guardrails A3). */
  holdings?: Partial<Holdings>;
}

/** Opens a client account and returns its id. */
export function openClient(state: BrokerState, spec: NewClient): number {
  requireNonNegative('client cash', spec.cash);
  const brought = spec.holdings;
  // Written out in emptyHoldings' order (a spread of two objects per client was a share of an entry's cost).
  const holdings = requireHoldings(
    'client',
    brought === undefined
      ? emptyHoldings()
      : {
          BTC: 'BTC' in brought ? brought.BTC! : 0,
          ETH: 'ETH' in brought ? brought.ETH! : 0,
          'other-crypto': 'other-crypto' in brought ? brought['other-crypto']! : 0,
          securities: 'securities' in brought ? brought.securities! : 0,
        },
  );
  const id = state.clients.length;
  state.clients.push({
    id,
    investorClass: spec.investorClass,
    cash: spec.cash,
    holdings,
    principal: 0,
    interest: 0,
    hourlyInterest: 0,
    marginCall: null,
    deposited: spec.cash,
    financing: spec.financing,
  });
  state.totalCash += spec.cash;
  // By name, in BROKER_ASSETS order (a number stored under a computed name is a new heap number each time).
  const total = state.totalUnits;
  total.BTC += holdings.BTC;
  total.ETH += holdings.ETH;
  total['other-crypto'] += holdings['other-crypto'];
  total.securities += holdings.securities;
  return id;
}

export function clientOf(state: BrokerState, clientId: number): Client {
  const client = state.clients[clientId];
  if (!client) throw new RangeError(`no client ${clientId} (there are ${state.clients.length})`);
  return client;
}

/** Principal + accrued interest. */
export function clientDebt(client: Client): number {
  return client.principal + client.interest;
}
