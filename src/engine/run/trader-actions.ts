/**
 * What traders do: enter with the product they want (or what the rules leave them), leave at their horizon,
 * on a take-profit or a stop-loss, and react to margin calls. The rules act at the door (the venues refuse or
 * cap); the wishes are the population's draws, identical under every regime.
 */
import {
  buyOnCredit,
  buySpot,
  clientDebt,
  maxCreditPurchase,
  openClientWith,
  repay,
  sellSpot,
  type BrokerEvent,
  type ClientReactions,
} from '../broker/index.ts';
import type { PerpEvent } from '../perp/events.ts';
import { openAccount } from '../perp/exchange.ts';
import { marketIn, positionIn } from '../perp/by-market.ts';
import { MARKET_IDS, MARKET_INDEX, type MarketId } from '../perp/market.ts';
import type { Position } from '../perp/position.ts';
import { clientUnits, touchClient } from '../broker/broker-state.ts';
import { keptMarketOrder, placeMarketOrder } from '../perp/orders.ts';
import type { InvestorClass } from '../perp/rules.ts';
import { effectiveMaxLeverage } from '../regimes/extras.ts';
import type { RegimeRules } from '../regimes/types.ts';
import { investorClassUnder } from '../population/investor-class.ts';
import { isPersona } from '../population/population.ts';
import { leverageWithinBrackets } from '../perp/tiers.ts';
import type { EntrantRows } from './entrant-rows.ts';
import { record, recordBrokerEvents, recordPerpEvents } from './record.ts';
import { PHASE, VENUE, type RunState, type Venue } from './run-state.ts';

/** Orders are sized a little under the deposit so fees, spread and impact fit (an assumption). */
const SIZING_SLACK = 0.97;

/**
 * An entry's or exit's events and order, kept from trader to trader (issue 16: a list and an order object per
 * entry were a share of the allocation the collector then swept). Each is recorded, and its list emptied,
 * before the next trader acts; nothing keeps the order once placed.
 */
const perpEvents: PerpEvent[] = [];
const brokerEvents: BrokerEvent[] = [];
const order = keptMarketOrder();

/**
 * The trader's class under a regime: a professional investor only if it meets the regime's threshold. A trader
 * drawn retail is retail everywhere (investorClassUnder), read from its row without a load at its id.
 */
const investorClass = (
  run: RunState,
  i: number,
  rows: EntrantRows,
  row: number,
  regime: RegimeRules,
): InvestorClass =>
  rows.professional(row)
    ? investorClassUnder(run.population, i, regime.extras.professionalPortfolioMinUsd)
    : 'retail';

/** Trader i enters; `row` is its row in the entrants' rows (the `row`-th trader to enter). */
export function enterTrader(run: RunState, i: number, rows: EntrantRows, row: number): void {
  const p = run.population;
  const cls = investorClass(run, i, rows, row, run.regime);
  const product = rows.product(row);
  run.phase[i] = PHASE.open;
  if (product === 2) {
    if (run.regime.perp.eligibleClasses.includes(cls)) return openPerp(run, run.onshore, i, rows, row);
    const offshore = run.offshore !== null && p.leakDraw[i]! < run.config.population.leakage;
    // Spot only buys: a trader refused a short has no spot trade that expresses its view, so it keeps its cash
    // rather than buying the coin it expected to fall (issue 15: buying it turned every refused short into a
    // long, and Hong Kong's professionals lost in crashes what they would have gained or kept).
    const instead = offshore
      ? 'offshore'
      : rows.direction(row) < 0
        ? 'stay-out'
        : run.config.population.refusedChoice;
    refused(run, i, 'perp', instead);
    if (offshore) return openPerp(run, run.offshore!, i, rows, row, true);
    if (instead === 'stay-out') {
      run.phase[i] = PHASE.closed;
      return;
    }
  } else if (product === 1) {
    if (run.regime.financing.eligibleClasses.includes(cls)) return openBrokerClient(run, i, rows, row, true);
    refused(run, i, 'margin', run.config.population.refusedChoice);
  }
  if (product === 0 || run.config.population.refusedChoice === 'spot')
    return openBrokerClient(run, i, rows, row, false);
  run.phase[i] = PHASE.closed; // stays out
}

function refused(
  run: RunState,
  i: number,
  product: 'perp' | 'margin',
  substitute: 'offshore' | 'spot' | 'stay-out',
) {
  record(run, {
    type: 'product-refused',
    venue: 'population',
    step: run.minute,
    trader: i,
    product,
    reason: 'investor-class-excluded',
    substitute,
  });
}

/**
 * The market a perpetual trader trades on `venue`: ALT where it wants ALT and the venue lists it. A venue that
 * does not (Hong Kong: BTC and ETH only, SFC framework P3) refuses it; the trader then goes offshore where its
 * leakage draw says so (as a trader refused perpetuals does), or else trades the BTC or ETH perpetual it drew
 * (an assumption: the same money and wishes on a listed market). Returns null when it went offshore.
 */
function marketOn(run: RunState, venue: Venue, i: number, rows: EntrantRows, row: number): MarketId | null {
  const drawn = rows.asset(row) ? 'ETH' : 'BTC';
  if (!rows.wantsAlt(row)) return drawn;
  if (venue.exchange.listed.includes('ALT')) return 'ALT';
  const offshore =
    venue === run.onshore &&
    run.offshore !== null &&
    run.population.leakDraw[i]! < run.config.population.leakage;
  record(run, {
    type: 'product-refused',
    venue: 'population',
    step: run.minute,
    trader: i,
    product: 'altPerp',
    reason: 'market-not-listed',
    substitute: offshore ? 'offshore' : drawn,
  });
  if (offshore) {
    openPerp(run, run.offshore!, i, rows, row, true);
    return null;
  }
  return drawn;
}

/**
 * The leverage a trader opens with: its wish (a persona's as stated; the population's others scaled by the
 * regime's retail appetite), cut to the venue's cap, to the new-account cap where its account is new (a trader
 * who moved offshore after a refusal opened its account for it), and to the largest leverage whose notional
 * bracket allows it (W30: a wish above a cap becomes the cap, model.md "Population").
 */
function openingLeverage(
  run: RunState,
  venue: Venue,
  i: number,
  rows: EntrantRows,
  row: number,
  market: MarketId,
  movedHere: boolean,
): number {
  const { regime } = venue;
  const retail = investorClass(run, i, rows, row, regime) === 'retail';
  const appetite = retail && !isPersona(i) ? regime.retailLeverageAppetite : 1;
  const wish = Math.max(1, rows.leverageWish(row) * appetite);
  let cap = effectiveMaxLeverage(regime, market);
  const newAccountCap = regime.extras.newAccountMaxLeverage;
  if (newAccountCap !== null && (rows.newAccount(row) || movedHere)) cap = Math.min(cap, newAccountCap);
  const margin = rows.deployShare(row) * rows.capital(row);
  return leverageWithinBrackets(marketIn(venue.exchange.markets, market).tiers, cap, margin, wish);
}

function openPerp(
  run: RunState,
  venue: Venue,
  i: number,
  rows: EntrantRows,
  row: number,
  movedHere = false,
): void {
  const state = venue.exchange;
  const market = marketOn(run, venue, i, rows, row);
  if (market === null) return;
  run.perpMarket[i] = marketIn(MARKET_INDEX, market);
  const cls = investorClass(run, i, rows, row, venue.regime);
  const capital = rows.capital(row);
  const leverage = openingLeverage(run, venue, i, rows, row, market, movedHere);
  const account = openAccount(state, 'trader', cls, capital);
  run.classEquity.entered(run, i);
  venue.traderOf[account] = i;
  run.venueOf[i] = venue.name === 'onshore' ? VENUE.onshore : VENUE.offshore;
  run.accountOf[i] = account;
  const wanted = rows.isolated(row) ? 'isolated' : 'cross';
  const mode = state.rules.marginModes.includes(wanted) ? wanted : state.rules.marginModes[0]!;
  order.account = account;
  order.market = market;
  order.side = rows.direction(row) > 0 ? 'long' : 'short';
  order.qty =
    (rows.deployShare(row) * capital * leverage * SIZING_SLACK) / marketIn(state.markets, market).tradedPrice;
  order.leverage = leverage;
  order.mode = mode;
  const events = perpEvents;
  if (events.length !== 0) events.length = 0;
  const filled = placeMarketOrder(state, venue.seam, order, events);
  recordPerpEvents(run, venue, events, account, i);
  const position = positionIn(state.accounts[account]!.positions, market);
  if (!filled || !position) {
    run.phase[i] = PHASE.closed;
    run.classEquity.settled(run, i, state.accounts[account]!, state.markets);
    return;
  }
  run.openPerps[i] = 1;
  run.classEquity.perpOpened(run, i);
  run.traderBySeq[run.nextSeq] = i;
  run.openSeq[i] = run.nextSeq++;
  run.engine.perpOpened(run, i, venue, market, position, rows.takeProfitRoe(row), rows.stopLossRoe(row));
}

function openBrokerClient(
  run: RunState,
  i: number,
  rows: EntrantRows,
  row: number,
  financing: boolean,
): void {
  const broker = run.broker;
  const asset = rows.asset(row) ? 'ETH' : 'BTC';
  const capital = rows.capital(row);
  const deployShare = rows.deployShare(row);
  const deposit = financing ? capital * deployShare : capital;
  const tokenValue = financing && rows.venueTokenHolder(row) ? deposit : 0;
  const cash = deposit - tokenValue;
  // Pledged securities come along whether or not the broker lends against them, so nobody's wealth vanishes.
  const securitiesUnits = rows.securities(row) / broker.prices.securities;
  // The door (enterTrader) has applied the regime's class; the broker keeps the drawn class, the one the
  // charts' equity by class and the broker's interest by class are counted in.
  const client = openClientWith(
    broker,
    rows.professional(row) ? 'professional' : 'retail',
    cash,
    financing,
    0,
    0,
    tokenValue / broker.prices['other-crypto'],
    securitiesUnits,
  );
  run.brokerTraderOf[client] = i;
  run.venueOf[i] = VENUE.broker;
  run.accountOf[i] = client;
  run.reserve[i] = capital - deposit;
  run.classEquity.entered(run, i);
  run.classEquity.reserveChanged(run, i, run.reserve[i]!);
  touchClient(broker, client);
  const seam = run.spotSeam;
  const price = broker.prices[asset];
  const events = brokerEvents;
  if (events.length !== 0) events.length = 0;
  if (!financing) {
    buySpot(broker, seam, client, asset, (cash * deployShare * SIZING_SLACK) / price, events);
  } else {
    // The tokens back the loan as cash would: the wish is on the whole deposit.
    const wished = (deposit * rows.leverageWish(row)) / price;
    // The wish goes to the door first, so a refusal beyond lending value is seen with its reason; then the
    // client buys what the rules allow.
    if (!buyOnCredit(broker, seam, client, asset, wished, events)) {
      const allowed = maxCreditPurchase(broker, client, asset, price * 1.01) * SIZING_SLACK;
      const cashOnly = (cash * SIZING_SLACK) / price;
      if (allowed > cashOnly) buyOnCredit(broker, seam, client, asset, allowed, events);
      else if (cashOnly > 0) buySpot(broker, seam, client, asset, cashOnly, events);
    }
  }
  recordBrokerEvents(run, events, client, i);
}

/** Closes a trader's position at the end of their horizon or on a take-profit or stop-loss. */
export function exitTrader(run: RunState, i: number): void {
  const venueCode = run.venueOf[i];
  if (venueCode === VENUE.broker) return exitBrokerClient(run, i);
  // A perpetual trader is open exactly while openPerps says so, which the callers have just read (the phase,
  // a load at the trader's id, is only written).
  if (!run.openPerps[i]) return;
  run.phase[i] = PHASE.closed;
  run.openPerps[i] = 0;
  run.classEquity.perpClosing(run, i);
  const venue = venueCode === VENUE.onshore ? run.onshore : run.offshore;
  if (!venue) return;
  const market = MARKET_IDS[run.perpMarket[i]!]!;
  const account = run.accountOf[i]!;
  const owner = venue.exchange.accounts[account]!;
  const position = positionIn(owner.positions, market);
  if (position) closePosition(run, venue, i, account, market, position);
  run.classEquity.settled(run, i, owner, venue.exchange.markets);
}

function closePosition(
  run: RunState,
  venue: Venue,
  trader: number,
  account: number,
  market: MarketId,
  position: Position,
): void {
  const events = perpEvents;
  if (events.length !== 0) events.length = 0;
  order.account = account;
  order.market = market;
  order.side = position.size > 0 ? 'short' : 'long';
  order.qty = Math.abs(position.size);
  order.leverage = position.leverage;
  order.mode = position.mode;
  placeMarketOrder(venue.exchange, venue.seam, order, events);
  recordPerpEvents(run, venue, events, account, trader);
}

/** A broker client's exit (it holds no perpetual position: ClassEquity has nothing of it to close). */
function exitBrokerClient(run: RunState, i: number): void {
  if (run.phase[i] !== PHASE.open) return;
  run.phase[i] = PHASE.closed;
  const broker = run.broker;
  const id = run.accountOf[i]!;
  const client = broker.clients[id];
  if (!client) return;
  const asset = run.population.asset[i] ? 'ETH' : 'BTC';
  const events = brokerEvents;
  if (events.length !== 0) events.length = 0;
  const seam = run.spotSeam;
  // Read from the client's row by id: its load and the client object's are not one after the other.
  const held = clientUnits(broker.clientRows, id, asset);
  if (held > 0) sellSpot(broker, seam, client.id, asset, held, events);
  // Venue-priced tokens are kept unless the sale left debt the cash cannot repay (they backed part of the loan).
  const tokens = client.holdings['other-crypto'];
  if (tokens > 0 && clientDebt(client) > client.cash)
    sellSpot(broker, seam, client.id, 'other-crypto', tokens, events);
  const debt = clientDebt(client);
  if (debt > 0 && client.cash > 0) repay(broker, client.id, Math.min(debt, client.cash), events);
  recordBrokerEvents(run, events, client.id, i);
}

/** Whether a perpetual trader is due to leave: its position is gone, or the mark reached its TP or SL. */
function exitDue(run: RunState, i: number): boolean {
  const p = run.population;
  const venue = run.venueOf[i] === VENUE.onshore ? run.onshore : run.offshore;
  const market = MARKET_IDS[run.perpMarket[i]!]!;
  const account = venue?.exchange.accounts[run.accountOf[i]!];
  const position = account ? positionIn(account.positions, market) : undefined;
  if (!venue || !position) return true; // liquidated in full: nothing left to manage
  const mark = marketIn(venue.exchange.markets, market).markPrice;
  const initialMargin = (Math.abs(position.size) * position.entryPrice) / position.leverage;
  const roe = (position.size * (mark - position.entryPrice)) / initialMargin;
  const tp = p.takeProfitRoe[i]!;
  const sl = p.stopLossRoe[i]!;
  return (tp > 0 && roe >= tp) || (sl < 0 && roe <= sl);
}

/** Take-profit and stop-loss on return on initial margin, checked against the mark each step. */
export function checkExitTriggers(run: RunState): void {
  const due = run.engine.triggeredExits(run, exitDue);
  for (let k = 0; k < due.length; k++) exitTrader(run, due[k]!);
}

/** Margin-call reactions: a called client tops up once, with the reserve it kept outside, if its draw says so. */
export function reactionsOf(run: RunState): ClientReactions {
  return (_state, clientId) => {
    const i = run.brokerTraderOf[clientId];
    if (i === undefined || run.reacted[i]) return { kind: 'nothing' };
    run.reacted[i] = 1;
    const p = run.population;
    if (p.reactionDraw[i]! >= p.topUpProbability[i]!) return { kind: 'nothing' };
    const reserve = run.reserve[i]!;
    if (reserve <= 0) return { kind: 'reduce' };
    run.reserve[i] = 0;
    run.classEquity.reserveChanged(run, i, -reserve);
    return { kind: 'top-up', amount: reserve };
  };
}
