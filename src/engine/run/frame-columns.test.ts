/**
 * Frames, traces and queue heads are kept as columns written field by field (frames.ts, traces.ts): each
 * field must land in its own column, through growth of the buffers.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from './config.ts';
import { createFrameBuilder, FRAME_FIELDS, framesOf, pushFrame, type FrameRow } from './frames.ts';
import { createRun } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';
import { QUEUE_HEAD, queueHead, traceRow, TRACE_FIELDS } from './traces.ts';
import { lossBeyondDeposits, traderEquity } from './observe.ts';
import { VENUE } from './trader-codes.ts';
import { clientLtv } from '../broker/client-margin.ts';
import { adlIndicator } from '../perp/adl.ts';
import { liquidationPrice } from '../perp/liquidation-price.ts';
import { crossFigures, isolatedEquity, pendingCharges, positionMaintenance } from '../perp/margin.ts';
import { MARKET_IDS } from '../perp/market.ts';

describe('frame columns', () => {
  it('puts every field of a row in its own column, across growth', () => {
    const builder = createFrameBuilder(2);
    const rowAt = (n: number) =>
      Object.fromEntries(FRAME_FIELDS.map((field, f) => [field, n * 100 + f])) as FrameRow;
    for (let n = 0; n < 5; n++) pushFrame(builder, rowAt(n));
    const frames = framesOf(builder);
    expect(frames.length).toBe(5);
    for (const [f, field] of FRAME_FIELDS.entries())
      expect(Array.from(frames[field]), field).toEqual([0, 1, 2, 3, 4].map((n) => n * 100 + f));
  });

  it('writes the run’s frame row field by field into its column, across growth', () => {
    const run = createRun({ ...DEFAULT_RUN, regime: 'offshore-cex' });
    run.frames = createFrameBuilder(2); // grown several times below (observe.ts writes through its block)
    while (!isFinished(run) && run.minute < 300) {
      stepRun(run);
      const frames = framesOf(run.frames);
      const n = frames.length - 1;
      const { BTC, ETH, ALT } = run.onshore.exchange.markets;
      const equity = run.classEquity.byClass(run); // nothing touched since the frame: the frame's numbers
      let losses = 0;
      for (let i = 0; i < run.population.count; i++) losses += lossBeyondDeposits(run, i);
      const expected: FrameRow = {
        minute: run.minute,
        btcIndex: BTC.indexPrice,
        btcMark: BTC.markPrice,
        btcTraded: BTC.tradedPrice,
        ethIndex: ETH.indexPrice,
        ethMark: ETH.markPrice,
        ethTraded: ETH.tradedPrice,
        altIndex: ALT.indexPrice,
        altMark: ALT.markPrice,
        altTraded: ALT.tradedPrice,
        openInterest:
          BTC.longOpenInterest * BTC.markPrice +
          ETH.longOpenInterest * ETH.markPrice +
          ALT.longOpenInterest * ALT.markPrice,
        fundingRateBtc: BTC.lastFundingRate,
        insuranceFund: BTC.insuranceFund + ETH.insuranceFund + ALT.insuranceFund,
        liquidations: run.tally.liquidations,
        liquidatedNotional: run.tally.liquidatedNotional,
        adlEvents: run.tally.adlEvents,
        equityRetail: equity[0]!,
        equityProfessional: equity[1]!,
        liquidatedTraders: run.tally.liquidatedTraders.length,
        lossesBeyondDeposits: losses,
      };
      for (const field of FRAME_FIELDS)
        expect(frames[field][n], `${field} at ${run.minute}`).toBe(expected[field]);
    }
    expect(run.frames.capacity).toBeGreaterThan(300);
    expect(run.tally.liquidations).toBeGreaterThan(0);
  });

  it('keeps each followed trader’s trace and the queue head as a fresh reading of the frame gives them', () => {
    // Offshore: ADL lights and a queue head (the Binance method); a followed broker client and perp traders.
    const run = createRun({ ...DEFAULT_RUN, regime: 'offshore-cex', follow: [7, 40, 123, 199] });
    let checked = 0;
    let perpsChecked = 0;
    let clientsChecked = 0;
    let isolatedChecked = 0;
    let flatChecked = 0;
    while (!isFinished(run)) {
      stepRun(run);
      if (run.minute % 97 !== 0) continue; // a frame every minute here: compare a spread of them
      const at = run.traces.length - 1;
      for (const [k, trader] of run.followed.entries()) {
        const fresh = traceRow(run, trader);
        for (const field of TRACE_FIELDS)
          expect(run.traces.columns[k]![field][at], `trader ${trader} ${field}`).toBe(fresh[field]);
        // traces.ts writes a client's, a position's and a flat trader's equity from one read of the account.
        expect(run.traces.columns[k]!.equity[at], `trader ${trader} equity`).toBe(traderEquity(run, trader));
      }
      for (const [k, trader] of run.followed.entries()) {
        // The traced LTV, margin ratio and liquidation prices against the calculators themselves (traces.ts
        // sums crossFigures' and valueHoldings' terms without their objects, and keeps the liquidation prices
        // while their inputs stay the same).
        if (run.venueOf[trader] === VENUE.broker) {
          const client = run.broker.clients[run.accountOf[trader]!]!;
          expect(run.traces.columns[k]!.ltv[at]).toBe(clientLtv(run.broker, client) ?? 0);
          expect(run.traces.columns[k]!.size[at]).toBe(
            run.population.asset[trader] ? client.holdings.ETH : client.holdings.BTC,
          );
          clientsChecked++;
          continue;
        }
        const venue = run.venueOf[trader] === VENUE.onshore ? run.onshore : null;
        const owner = venue?.exchange.accounts[run.accountOf[trader]!];
        const market = MARKET_IDS[run.perpMarket[trader]!]!;
        const position = owner?.positions[market];
        if (!venue || !owner || !position) {
          if (owner) flatChecked++;
          continue;
        }
        const m = venue.exchange.markets[market];
        const cross = crossFigures(owner, venue.exchange.markets);
        const isolated = position.mode === 'isolated';
        if (isolated) isolatedChecked++;
        const equity = isolated ? isolatedEquity(position, m) : cross.equity;
        const maintenance = isolated ? positionMaintenance(position, m) : cross.maintenance;
        const prices = liquidationPrice({
          side: position.size > 0 ? 'long' : 'short',
          qty: Math.abs(position.size),
          entryPrice: position.entryPrice,
          wallet: (isolated ? position.isolatedMargin : owner.wallet) - pendingCharges(position, m),
          tiers: m.tiers,
        });
        const columns = run.traces.columns[k]!;
        expect(columns.marginRatio[at]).toBe(equity > 0 ? maintenance / equity : 1);
        expect(columns.size[at]).toBe(position.size);
        expect(columns.entryPrice[at]).toBe(position.entryPrice);
        expect(columns.ltv[at]).toBe(0);
        const method = venue.exchange.rules.lossAllocation;
        if (method !== 'socialised')
          expect(columns.adlLights[at]).toBe(
            adlIndicator(venue.exchange, market, run.accountOf[trader]!, method) ?? 0,
          );
        expect(columns.liquidationPrice[at]).toBe(prices.liquidationPrice ?? 0);
        expect(columns.bankruptcyPrice[at]).toBe(prices.bankruptcyPrice ?? 0);
        perpsChecked++;
      }
      const head = queueHead(run);
      expect(Array.from(run.queues.long.subarray(at * QUEUE_HEAD, (at + 1) * QUEUE_HEAD))).toEqual(head.long);
      expect(Array.from(run.queues.short.subarray(at * QUEUE_HEAD, (at + 1) * QUEUE_HEAD))).toEqual(
        head.short,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    expect(perpsChecked).toBeGreaterThan(10);
    expect(clientsChecked).toBeGreaterThan(10);
    expect(isolatedChecked).toBeGreaterThan(0);
    expect(flatChecked).toBeGreaterThan(0);
    // The columns were allocated for exactly the run's frames (run-state.ts), so none was ever grown.
    expect([run.frames.capacity, run.traces.capacity]).toEqual([run.frames.length, run.frames.length]);
    expect(run.queues.long.length).toBe(run.frames.length * QUEUE_HEAD);
  });
});
