import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from './broker-events.ts';
import { BROKER_ASSETS, type AssetPrices } from './broker-state.ts';
import { stepBroker } from './broker-step.ts';
import { clientOf, openClient } from './clients.ts';
import { buyOnCredit } from './financing.ts';
import { NO_REACTION } from './reactions.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { HK_CIRCULAR, PRICES, testBroker } from './test-support.ts';

const seam = fixedSpreadSpotSeam(0);

describe('stepBroker', () => {
  it('advances the clock and takes the new prices', () => {
    const state = testBroker();
    stepBroker(state, { ...PRICES, ETH: 2_000 }, seam, NO_REACTION, []);
    expect(state.step).toBe(1);
    expect(state.prices.ETH).toBe(2_000);
  });

  it('takes every broker asset’s new price, into its own object', () => {
    const state = testBroker();
    const prices = Object.fromEntries(BROKER_ASSETS.map((asset, k) => [asset, 7 + k])) as AssetPrices;
    stepBroker(state, prices, seam, NO_REACTION, []);
    expect(state.prices).toEqual(prices);
    expect(state.prices).not.toBe(prices);
  });

  it('accrues interest on the hour before checking margin, at the new prices', () => {
    // Step 60 ends at the day's close, where the broker makes its calls.
    const state = testBroker(
      { ...HK_CIRCULAR, maxCryptoShareOfLendingValue: null },
      { startMinuteOfDay: 24 * 60 - 60 },
    );
    const id = openClient(state, { investorClass: 'professional', cash: 36_001, financing: true });
    expect(buyOnCredit(state, seam, id, 'BTC', 1, [])).toBe(true); // LTV just under 40%
    state.step = 59;
    const events: BrokerEvent[] = [];
    stepBroker(state, { ...PRICES, BTC: 59_000 }, seam, NO_REACTION, events);
    expect(events.map((e) => e.type)).toEqual(['interest-accrued', 'margin-call']);
    expect(events[1]).toMatchObject({ debt: clientOf(state, id).principal + clientOf(state, id).interest });
  });

  it('refuses a price set with a missing, zero or non-finite price', () => {
    const state = testBroker();
    expect(() => stepBroker(state, { ...PRICES, BTC: 0 }, seam, NO_REACTION, [])).toThrow(
      'BTC price must be a number greater than 0 (got 0)',
    );
    expect(() => stepBroker(state, { ...PRICES, securities: NaN }, seam, NO_REACTION, [])).toThrow(
      /securities price/,
    );
    expect(state.step).toBe(0);
  });
});
