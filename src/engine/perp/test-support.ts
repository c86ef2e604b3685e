/**
 * Fixtures shared by the perpetual-engine tests: a rule set in the style of a large offshore venue and a small
 * venue with a liquidity provider. Not a regime preset (those carry sources); numbers here are test data.
 */
import { createExchange, openAccount, type ExchangeState, type VenueOptions } from './exchange.ts';
import type { PerpRules } from './rules.ts';
import { BINANCE_BTCUSDT_2021 } from './tiers.ts';

export function testRules(overrides: Partial<PerpRules> = {}): PerpRules {
  return {
    eligibleClasses: ['retail', 'professional'],
    maxLeverage: 125,
    marginModes: ['isolated', 'cross'],
    listsAlt: false,
    tiers: { BTC: BINANCE_BTCUSDT_2021, ETH: BINANCE_BTCUSDT_2021, ALT: BINANCE_BTCUSDT_2021 },
    takerFeeRate: 0,
    makerFeeRate: 0,
    liquidationFeeRate: 0,
    partialLiquidation: null,
    markMethod: 'last-traded',
    markEmaSeconds: 150,
    markBasisClamp: 0.005,
    funding: { intervalHours: 8, interest: 0.0001, clamp: 0.0005, cap: null, priceSource: 'mark' },
    lossAllocation: 'binance',
    negativeBalanceProtection: true,
    insuranceFundStart: 0,
    ...overrides,
  };
}

/** A venue at BTC 50,000 / ETH 2,500 / ALT 100 with a liquidity provider holding `providerCash`. */
export function testVenue(
  rules: PerpRules = testRules(),
  providerCash = 1e9,
  venue: Partial<VenueOptions> = {},
): ExchangeState {
  const state = createExchange(rules, { BTC: 50_000, ETH: 2_500, ALT: 100 }, 60, venue);
  openAccount(state, 'liquidity-provider', 'professional', providerCash);
  return state;
}
