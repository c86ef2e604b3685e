/**
 * The invariants a correct broker venue keeps after every step (model.md "Accounts and conservation";
 * mechanics §4 items 2 and 12). Each error is relative, so tests can hold it to 1e-9:
 *
 *   cash       Σ client cash + broker cash + liquidity-provider cash + fees = Σ deposits + broker capital
 *              (+ the provider's opening cash)
 *   units      per asset: clients + liquidity provider + estate = units put in
 *   loans      Σ client principal = broker loans outstanding
 *   interest   Σ client interest = broker interest receivable
 *   value      at one common price set P: Σ clients (cash + holdings·P − principal − interest)
 *              + broker (cash + loans + interest receivable) + provider (cash + holdings·P) + fees + estate·P
 *              = total cash + total units·P. Loans and interest cancel between client and broker, so a loan,
 *              an accrual or a repayment never changes it; only cash or units appearing or vanishing can.
 */
import { BROKER_ASSETS, type AssetPrices, type BrokerState, type Holdings } from './broker-state.ts';

export interface BrokerInvariantReport {
  cashError: number;
  /** largest over assets */
  unitsError: number;
  loansError: number;
  interestError: number;
  valueError: number;
}

const worth = (holdings: Holdings, prices: AssetPrices) =>
  BROKER_ASSETS.reduce((sum, asset) => sum + holdings[asset] * prices[asset], 0);

export function checkBrokerInvariants(
  state: BrokerState,
  prices: AssetPrices = state.prices,
): BrokerInvariantReport {
  const { broker, liquidityProvider: lp, estate } = state;
  const scale = Math.max(state.totalCash, 1);
  let cash = broker.cash + lp.cash + state.feeCollector;
  let principal = 0;
  let interest = 0;
  let value = broker.cash + broker.loansOutstanding + broker.interestReceivable;
  value += lp.cash + worth(lp.holdings, prices) + state.feeCollector + worth(estate.holdings, prices);
  for (const client of state.clients) {
    cash += client.cash;
    principal += client.principal;
    interest += client.interest;
    value += client.cash + worth(client.holdings, prices) - client.principal - client.interest;
  }
  let unitsError = 0;
  for (const asset of BROKER_ASSETS) {
    let units = lp.holdings[asset] + estate.holdings[asset];
    for (const client of state.clients) units += client.holdings[asset];
    const total = state.totalUnits[asset];
    unitsError = Math.max(unitsError, Math.abs(units - total) / Math.max(total, 1));
  }
  const expectedValue = state.totalCash + worth(state.totalUnits, prices);
  return {
    cashError: Math.abs(cash - state.totalCash) / scale,
    unitsError,
    loansError: Math.abs(principal - broker.loansOutstanding) / scale,
    interestError: Math.abs(interest - broker.interestReceivable) / scale,
    valueError: Math.abs(value - expectedValue) / Math.max(expectedValue, 1),
  };
}
