/**
 * What the charts and the summary read off a run: equity per trader and by class, and one frame row.
 */
import { MARKET_IDS } from '../perp/market.ts';
import { clientDebt } from '../broker/index.ts';
import { accountEquity } from '../perp/margin.ts';
import type { FrameRow } from './frames.ts';
import type { RunState } from './run-state.ts';
import { PHASE, VENUE } from './trader-codes.ts';

/** What the trader has now: deposits not yet made, and securities not pledged, count at their start value. */
export function traderEquity(run: RunState, i: number): number {
  const venueCode = run.venueOf[i];
  if (run.phase[i] === PHASE.waiting || venueCode === VENUE.none)
    return run.population.capital[i]! + run.population.securities[i]!;
  const account = run.accountOf[i]!;
  if (venueCode === VENUE.broker) {
    const client = run.broker.clients[account]!;
    const prices = run.broker.prices;
    let value = client.cash - clientDebt(client);
    for (const asset of ['BTC', 'ETH', 'other-crypto', 'securities'] as const)
      value += client.holdings[asset] * prices[asset];
    return value + outside(run, i);
  }
  const venue = venueCode === VENUE.onshore ? run.onshore : run.offshore!;
  return accountEquity(venue.exchange.accounts[account]!, venue.exchange.markets) + outside(run, i);
}

/** Cash a trader kept outside the venue: a margin client's reserve, until it tops up with it. */
function outside(run: RunState, i: number): number {
  return run.reserve[i]!;
}

/** What trader i owes beyond everything it put in (its venue equity below zero), or 0 (summary.ts's rule). */
export function lossBeyondDeposits(run: RunState, i: number, equity = traderEquity(run, i)): number {
  const start = run.population.capital[i]! + run.population.securities[i]!;
  // Below a billionth of what the trader brought, a negative balance is float dust, not a debt.
  const venueEquity = equity - run.reserve[i]!;
  return venueEquity < -1e-9 * start ? -venueEquity : 0;
}

/**
 * Losses beyond deposits now, summed over the traders liquidated so far: only a liquidated (or force-sold)
 * trader can owe more than it put in, so a frame costs O(liquidated traders), not O(traders). frames.test.ts
 * checks this against a scan of every trader, frame by frame.
 */
function lossesBeyondDepositsNow(run: RunState): number {
  let total = 0;
  if (socialisedSoFar(run)) {
    // A socialised loss is charged to every open position and can exceed a margin (model.md, "One gap
    // remains"): after one, any trader may owe more than it put in, so every trader is counted.
    for (let i = 0; i < run.population.count; i++) total += lossBeyondDeposits(run, i);
    return total;
  }
  for (const i of run.tally.liquidatedTraders) total += lossBeyondDeposits(run, i);
  return total;
}

function socialisedSoFar(run: RunState): boolean {
  for (const venue of [run.onshore, run.offshore])
    if (venue) for (const id of MARKET_IDS) if (venue.exchange.markets[id].lossIndex > 0) return true;
  return false;
}

export function frameRow(run: RunState): FrameRow {
  const exchange = run.onshore.exchange;
  const btc = exchange.markets.BTC;
  const eth = exchange.markets.ETH;
  const [retail, professional] = run.classEquity.byClass(run);
  return {
    minute: run.minute,
    btcIndex: btc.indexPrice,
    btcMark: btc.markPrice,
    btcTraded: btc.tradedPrice,
    ethIndex: eth.indexPrice,
    ethMark: eth.markPrice,
    ethTraded: eth.tradedPrice,
    openInterest: btc.longOpenInterest * btc.markPrice + eth.longOpenInterest * eth.markPrice,
    fundingRateBtc: btc.lastFundingRate,
    // Both venues' funds, as the summary counts them (outcome-figures.ts): the stage's counter at the last
    // frame is the end-of-run table's figure, leakage venue included.
    insuranceFund:
      btc.insuranceFund +
      eth.insuranceFund +
      (run.offshore
        ? run.offshore.exchange.markets.BTC.insuranceFund + run.offshore.exchange.markets.ETH.insuranceFund
        : 0),
    liquidations: run.tally.liquidations,
    liquidatedNotional: run.tally.liquidatedNotional,
    adlEvents: run.tally.adlEvents,
    equityRetail: retail,
    equityProfessional: professional,
    liquidatedTraders: run.tally.liquidatedTraders.length,
    lossesBeyondDeposits: lossesBeyondDepositsNow(run),
  };
}
