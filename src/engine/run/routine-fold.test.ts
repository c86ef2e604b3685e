/**
 * Routine events folded where they are built (routine-fold.ts): the venues offer a sink the fields they would
 * build an event from, and a run with the notable log folds those instead of the event. The fields offered must
 * be the event's, and the run must come out bit for bit as the run that builds every event.
 */
import { describe, expect, it } from 'vitest';
import type { BrokerRoutineSink } from '../broker/routine-sink.ts';
import type { FillSink } from '../perp/fill-sink.ts';
import { PRESET_IDS } from '../regimes/types.ts';
import { openClient } from '../broker/clients.ts';
import { fixedSpreadSpotSeam } from '../broker/spot-seam.ts';
import { buySpot } from '../broker/spot.ts';
import { testBroker } from '../broker/test-support.ts';
import type { BrokerEvent } from '../broker/broker-events.ts';
import type { PerpEvent } from '../perp/events.ts';
import { openAccount } from '../perp/exchange.ts';
import { fixedSpreadSeam } from '../perp/market-seam.ts';
import { placeMarketOrder } from '../perp/orders.ts';
import { testVenue } from '../perp/test-support.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { createRun } from './run-state.ts';
import { resultOf, runScenario } from './run.ts';
import { ROUTINE_EVENT_TYPES, type RunEvent } from './run-events.ts';
import { isFinished, stepRun } from './step-run.ts';

const config = (regime: (typeof PRESET_IDS)[number], over: Partial<RunConfig> = {}): RunConfig => ({
  ...DEFAULT_RUN,
  regime,
  population: { ...DEFAULT_RUN.population, traders: 300, leakage: 0.3 },
  follow: [5, 17, 40, 41, 42],
  ...over,
});

type Offered = Record<string, unknown>;

/** Sinks that note each event's fields as offered and take it (the venue builds no event). */
function notingSinks(offered: Offered[], venue: string): { fills: FillSink; broker: BrokerRoutineSink } {
  const note = (fields: Offered) => {
    offered.push(fields);
    return true;
  };
  return {
    fills: {
      fill: (step, account, counterparty, market, side, qty, price, fee, realisedPnl, sizeAfter) =>
        note({
          type: 'fill',
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
          venue,
        }),
    },
    broker: {
      spotTrade: (step, client, asset, side, qty, price, fee) =>
        note({ type: 'spot-trade', step, client, asset, side, qty, price, fee, venue: 'broker' }),
      loan: (step, client, amount, purpose, debtAfter, lendingValueAfter, ltvAfter, brokerLoansAfter) =>
        note({
          type: 'loan',
          step,
          client,
          amount,
          purpose,
          debtAfter,
          lendingValueAfter,
          ltvAfter,
          brokerLoansAfter,
          venue: 'broker',
        }),
      interest: (step, client, principal, hours, hourlyRate, amount, interestAfter) =>
        note({
          type: 'interest',
          step,
          client,
          principal,
          hours,
          hourlyRate,
          amount,
          interestAfter,
          venue: 'broker',
        }),
      repayment: (step, client, source, interestPaid, principalPaid, debtAfter) =>
        note({
          type: 'repayment',
          step,
          client,
          source,
          interestPaid,
          principalPaid,
          debtAfter,
          venue: 'broker',
        }),
    },
  };
}

/** The event's own fields (its trader tag aside) in order, each the same value to the bit (Object.is). */
function sameFields(event: RunEvent, offered: Offered): boolean {
  const keys = Object.keys(event).filter((k) => k !== 'trader');
  if (keys.join() !== Object.keys(offered).join()) return false;
  return keys.every((k) => Object.is((event as Record<string, unknown>)[k], offered[k]));
}

describe('routine events folded where they are built', () => {
  // Seven presets, two runs each: seconds, more on a loaded machine.
  it(
    'offers each sink the fields of the event the venue would build, under every preset',
    { timeout: 60_000 },
    () => {
      const types = new Set<string>();
      for (const regime of PRESET_IDS) {
        const built = runScenario(config(regime, { eventLog: 'all' })).events.filter((e) =>
          ROUTINE_EVENT_TYPES.has(e.type),
        );
        const run = createRun(config(regime, { eventLog: 'all' }));
        expect(run.onshore.exchange.fills).toBeNull();
        const offered: Offered[] = [];
        const onshore = notingSinks(offered, 'onshore');
        run.onshore.exchange.fills = onshore.fills;
        if (run.offshore) run.offshore.exchange.fills = notingSinks(offered, 'offshore').fills;
        run.broker.routine = onshore.broker;
        while (!isFinished(run)) stepRun(run);
        // The same run (a sink changes no state): the events offered are those built without a sink, in order,
        // but for those built after all because others waited in the venue's list.
        let matched = 0;
        for (const event of built)
          if (matched < offered.length && sameFields(event, offered[matched]!)) matched++;
        expect(matched, regime).toBe(offered.length);
        const stillBuilt = run.events.filter((e) => ROUTINE_EVENT_TYPES.has(e.type)).length;
        expect(offered.length + stillBuilt, regime).toBe(built.length);
        expect(offered.length, regime).toBeGreaterThan(stillBuilt);
        for (const o of offered) types.add(o.type as string);
      }
      expect([...types].sort()).toEqual(['fill', 'interest', 'loan', 'repayment', 'spot-trade']);
    },
  );

  it(
    'gives the checksum, figures, frames and followed traders of the run that builds every event',
    { timeout: 60_000 },
    () => {
      for (const regime of PRESET_IDS) {
        const all = runScenario(config(regime, { eventLog: 'all' }));
        const notableRun = createRun(config(regime, { eventLog: 'notable' }));
        expect(notableRun.onshore.exchange.fills).not.toBeNull();
        expect(notableRun.broker.routine).not.toBeNull();
        while (!isFinished(notableRun)) stepRun(notableRun);
        const notable = resultOf(notableRun);
        expect(notable.summary, regime).toEqual(all.summary);
        expect(notable.frames, regime).toEqual(all.frames);
        // A followed trader's events are declined by the sinks: their facts read every one.
        expect(
          notable.traces.map((t) => t.facts),
          regime,
        ).toEqual(all.traces.map((t) => t.facts));
        expect(notable.events, regime).toEqual(all.events.filter((e) => !ROUTINE_EVENT_TYPES.has(e.type)));
        expect(notable.eventsOmitted, regime).toBe(all.summary.events - notable.events.length);
      }
    },
  );

  it('offers no event while others wait in the list, so the stream keeps its order', () => {
    const offered: Offered[] = [];
    const sinks = notingSinks(offered, 'onshore');
    const venue = testVenue();
    venue.fills = sinks.fills;
    const account = openAccount(venue, 'trader', 'professional', 100_000);
    const order = {
      account,
      market: 'BTC' as const,
      side: 'long' as const,
      qty: 0.1,
      leverage: 2,
      mode: 'cross' as const,
    };
    const perpEvents: PerpEvent[] = [];
    placeMarketOrder(venue, fixedSpreadSeam(0), order, perpEvents);
    expect([offered.length, perpEvents.length]).toEqual([1, 0]);
    const waiting = { type: 'bad-debt', step: 0, market: 'BTC', account, amount: 1 } as const;
    perpEvents.push(waiting);
    placeMarketOrder(venue, fixedSpreadSeam(0), order, perpEvents);
    expect(offered.length).toBe(1);
    expect(perpEvents).toEqual([waiting, expect.objectContaining({ type: 'fill', account, qty: 0.1 })]);

    const broker = testBroker();
    broker.routine = sinks.broker;
    const client = openClient(broker, { investorClass: 'retail', cash: 100_000, financing: false });
    const brokerEvents: BrokerEvent[] = [];
    buySpot(broker, fixedSpreadSpotSeam(0), client, 'BTC', 0.1, brokerEvents);
    expect([offered.length, brokerEvents.length]).toEqual([2, 0]);
    buySpot(broker, fixedSpreadSpotSeam(0), client, 'BTC', 100, brokerEvents); // refused: more than its cash
    buySpot(broker, fixedSpreadSpotSeam(0), client, 'BTC', 0.1, brokerEvents);
    expect(offered.length).toBe(2);
    expect(brokerEvents.map((e) => e.type)).toEqual(['broker-refused', 'spot-trade']);
  });
});
