/**
 * Selling a client's collateral to reduce its loan, for a forced sale or a client's own reduction in answer
 * to a call. Holdings are sold in DEFAULT_SALE_ORDER (other crypto, BTC, ETH, securities: the margin
 * calculators give the reasons) through the spot seam; the proceeds, less the fee, repay the debt.
 *
 * The sale that restores a client sells enough that LTV ≤ the target (the forced-sale calculator) and that
 * debt ≤ lending value. Both are aimed a little below the limit: by a relative 1e-10, so float rounding does not
 * leave the client in breach, and by one cure period's interest, because under HK defaults the target is the
 * call threshold itself (40%) and the next hour's interest would otherwise call the client straight back.
 * The second condition needs its own pass: selling collateral the rules count at 0 (or at a large haircut)
 * reaches the LTV target while the loan still exceeds what the rest lends. Selling value x of an asset that
 * lends a fraction w of its value closes a gap of x·(1 − w), so the pass sells gap / (1 − w).
 */
import { lendingValue } from '../margin/collateral.ts';
import { AssetNumbers } from '../market/asset-numbers.ts';
import { DEFAULT_SALE_ORDER, forcedSaleOfHoldings } from '../margin/forced-sale.ts';
import type { SaleLine } from './margin-events.ts';
import { BROKER_ASSETS, type BrokerState, type Client, type Holdings } from './broker-state.ts';
import { collateralOf } from './client-margin.ts';
import { clientDebt } from './clients.ts';
import { repayFromCash } from './loan-ledger.ts';
import { executeSpotTrade } from './spot.ts';
import type { SpotPurpose, SpotSeam } from './spot-seam.ts';

/** Below the checks' 1e-9 tolerance, so a sale to target is within limits, and a negligible amount. */
const SALE_BUFFER = 1e-10;

/** Units to sell per asset, capped at what the client holds. */
export type SalePlan = Holdings;

/** All the eligible collateral (holdings the rules count at zero are not collateral: never force-sold). */
function everything(state: BrokerState, client: Client): SalePlan {
  const plan = new AssetNumbers(0, 0, 0, 0);
  for (const asset of BROKER_ASSETS)
    if (state.rules.collateral[asset].eligible) plan[asset] = client.holdings[asset];
  return plan;
}

/** Sale restoring LTV ≤ target and debt ≤ lending value at current prices; everything when debt ≥ value. */
export function planRestoringSale(state: BrokerState, client: Client): SalePlan {
  const rules = state.rules.collateral;
  const { targetLtv, hourlyInterestRate, curePeriodMinutes } = state.rules;
  const cushion = 1 + hourlyInterestRate * (curePeriodMinutes / 60);
  const debt = Math.max(0, clientDebt(client) - client.cash);
  const holdings = collateralOf(state, client.holdings);
  const ltvSale = forcedSaleOfHoldings({
    holdings,
    debt,
    targetLtv: (targetLtv * (1 - SALE_BUFFER)) / cushion,
  });
  if (ltvSale.shortfall > 0) return everything(state, client);
  const plan = new AssetNumbers(0, 0, 0, 0);
  for (const sale of ltvSale.sales) plan[sale.asset] += sale.qtySold;
  let gap = ltvSale.debtAfter * cushion - lendingValue(ltvSale.holdingsAfter, rules) * (1 - SALE_BUFFER);
  for (const asset of DEFAULT_SALE_ORDER) {
    const left = ltvSale.holdingsAfter.find((h) => h.asset === asset);
    if (gap <= 0 || !left || left.qty === 0) continue;
    const rule = rules[asset];
    const weight = rule.eligible ? 1 - rule.haircut : 0;
    if (weight >= 1) continue; // a cash-like asset lowers debt and lending value alike
    const value = Math.min(left.qty * left.price, gap / (1 - weight));
    plan[asset] += value / left.price;
    gap -= value * (1 - weight);
  }
  if (gap > 0) return everything(state, client);
  for (const asset of BROKER_ASSETS) plan[asset] = Math.min(plan[asset], client.holdings[asset]);
  return plan;
}

/** Sale of `value` (at current prices) in DEFAULT_SALE_ORDER, or of everything when the holdings are worth less. */
export function planSaleByValue(state: BrokerState, client: Client, value: number): SalePlan {
  const plan = new AssetNumbers(0, 0, 0, 0);
  let left = value;
  for (const asset of DEFAULT_SALE_ORDER) {
    if (left <= 0) break;
    const price = state.prices[asset];
    const held = client.holdings[asset] * price;
    if (held === 0) continue;
    const sold = Math.min(held, left);
    plan[asset] = sold === held ? client.holdings[asset] : sold / price;
    left -= sold;
  }
  return plan;
}

/** Executes the plan through the seam; the proceeds less fees repay the debt (interest first). */
export function sellCollateral(
  state: BrokerState,
  seam: SpotSeam,
  client: Client,
  plan: SalePlan,
  purpose: SpotPurpose,
): SaleLine[] {
  const lines: SaleLine[] = [];
  for (const asset of DEFAULT_SALE_ORDER) {
    const qty = Math.min(plan[asset], client.holdings[asset]);
    if (!(qty > 0)) continue;
    const fill = executeSpotTrade(state, seam, client, { asset, side: 'sell', qty, purpose });
    lines.push({ asset, qty, price: fill.price, proceeds: fill.notional, fee: fill.fee });
  }
  const net = lines.reduce((sum, l) => sum + l.proceeds - l.fee, 0);
  if (net > 0) repayFromCash(state, client, net);
  return lines;
}
