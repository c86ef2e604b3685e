/**
 * The most a client can buy on credit right now: what turns "wants 50×" into what the rules allow
 * (model.md "Population: a wish for 50× becomes the cap"). Found by bisection on the door's own checks
 * (advance-door.ts), so it can never disagree with them. The caller gives the fill price it expects
 * (the seam's quote or the current price): a seam that records price impact must not be probed.
 */
import { requirePositive } from '../margin/validate.ts';
import { admitsAdvance } from './advance-door.ts';
import {
  holdingsWith,
  setUnits,
  unitsOf,
  type BrokerAsset,
  type BrokerState,
  type Client,
  type Holdings,
} from './broker-state.ts';
import { clientOf } from './clients.ts';
import { buyCost } from './spot.ts';

const MAX_DOUBLINGS = 80;
const BISECTIONS = 200;

/** Largest quantity of `asset` that buyOnCredit would accept at `fillPrice` (cash first, then a loan). */
export function maxCreditPurchase(
  state: BrokerState,
  clientId: number,
  asset: BrokerAsset,
  fillPrice: number,
): number {
  requirePositive('fill price', fillPrice);
  const client = clientOf(state, clientId);
  const cash = Math.max(0, client.cash);
  // One probe of the holdings after the purchase, its asset rewritten at each size tried (the door reads it and
  // keeps nothing): a new copy per probe, dozens a purchase, was 5% of a 10,000-trader run's allocation.
  const holdingsAfter = holdingsWith(client.holdings, asset, unitsOf(client.holdings, asset));
  let lo = 0;
  let hi = Math.max(cash, fillPrice) / fillPrice;
  for (let i = 0; accepts(state, client, asset, fillPrice, cash, holdingsAfter, hi); i++) {
    // No rule binds (no haircut, no cap): report the last size probed rather than loop for ever.
    if (i === MAX_DOUBLINGS) return hi;
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < BISECTIONS && hi - lo > lo * 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (accepts(state, client, asset, fillPrice, cash, holdingsAfter, mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Whether buyOnCredit would accept `qty` (a plain function: a closure per search was made at every call). */
function accepts(
  state: BrokerState,
  client: Client,
  asset: BrokerAsset,
  fillPrice: number,
  cash: number,
  holdingsAfter: Holdings,
  qty: number,
): boolean {
  const loan = Math.max(0, buyCost(state, qty, fillPrice) - cash);
  if (loan === 0) return true;
  setUnits(holdingsAfter, asset, unitsOf(client.holdings, asset) + qty);
  return admitsAdvance(state, client, loan, holdingsAfter);
}
