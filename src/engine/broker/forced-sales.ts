/**
 * A forced sale of a client's collateral (guardrails §1A: when the cure period ends in breach, or at once when
 * LTV reaches the forced-sale threshold; SMF Guidelines "forced liquidation", B2). Idle cash is set off first;
 * then collateral is sold back to the target LTV (collateral-sale.ts). Fills come from the spot seam at a bid
 * below the valuation price, so one pass can fall just short; the sale repeats (at most MAX_PASSES times)
 * until the client is within limits or has nothing left to sell.
 *
 * Broker shortfall: when every unit is sold and debt remains, the client still owes it: a margin loan has no
 * negative-balance protection (guardrails §2). The event reports the amount; the summary counts it as the
 * broker's loss exposure (broker-exposure.ts).
 */
import type { BrokerEvent } from './broker-events.ts';
import type { BrokerAsset, BrokerState, Client } from './broker-state.ts';
import { assessClient, hasCollateral } from './client-margin.ts';
import { planRestoringSale, sellCollateral } from './collateral-sale.ts';
import { setOffCash } from './loan-ledger.ts';
import type { ForcedSaleEvent, SaleLine } from './margin-events.ts';
import type { SpotSeam } from './spot-seam.ts';

const MAX_PASSES = 8;

export function forceSale(
  state: BrokerState,
  seam: SpotSeam,
  client: Client,
  reason: ForcedSaleEvent['reason'],
  events: BrokerEvent[],
): void {
  const before = assessClient(state, client);
  setOffCash(state, client, events);
  const sold = new Map<BrokerAsset, SaleLine>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (assessClient(state, client).check.status === 'ok' || !hasCollateral(state, client)) break;
    for (const line of sellCollateral(state, seam, client, planRestoringSale(state, client), 'forced-sale')) {
      const total = sold.get(line.asset);
      if (!total) sold.set(line.asset, { ...line });
      else {
        total.qty += line.qty;
        total.proceeds += line.proceeds;
        total.fee += line.fee;
        total.price = total.proceeds / total.qty;
      }
    }
  }
  const after = assessClient(state, client);
  for (const line of sold.values())
    events.push({
      type: 'forced-sale',
      step: state.step,
      client: client.id,
      reason,
      ...line,
      ltvBefore: before.ltv,
      ltvAfter: after.ltv,
      debtAfter: after.debt,
    });
  if (!hasCollateral(state, client) && after.netDebt > 0)
    events.push({ type: 'shortfall', step: state.step, client: client.id, amount: after.netDebt });
}
