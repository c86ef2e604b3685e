/**
 * What the broker stands to lose, for the run's summary (model.md "Outputs: broker shortfall"). A shortfall is
 * never written off inside the engine: the client still owes it (no negative-balance protection on a margin
 * loan, guardrails §2), and this reports it as the broker's loss exposure instead of hiding it.
 */
import type { BrokerState } from './broker-state.ts';
import { valueHoldingsNow } from './client-margin.ts';
import { clientDebt } from './clients.ts';

export interface BrokerExposure {
  loansOutstanding: number;
  interestReceivable: number;
  /** Σ over clients of debt not covered by their cash and collateral at current prices */
  unsecuredDebt: number;
  /** clients owing debt with no collateral left (a shortfall) */
  clientsInShortfall: number;
  clientsUnderCall: number;
}

export function brokerExposure(state: BrokerState): BrokerExposure {
  let unsecuredDebt = 0;
  let clientsInShortfall = 0;
  let clientsUnderCall = 0;
  for (const client of state.clients) {
    const debt = clientDebt(client);
    const value = valueHoldingsNow(state, client.holdings).collateralValue;
    unsecuredDebt += Math.max(0, debt - client.cash - value);
    if (debt > client.cash && value === 0) clientsInShortfall += 1;
    if (client.marginCall) clientsUnderCall += 1;
  }
  return {
    loansOutstanding: state.broker.loansOutstanding,
    interestReceivable: state.broker.interestReceivable,
    unsecuredDebt,
    clientsInShortfall,
    clientsUnderCall,
  };
}
