/**
 * One minute of a run: the population acts (entries, exits, take-profits and stop-losses) at the current
 * prices; then the index moves, arbitrage pulls each traded price back toward it, the venues step (mark,
 * funding, liquidations, ADL) and the broker steps (interest, margin calls, forced sales). Frames and
 * invariant checks follow. The whole state lives in `run`: same config and seed, same stream.
 */
import { brokerFailure, stepBroker, checkBrokerInvariants, type BrokerEvent } from '../broker/index.ts';
import { decaySpotGap } from '../market/spot-impact-seam.ts';
import type { PerpEvent } from '../perp/events.ts';
import { checkInvariants } from '../perp/invariants.ts';
import { stepListed } from '../perp/step.ts';
import { pushFrameRow } from './observe.ts';
import { FrameStandings, pushQueueHead, pushTraceRows } from './traces.ts';
import { recordBrokerEvents, recordPerpEvents } from './record.ts';
import { observeMinute } from './outcome-figures.ts';
import type { RunState, Venue } from './run-state.ts';
import { EntrantRows } from './entrant-rows.ts';
import { quoteMinute } from './venue-feed.ts';
import { checkExitTriggers, enterTrader, exitTrader, reactionsOf } from './trader-actions.ts';

export function runMinutes(run: RunState): number {
  return run.path.minutes;
}

export function isFinished(run: RunState): boolean {
  return run.minute >= run.path.minutes;
}

function actPopulation(run: RunState): void {
  if (run.entered < run.population.count) enterDue(run);
  checkExitTriggers(run);
  run.engine.horizonExits(run, exitTrader);
}

/** The minute's entrants, in entry order; the entrants' rows made at the first and let go after the last. */
function enterDue(run: RunState): void {
  const count = run.population.count;
  const rows = (run.entrants ??= new EntrantRows(run));
  while (run.entered < count && rows.entryMinute(run.entered) <= run.minute) {
    enterTrader(run, run.entryOrder[run.entered]!, rows, run.entered);
    run.entered++;
  }
  if (run.entered === count) run.entrants = null;
}

/**
 * The step's venue and broker events, recorded (and the list emptied) before the next phase uses it. Emptied
 * before use too, so a run that threw mid-step leaves nothing behind for the next.
 */
const stepEvents: PerpEvent[] = [];
const stepBrokerEvents: BrokerEvent[] = [];

function stepVenue(run: RunState, venue: Venue): void {
  // The markets the venue lists: an unlisted one (ALT in Hong Kong) has no book.
  quoteMinute(venue.feed, venue.impact, venue.liquidity, run.minute);
  if (stepEvents.length !== 0) stepEvents.length = 0; // setting a length costs ~30 ns even at 0
  stepListed(venue.exchange, venue.feed.quotes, venue.seam, stepEvents);
  if (stepEvents.length !== 0) recordPerpEvents(run, venue, stepEvents); // the usual minute has none
}

/** Advances the run by one minute. Does nothing once the path is over. */
export function stepRun(run: RunState): void {
  if (isFinished(run)) return;
  if (run.minute === 0 && !run.summaryOnly) takeFrame(run);
  actPopulation(run);
  run.minute++;
  const btc = run.path.btc[run.minute]!;
  const eth = run.path.eth[run.minute]!;
  stepVenue(run, run.onshore);
  if (run.offshore) stepVenue(run, run.offshore);
  decaySpotGap(run.spotImpact, run.onshore.liquidity, 1);
  const prices = run.brokerPrices;
  prices.BTC = btc;
  prices.ETH = eth;
  prices['other-crypto'] = run.venueCollateral[run.minute]!;
  prices.securities = run.securities[run.minute]!;
  run.reactions ??= reactionsOf(run);
  if (stepBrokerEvents.length !== 0) stepBrokerEvents.length = 0;
  stepBroker(run.broker, prices, run.spotSeam, run.reactions, stepBrokerEvents);
  // The episode's venue failure (FTX, 11 Nov 2022), after the minute's margin checks.
  if (run.minute === run.venueFailureMinute) brokerFailure(run.broker, stepBrokerEvents);
  if (stepBrokerEvents.length !== 0) recordBrokerEvents(run, stepBrokerEvents);
  observe(run);
}

function observe(run: RunState): void {
  const { onshore, offshore } = run;
  observeMinute(run.figures, onshore.feed.markets, offshore ? offshore.feed.markets : null, run.minute);
  const last = run.minute === run.path.minutes;
  if (!run.summaryOnly && (isFrameMinute(run.minute, run.frameEvery) || last)) takeFrame(run);
  if ((run.invariantEvery > 0 && run.minute % run.invariantEvery === 0) || last) checkAll(run);
}

/**
 * Whether `minute` (≥ 1) is a multiple of `every` (≥ 1) without taking the remainder where it is known: every
 * minute when every is 1 (the classroom), none before `every` (a remainder by a large interval, not a small
 * integer, was a call into the C library a minute).
 */
function isFrameMinute(minute: number, every: number): boolean {
  return every === 1 || (minute >= every && minute % every === 0);
}

/** One frame's ADL scoring, shared by its queue head and trace rows (buffers kept from frame to frame). */
const standings = new FrameStandings();

function takeFrame(run: RunState): void {
  pushFrameRow(run, run.frames);
  standings.reset();
  pushTraceRows(run, run.traces, standings);
  pushQueueHead(run, run.queues, standings);
}

function checkAll(run: RunState): void {
  let worst = 0;
  for (const venue of [run.onshore, run.offshore]) {
    if (!venue) continue;
    const report = checkInvariants(venue.exchange);
    worst = Math.max(worst, report.conservationError, report.openInterestError);
    if (report.minInsuranceFund < 0) worst = Math.max(worst, 1);
  }
  const broker = checkBrokerInvariants(run.broker);
  worst = Math.max(
    worst,
    broker.cashError,
    broker.unitsError,
    broker.loansError,
    broker.interestError,
    broker.valueError,
  );
  run.tally.conservationError = Math.max(run.tally.conservationError, worst);
}
