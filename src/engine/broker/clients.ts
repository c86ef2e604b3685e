/**
 * Client accounts at the broker: opening one, finding one, and what it owes. A client is either a margin
 * client (`financing: true`, may borrow if its investor class is eligible) or spot-only (never borrows, never
 * force-closed: the control case, model.md "Products").
 */
import { Client, holdingsOf, requireHoldings, type BrokerState, type Holdings } from './broker-state.ts';
import { enterBook, settleInterest } from './interest-book.ts';
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
  const brought = spec.holdings;
  if (brought === undefined)
    return openClientWith(state, spec.investorClass, spec.cash, spec.financing, 0, 0, 0, 0);
  return openClientWith(
    state,
    spec.investorClass,
    spec.cash,
    spec.financing,
    'BTC' in brought ? brought.BTC! : 0,
    'ETH' in brought ? brought.ETH! : 0,
    'other-crypto' in brought ? brought['other-crypto']! : 0,
    'securities' in brought ? brought.securities! : 0,
  );
}

/**
 * openClient with the client's cash and the units it brings as numbers: the run opens tens of thousands of
 * clients, and the spec and its holdings were two more objects for each (issue 16).
 */
export function openClientWith(
  state: BrokerState,
  investorClass: InvestorClass,
  cash: number,
  financing: boolean,
  btc: number,
  eth: number,
  otherCrypto: number,
  securities: number,
): number {
  requireNonNegative('client cash', cash);
  requireUnits(btc, eth, otherCrypto, securities);
  const id = state.clients.length;
  const client = new Client(
    id,
    investorClass,
    financing,
    state.interestBook,
    state.clientRows,
    cash,
    btc,
    eth,
    otherCrypto,
    securities,
  );
  state.clients.push(client);
  enterBook(state.interestBook, id, investorClass === 'professional');
  state.totalCash += cash;
  // By name, in BROKER_ASSETS order (a number stored under a computed name is a new heap number each time).
  const total = state.totalUnits;
  total.BTC += btc;
  total.ETH += eth;
  total['other-crypto'] += otherCrypto;
  total.securities += securities;
  return id;
}

export function clientOf(state: BrokerState, clientId: number): Client {
  const client = state.clients[clientId];
  if (!client) throw new RangeError(`no client ${clientId} (there are ${state.clients.length})`);
  return client;
}

/** Principal + accrued interest (settled to the last hourly pass). */
export function clientDebt(client: Client): number {
  settleInterest(client);
  return client.principal + client.interest;
}

function requireUnits(btc: number, eth: number, otherCrypto: number, securities: number): void {
  // requireHoldings (and its field names, new strings) only for units that fail: this runs at every entry.
  if (!(
    btc >= 0 &&
    eth >= 0 &&
    otherCrypto >= 0 &&
    securities >= 0 &&
    btc + eth + otherCrypto + securities < Infinity
  ))
    requireHoldings('client', holdingsOf(btc, eth, otherCrypto, securities));
}
