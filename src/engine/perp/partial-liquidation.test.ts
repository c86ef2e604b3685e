/**
 * Partial liquidation as venues do it (issue 15, defect 2): the slice brings the account back above maintenance,
 * the fee is charged once on what is closed, and a cool-down stops re-slicing in the same minute; below the
 * backstop share of maintenance the vault takes the position over (HL-liquidations, W38, W42).
 */
import { describe, expect, it } from 'vitest';
import { HK_SFC_2026 } from '../regimes/presets/hk-sfc-2026.ts';
import type { LiquidationEvent, PerpEvent } from './events.ts';
import { createExchange, openAccount, type ExchangeState, type VenueOptions } from './exchange.ts';
import { checkInvariants } from './invariants.ts';
import { isolatedEquity, positionMaintenance } from './margin.ts';
import { fixedSpreadSeam, type MarketSeam } from './market-seam.ts';
import { placeMarketOrder } from './orders.ts';
import type { PerpRules } from './rules.ts';
import { stepExchange } from './step.ts';

function hkVenue(venue: Partial<VenueOptions>, rules: PerpRules = HK_SFC_2026.perp): ExchangeState {
  const state = createExchange(
    { ...rules, insuranceFundStart: 0 },
    { BTC: 50_000, ETH: 2_500, ALT: 100 },
    60,
    venue,
  );
  openAccount(state, 'liquidity-provider', 'professional', 1e9);
  return state;
}

/** US$500k of BTC at 10× isolated: margin 50,000, maintenance 5% (the HK [DEFAULT]). */
function bigLong(state: ExchangeState): number {
  const trader = openAccount(state, 'trader', 'professional', 60_000);
  const o = {
    account: trader,
    market: 'BTC',
    side: 'long',
    qty: 10,
    leverage: 10,
    mode: 'isolated',
  } as const;
  expect(placeMarketOrder(state, fixedSpreadSeam(0), o, [])).toBe(true);
  return trader;
}

function stepTo(
  state: ExchangeState,
  btc: number,
  events: PerpEvent[],
  seam: MarketSeam = fixedSpreadSeam(0),
) {
  stepExchange(
    state,
    { BTC: { index: btc, traded: btc }, ETH: { index: 2_500, traded: 2_500 } },
    seam,
    events,
  );
  const report = checkInvariants(state);
  expect(report.conservationError).toBeLessThan(1e-9);
  expect(report.openInterestError).toBeLessThan(1e-9);
}

const liquidations = (events: PerpEvent[]) =>
  events.filter((e): e is LiquidationEvent => e.type === 'liquidation');

describe('partial liquidation under the HK preset', () => {
  it('one 20% slice restores the account above maintenance; the fee is charged once, on the slice', () => {
    const state = hkVenue({ sliceCoolDownSeconds: 30 });
    const trader = bigLong(state);
    const events: PerpEvent[] = [];
    // At 47,300: equity 50,000 − 27,000 = 23,000 < maintenance 5% × 473,000 = 23,650.
    stepTo(state, 47_300, events);
    const slices = liquidations(events);
    expect(slices).toHaveLength(1);
    expect(slices[0]).toMatchObject({ partial: true, qty: 2, sizeAfter: 8, settlement: 'within-margin' });
    expect(slices[0]!.fee).toBeCloseTo(HK_SFC_2026.perp.liquidationFeeRate * 2 * 47_300, 6);
    const position = state.accounts[trader]!.positions.BTC!;
    const market = state.markets.BTC;
    expect(isolatedEquity(position, market)).toBeGreaterThan(positionMaintenance(position, market));
    // The trader keeps the margin less the fee: 23,000 − 473 of equity.
    expect(isolatedEquity(position, market)).toBeCloseTo(23_000 - 473, 6);
  });

  it('slices more than 20% when 20% would not restore maintenance (B-LIQP: reduce toward compliance)', () => {
    const state = hkVenue({ sliceCoolDownSeconds: 30 });
    const trader = bigLong(state);
    const events: PerpEvent[] = [];
    stepTo(state, 45_800, events); // equity 8,000 vs maintenance 22,900: a deep hole
    const [slice] = liquidations(events);
    expect(slice!.qty).toBeGreaterThan(2);
    expect(liquidations(events)).toHaveLength(1);
    const position = state.accounts[trader]!.positions.BTC!;
    expect(isolatedEquity(position, state.markets.BTC)).toBeGreaterThanOrEqual(
      positionMaintenance(position, state.markets.BTC) - 1e-6,
    );
  });

  it('the cool-down stops a second slice in the same minute; without it the venue slices again at once', () => {
    // A 5% half spread: a slice fills so far below the mark that the account stays below maintenance.
    const wide = fixedSpreadSeam(0.05);
    const run = (venue: Partial<VenueOptions>) => {
      const state = hkVenue(venue);
      bigLong(state);
      const events: PerpEvent[] = [];
      stepTo(state, 47_300, events, wide);
      const first = liquidations(events).length;
      stepTo(state, 47_300, events, wide);
      stepTo(state, 47_300, events, wide);
      return { first, afterThree: liquidations(events).length };
    };
    const cooled = run({ sliceCoolDownSeconds: 30 });
    expect(cooled.first).toBe(1);
    const plain = run({ sliceCoolDownSeconds: null });
    expect(plain.first).toBeGreaterThan(1);
    // A cool-down longer than a step skips the next minute too.
    const long = run({ sliceCoolDownSeconds: 90 });
    expect(long.afterThree).toBeLessThan(cooled.afterThree);
  });
});

describe('the backstop vault (Hyperliquid: equity below ⅔ of maintenance, W38)', () => {
  it('takes the position and its remaining margin at the mark, instead of a market liquidation', () => {
    const rules = { ...HK_SFC_2026.perp, partialLiquidation: null };
    const state = hkVenue({ backstopShareOfMaintenance: 2 / 3 }, rules);
    const trader = bigLong(state);
    const provider = state.accounts[0]!;
    const providerBefore = provider.wallet;
    const events: PerpEvent[] = [];
    // At 46,000: equity 10,000 < ⅔ × 23,000.
    stepTo(state, 46_000, events);
    expect(liquidations(events)).toEqual([
      expect.objectContaining({ settlement: 'backstop', qty: 10, fillPrice: 46_000, sizeAfter: 0, fee: 0 }),
    ]);
    expect(state.accounts[trader]!.wallet).toBeCloseTo(10_000 - 250, 6); // the unused deposit less the taker fee
    expect(provider.positions.BTC).toBeUndefined();
    expect(provider.wallet - providerBefore).toBeCloseTo(10_000 + 10 * (50_000 - 46_000), 6);
    // Above ⅔ of maintenance, the same fall is an ordinary liquidation in the market.
    const plain = hkVenue({ backstopShareOfMaintenance: 2 / 3 }, rules);
    bigLong(plain);
    const more: PerpEvent[] = [];
    stepTo(plain, 47_000, more); // equity 20,000 > ⅔ × 23,500
    expect(liquidations(more)[0]).toMatchObject({ settlement: 'within-margin' });
  });
});
