/**
 * The run's routine events folded where they are built (issue 16). A run with the notable event log keeps no
 * fill, spot trade, loan, interest charge or repayment: record.ts would tag each, fold it into the checksum,
 * count it and drop it (no outcome figure reads one). For those the venues and the broker call these sinks
 * with the event's fields instead of building it, and the sink does the same from the numbers: the trader
 * behind the account or client as record.ts finds it, the same checksum bits (checksum.ts `fold…Fields`, which
 * foldRunEvent uses for the built event too), the event counted and counted as left out. A followed trader's
 * events are declined (their facts read the event, trader-facts.ts), and so is any event while others wait in
 * the venue's list (fill-sink.ts), so the stream's order is kept. routine-fold.test.ts checks the checksum and
 * every figure against the run that builds every event.
 */
import type { BrokerAsset } from '../broker/broker-state.ts';
import type { LoanEvent, RepaymentEvent } from '../broker/broker-events.ts';
import type { BrokerRoutineSink } from '../broker/routine-sink.ts';
import type { SpotSide } from '../broker/spot-seam.ts';
import type { FillSink } from '../perp/fill-sink.ts';
import type { MarketId } from '../perp/market.ts';
import type { Side } from '../perp/side.ts';
import {
  foldFillFields,
  foldInterestFields,
  foldLoanFields,
  foldRepaymentFields,
  foldSpotTradeFields,
} from './checksum.ts';
import type { RunState, Venue } from './run-state.ts';

/**
 * Each followed trader's flag, by trader id up to the last followed one (a look-up per event, cheaper than the
 * facts' map). A trader past its end is not followed, and in a large run nearly every event's trader is past
 * it: no load at a random id, a cache miss per fill and per broker event (issue 16).
 */
function followedFlags(run: RunState): Uint8Array {
  let last = -1;
  for (const trader of run.facts.keys()) last = Math.max(last, trader);
  const flags = new Uint8Array(last + 1);
  for (const trader of run.facts.keys()) flags[trader] = 1;
  return flags;
}

function isFollowed(flags: Uint8Array, trader: number): boolean {
  return trader < flags.length && flags[trader] === 1;
}

/** A routine event taken by a sink: counted, and counted as left out of the log (record.ts). */
function countOmitted(run: RunState): void {
  run.tally.events++;
  run.tally.eventsOmitted++;
}

/** A perpetual venue's fills: tagged with the venue, and the trader as recordPerpEvents finds it. */
class VenueFillFold implements FillSink {
  constructor(
    private readonly run: RunState,
    private readonly venue: Venue,
    private readonly followed: Uint8Array,
  ) {}

  fill(
    step: number,
    account: number,
    counterparty: number,
    market: MarketId,
    side: Side,
    qty: number,
    price: number,
    fee: number,
    realisedPnl: number,
    sizeAfter: number,
  ): boolean {
    const found = this.venue.traderOf[account] ?? null;
    const trader = found === -1 ? null : found;
    if (trader !== null && isFollowed(this.followed, trader)) return false;
    const run = this.run;
    foldFillFields(
      run.checksum,
      step,
      account,
      counterparty,
      market,
      side,
      qty,
      price,
      fee,
      realisedPnl,
      sizeAfter,
      this.venue.name,
      trader,
    );
    countOmitted(run);
    return true;
  }
}

/** The broker's routine events: tagged 'broker', and the client's trader as recordBrokerEvents finds it. */
class BrokerRoutineFold implements BrokerRoutineSink {
  constructor(
    private readonly run: RunState,
    private readonly followed: Uint8Array,
  ) {}

  /** The trader behind a client, or undefined when the event is declined (a followed trader's). */
  private traderOf(client: number): number | null | undefined {
    const trader = this.run.brokerTraderOf[client] ?? null;
    return trader !== null && isFollowed(this.followed, trader) ? undefined : trader;
  }

  spotTrade(
    step: number,
    client: number,
    asset: BrokerAsset,
    side: SpotSide,
    qty: number,
    price: number,
    fee: number,
  ): boolean {
    const trader = this.traderOf(client);
    if (trader === undefined) return false;
    foldSpotTradeFields(this.run.checksum, step, client, asset, side, qty, price, fee, 'broker', trader);
    countOmitted(this.run);
    return true;
  }

  loan(
    step: number,
    client: number,
    amount: number,
    purpose: LoanEvent['purpose'],
    debtAfter: number,
    lendingValueAfter: number,
    ltvAfter: number | null,
    brokerLoansAfter: number,
  ): boolean {
    const trader = this.traderOf(client);
    if (trader === undefined) return false;
    foldLoanFields(
      this.run.checksum,
      step,
      client,
      amount,
      purpose,
      debtAfter,
      lendingValueAfter,
      ltvAfter,
      brokerLoansAfter,
      'broker',
      trader,
    );
    countOmitted(this.run);
    return true;
  }

  interest(
    step: number,
    client: number,
    principal: number,
    hours: number,
    hourlyRate: number,
    amount: number,
    interestAfter: number,
  ): boolean {
    const trader = this.traderOf(client);
    if (trader === undefined) return false;
    foldInterestFields(
      this.run.checksum,
      step,
      client,
      principal,
      hours,
      hourlyRate,
      amount,
      interestAfter,
      'broker',
      trader,
    );
    countOmitted(this.run);
    return true;
  }

  repayment(
    step: number,
    client: number,
    source: RepaymentEvent['source'],
    interestPaid: number,
    principalPaid: number,
    debtAfter: number,
  ): boolean {
    const trader = this.traderOf(client);
    if (trader === undefined) return false;
    foldRepaymentFields(
      this.run.checksum,
      step,
      client,
      source,
      interestPaid,
      principalPaid,
      debtAfter,
      'broker',
      trader,
    );
    countOmitted(this.run);
    return true;
  }
}

/**
 * Installs the sinks on the run's venues and broker where its log keeps no routine event; a run that keeps
 * every event builds every one.
 */
export function foldRoutineWhereBuilt(run: RunState): void {
  if (!run.notableOnly) return;
  const followed = followedFlags(run);
  for (const venue of [run.onshore, run.offshore])
    if (venue) venue.exchange.fills = new VenueFillFold(run, venue, followed);
  run.broker.routine = new BrokerRoutineFold(run, followed);
}
