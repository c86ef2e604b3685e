/**
 * One minute of a run: the population acts (entries, exits, take-profits and stop-losses) at the current
 * prices; then the index moves, arbitrage pulls each traded price back toward it, the venues step (mark,
 * funding, liquidations, ADL) and the broker steps (interest, margin calls, forced sales). Frames and
 * invariant checks follow. The whole state lives in `run`: same config and seed, same stream.
 */
import { stepBroker, checkBrokerInvariants, type BrokerEvent } from '../broker/index.ts';
import { decayGap, impactSeam, stressedDepthShare, STRESS_WINDOW_MINUTES } from '../market/impact-seam.ts';
import { decaySpotGap, spotImpactSeam } from '../market/spot-impact-seam.ts';
import type { PerpEvent } from '../perp/events.ts';
import { checkInvariants } from '../perp/invariants.ts';
import { stepExchange } from '../perp/step.ts';
import { pushFrame } from './frames.ts';
import { frameRow } from './observe.ts';
import { queueHead, traceRow } from './traces.ts';
import { recordBrokerEvents, recordPerpEvents } from './record.ts';
import type { RunState, Venue } from './run-state.ts';
import { checkExitTriggers, enterTrader, exitTrader, reactionsOf } from './trader-actions.ts';

export function runMinutes(run: RunState): number {
  return run.path.minutes;
}

export function isFinished(run: RunState): boolean {
  return run.minute >= run.path.minutes;
}

function actPopulation(run: RunState): void {
  const p = run.population;
  while (run.entered < p.count && p.entryMinute[run.entryOrder[run.entered]!]! <= run.minute) {
    enterTrader(run, run.entryOrder[run.entered]!);
    run.entered++;
  }
  checkExitTriggers(run);
  if (run.fast) {
    // Scheduled at entry, in the order traders entered: the same order as the reference scan.
    for (const i of run.perpExits.get(run.minute) ?? []) if (run.openPerps.has(i)) exitTrader(run, i);
    run.perpExits.delete(run.minute);
    for (const i of run.brokerExits.get(run.minute) ?? []) exitTrader(run, i);
    run.brokerExits.delete(run.minute);
    return;
  }
  for (const i of [...run.openPerps]) if (p.exitMinute[i]! <= run.minute) exitTrader(run, i);
  for (let c = 0; c < run.brokerTraderOf.length; c++) {
    const i = run.brokerTraderOf[c]!;
    if (p.exitMinute[i]! === run.minute) exitTrader(run, i);
  }
}

function stepVenue(run: RunState, venue: Venue, btc: number, eth: number): void {
  decayGap(venue.impact, venue.liquidity, 1);
  const before = Math.max(0, run.minute - STRESS_WINDOW_MINUTES);
  venue.impact.depthShare.BTC = stressedDepthShare(btc, run.path.btc[before]!);
  venue.impact.depthShare.ETH = stressedDepthShare(eth, run.path.eth[before]!);
  const gap = venue.impact.gap;
  const events: PerpEvent[] = [];
  stepExchange(
    venue.exchange,
    { BTC: { index: btc, traded: btc * (1 + gap.BTC) }, ETH: { index: eth, traded: eth * (1 + gap.ETH) } },
    impactSeam(venue.impact, venue.liquidity, venue.maker),
    events,
  );
  recordPerpEvents(run, venue, events);
}

/** Advances the run by one minute. Does nothing once the path is over. */
export function stepRun(run: RunState): void {
  if (isFinished(run)) return;
  if (run.minute === 0) takeFrame(run);
  actPopulation(run);
  run.minute++;
  const btc = run.path.btc[run.minute]!;
  const eth = run.path.eth[run.minute]!;
  stepVenue(run, run.onshore, btc, eth);
  if (run.offshore) stepVenue(run, run.offshore, btc, eth);
  decaySpotGap(run.spotImpact, run.onshore.liquidity, 1);
  const brokerEvents: BrokerEvent[] = [];
  stepBroker(
    run.broker,
    { BTC: btc, ETH: eth, 'other-crypto': 1, securities: run.securities[run.minute]! },
    spotImpactSeam(run.spotImpact, run.onshore.liquidity, run.onshore.maker),
    reactionsOf(run),
    brokerEvents,
  );
  recordBrokerEvents(run, brokerEvents);
  observe(run);
}

function observe(run: RunState): void {
  const { tally } = run;
  const markets = run.onshore.exchange.markets;
  const fund = markets.BTC.insuranceFund + markets.ETH.insuranceFund;
  tally.insuranceFundMin = Math.min(tally.insuranceFundMin, fund);
  for (const market of [markets.BTC, markets.ETH])
    tally.maxDislocation = Math.max(
      tally.maxDislocation,
      Math.abs(market.tradedPrice - market.indexPrice) / market.indexPrice,
    );
  const last = run.minute === run.path.minutes;
  if (run.minute % run.frameEvery === 0 || last) takeFrame(run);
  if ((run.invariantEvery > 0 && run.minute % run.invariantEvery === 0) || last) checkAll(run);
}

function takeFrame(run: RunState): void {
  pushFrame(run.frames, frameRow(run));
  run.traces.push(run.followed.map((i) => traceRow(run, i)));
  run.queues.push(queueHead(run));
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
