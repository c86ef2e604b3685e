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
import {
  BROKER_ASSETS,
  holdingsValue,
  type AssetPrices,
  type BrokerState,
  type Holdings,
} from './broker-state.ts';
import { settleInterest } from './interest-book.ts';

export interface BrokerInvariantReport {
  cashError: number;
  /** largest over assets */
  unitsError: number;
  loansError: number;
  interestError: number;
  valueError: number;
}

const worth = (holdings: Holdings, prices: AssetPrices) => holdingsValue(0, holdings, prices);

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
  // One pass over the clients, each sum taking the same additions in the same order as a pass per sum would
  // (issue 16: five passes over 100,000 clients scattered in memory were 2% of a large run).
  let btc = lp.holdings.BTC + estate.holdings.BTC;
  let eth = lp.holdings.ETH + estate.holdings.ETH;
  let otherCrypto = lp.holdings['other-crypto'] + estate.holdings['other-crypto'];
  let securities = lp.holdings.securities + estate.holdings.securities;
  const clients = state.clients;
  for (let c = 0; c < clients.length; c++) {
    const client = clients[c]!;
    settleInterest(client);
    const held = client.holdings;
    cash += client.cash;
    principal += client.principal;
    interest += client.interest;
    value += client.cash + worth(held, prices) - client.principal - client.interest;
    btc += held.BTC;
    eth += held.ETH;
    otherCrypto += held['other-crypto'];
    securities += held.securities;
  }
  const units: Holdings = { BTC: btc, ETH: eth, 'other-crypto': otherCrypto, securities };
  let unitsError = 0;
  for (const asset of BROKER_ASSETS) {
    const total = state.totalUnits[asset];
    unitsError = Math.max(unitsError, Math.abs(units[asset] - total) / Math.max(total, 1));
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
