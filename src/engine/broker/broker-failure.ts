/**
 * The broker fails (model.md: "Whether collateral may be re-used decides what a client loses if the broker
 * fails"; guardrails A7, B9; the FTX episode in §3).
 *
 * - rehypothecationShare = 0 (SFC 26EC5, guardrails A7: VA collateral must not be re-hypothecated, reused or
 *   encumbered): the collateral is still there and comes back whole. The client still owes its loan to the
 *   broker's estate.
 * - rehypothecationShare > 0 (offshore): that share of each margin client's crypto holdings was re-used by the
 *   broker and is gone: the units move to the external estate account, so units stay conserved.
 *   Choice, on a careful reading of client-asset and insolvency rules: the client's claim for the lost assets
 *   and its debt to the broker are mutual, so they are set off (debt is reduced by up to the value lost, at
 *   current prices, interest first). What is lost beyond the debt is an unsecured claim on the estate,
 *   recovered late and in part if at all; the simulator counts it as lost and reports it.
 * Only margin clients' crypto is at risk: spot-only clients' assets are not collateral, and securities fall
 * under their own repledging cap (Client Securities Rules s.8A, 140% of debt, guardrails B9), not modelled.
 * After a failure the broker makes no further advances; interest and margin checks go on, as the estate
 * still collects the loans.
 */
import { isCryptoAsset } from '../margin/collateral.ts';
import { applyRepayment } from '../margin/interest.ts';
import type { BrokerEvent } from './broker-events.ts';
import { BROKER_ASSETS, type BrokerState, type Client, touchClient, trackDebtor } from './broker-state.ts';
import { valueHoldings } from './client-margin.ts';
import { clientDebt } from './clients.ts';
import { settleInterest } from './interest-book.ts';
import { Refusal } from '../validation/index.ts';

/** Sets off `amount` of the client's debt without cash changing hands. */
function setOffDebt(state: BrokerState, client: Client, amount: number): number {
  settleInterest(client);
  const r = applyRepayment({ principal: client.principal, interest: client.interest }, amount);
  client.principal = r.principal;
  trackDebtor(state, client);
  client.interest = r.interest;
  state.broker.loansOutstanding -= r.principalPaid;
  state.broker.interestReceivable -= r.interestPaid;
  return r.interestPaid + r.principalPaid;
}

function loseReusedCollateral(state: BrokerState, client: Client, share: number, events: BrokerEvent[]) {
  for (const asset of BROKER_ASSETS) {
    const qty = client.holdings[asset] * share;
    if (!isCryptoAsset(asset) || !(qty > 0)) continue;
    const value = qty * state.prices[asset];
    client.holdings[asset] -= qty;
    state.estate.holdings[asset] += qty;
    const setOff = setOffDebt(state, client, value);
    events.push({
      type: 'broker-failure-loss',
      step: state.step,
      client: client.id,
      asset,
      qty,
      value,
      setOff,
      netLoss: value - setOff,
    });
  }
}

export function brokerFailure(state: BrokerState, events: BrokerEvent[]): void {
  for (const client of state.clients) touchClient(state, client.id);
  if (state.failed)
    throw new Refusal('brokerFailure call', 'second', { kind: 'words', text: 'the first for this broker' });
  state.failed = true;
  const share = state.rules.rehypothecationShare;
  for (const client of state.clients) {
    if (!client.financing) continue;
    if (share > 0) loseReusedCollateral(state, client, share, events);
    events.push({
      type: 'broker-failure-return',
      step: state.step,
      client: client.id,
      value: valueHoldings(state, client.holdings).marketValue,
      debt: clientDebt(client),
    });
  }
}
