/**
 * A force-sold broker client whose equity cannot fall below zero before the broker touches it again, whatever
 * the prices do for the rest of the run: its loss beyond deposits is 0 at every frame until then, so the frame
 * need not re-read it (observe.ts; issue 16: the offshore classroom run re-read seven or eight force-sold
 * clients at every frame, each a handful of scattered reads, for a loss that stayed 0).
 *
 * Untouched, a client's cash, debt and holdings stay as they are (every change of them marks it touched,
 * broker-state.ts `touchClient`) but for the hourly interest on its principal, which touches no one
 * (loan-ledger.ts). The broker's prices at each frame are the run's paths at that minute (step-run.ts), so the
 * lowest price of each asset from now to the end of the run bounds the holdings' value from below.
 */
import { clientDebt } from '../broker/clients.ts';
import type { RunState } from './run-state.ts';

/** Per asset, the lowest broker price from each minute to the end of the run (suffix minima of the paths). */
interface PriceFloors {
  btc: Float64Array;
  eth: Float64Array;
  other: Float64Array;
  securities: Float64Array;
}

const floorsOf = new WeakMap<RunState, PriceFloors>();

function suffixMinima(path: Float64Array): Float64Array {
  const out = new Float64Array(path.length);
  let low = Infinity;
  for (let t = path.length - 1; t >= 0; t--) {
    // A NaN price makes its floor and every earlier one NaN, and a NaN floor proves nothing (the comparison
    // below fails).
    const p = path[t]!;
    low = p < low || p !== p ? p : low;
    out[t] = low;
  }
  return out;
}

function priceFloors(run: RunState): PriceFloors {
  let floors = floorsOf.get(run);
  if (!floors) {
    floors = {
      btc: suffixMinima(run.path.btc),
      eth: suffixMinima(run.path.eth),
      other: suffixMinima(run.venueCollateral),
      securities: suffixMinima(run.securities),
    };
    floorsOf.set(run, floors);
  }
  return floors;
}

/**
 * Relative margin the bound must clear: the frame's equity is a sum of a few terms, each rounded once (relative
 * error about 1e-16 each), so a bound a millionth of the terms' size above zero leaves the computed equity at or
 * above zero, and with it a loss of exactly 0 (observe.ts `owedInto`: the reserve added and taken back cannot
 * take a value at or above zero below zero, rounding being monotone).
 */
const MARGIN = 1e-6;

/**
 * Broker client `clientId` (trader i's) keeps equity ≥ 0 at every frame from `minute` to the end of the run
 * while untouched: its holdings valued at each asset's lowest price to come, less its debt and the interest its
 * principal can accrue until the end (every hour boundary left, and one more), clears zero by MARGIN.
 */
export function solventUntilTouched(run: RunState, clientId: number, minute: number): boolean {
  const client = run.broker.clients[clientId]!;
  const held = client.holdings;
  const btc = held.BTC;
  const eth = held.ETH;
  const other = held['other-crypto'];
  const securities = held.securities;
  // A short holding would lose as a price rose: not bounded by the floors.
  if (!(btc >= 0 && eth >= 0 && other >= 0 && securities >= 0)) return false;
  const principal = client.principal;
  if (!(principal >= 0)) return false;
  const minutesLeft = run.path.minutes - minute;
  const interestToCome = principal * run.broker.rules.hourlyInterestRate * (minutesLeft / 60 + 2);
  if (!(interestToCome >= 0)) return false;
  const floors = priceFloors(run);
  const at = Math.min(minute, floors.btc.length - 1);
  const prices = run.broker.prices;
  // The prices now count too: the floors are the paths' from this minute on.
  const assets =
    btc * Math.min(floors.btc[at]!, prices.BTC) +
    eth * Math.min(floors.eth[at]!, prices.ETH) +
    other * Math.min(floors.other[at]!, prices['other-crypto']) +
    securities * Math.min(floors.securities[at]!, prices.securities);
  const debt = clientDebt(client) + interestToCome; // principal + its interest, settled (interest-book.ts)
  const floor = client.cash - debt + assets;
  const size = Math.abs(client.cash) + debt + assets;
  return floor > MARGIN * size;
}
