/**
 * A seeded random multi-trader venue run for tests: random rules, traders, orders and a volatile price path
 * with crash-like jumps. `fast` switches on the liquidation-threshold index (the fast engine).
 */
import { nextFloat, nextInt, nextNormal, seedPrng, type PrngState } from '../prng.ts';
import type { PerpEvent } from './events.ts';
import { openAccount, type ExchangeState } from './exchange.ts';
import { checkInvariants } from './invariants.ts';
import { LiquidationWatch } from './liquidation-watch.ts';
import { fixedSpreadSeam } from './market-seam.ts';
import { MARK_PRICE_METHODS } from './mark-price.ts';
import { placeMarketOrder } from './orders.ts';
import type { LossAllocation, PerpRules } from './rules.ts';
import { stepExchange } from './step.ts';
import { testRules, testVenue } from './test-support.ts';
import * as fdlibm from '../math/fdlibm.ts';

const ALLOCATIONS: LossAllocation[] = ['binance', 'bitmex', 'hyperliquid', 'socialised'];

function rulesFor(rng: PrngState): PerpRules {
  return testRules({
    eligibleClasses: nextFloat(rng) < 0.5 ? ['professional'] : ['retail', 'professional'],
    maxLeverage: [5, 20, 50, 125][nextInt(rng, 4)]!,
    takerFeeRate: nextFloat(rng) * 0.001,
    makerFeeRate: nextFloat(rng) * 0.0002,
    liquidationFeeRate: nextFloat(rng) * 0.015,
    partialLiquidation: nextFloat(rng) < 0.5 ? null : { sliceFraction: 0.2, minNotional: 20_000 },
    markMethod: MARK_PRICE_METHODS[nextInt(rng, MARK_PRICE_METHODS.length)]!,
    funding: {
      intervalHours: [1, 4, 8][nextInt(rng, 3)]!,
      interest: 0.0001,
      clamp: 0.0005,
      cap: nextFloat(rng) < 0.5 ? null : 0.004,
      priceSource: nextFloat(rng) < 0.5 ? 'mark' : 'index',
    },
    lossAllocation: ALLOCATIONS[nextInt(rng, 4)]!,
    negativeBalanceProtection: nextFloat(rng) < 0.8,
    insuranceFundStart: nextFloat(rng) < 0.5 ? 0 : 20_000,
  });
}

export interface RunResult {
  events: PerpEvent[];
  /**
   * Worst over the steps. `conservation` is relative to all deposits, which the liquidity provider's 5e8
   * dominates (1e-9 of it is $0.50); `traderConservation` is the same error relative to the traders' deposits
   * ($1k–50k each), so a leak of a cent from a trader's wallet shows.
   */
  worst: { conservation: number; traderConservation: number; openInterest: number; fund: number };
  state: ExchangeState;
}

/** Lets a test look at the venue just before and just after each step of the exchange (after the orders). */
export interface StepObserver {
  before(state: ExchangeState): void;
  after(state: ExchangeState, events: readonly PerpEvent[], from: number): void;
}

/** A venue with `traders` random traders and a volatile price path with crash-like jumps. */
export function randomRun(
  seed: number,
  traders: number,
  steps: number,
  fast = false,
  observer?: StepObserver,
): RunResult {
  const rng = seedPrng(seed);
  const rules = rulesFor(rng);
  // Venue options from a stream of their own, so the older draws (and the seeds pinned in tests) stay as they were.
  const venueRng = seedPrng((seed ^ 0x7e_5e_0f) >>> 0);
  // The minutes' intra-minute extremes from a third stream (same reason): up to 1.5% beyond open and close.
  const wickRng = seedPrng((seed ^ 0x1e_7a_3b) >>> 0);
  const state = testVenue(rules, 5e8, {
    sliceCoolDownSeconds: [null, 30, 90][nextInt(venueRng, 3)]!,
    backstopShareOfMaintenance: nextFloat(venueRng) < 0.3 ? 2 / 3 : null,
    fundShareOfOpenInterest: nextFloat(venueRng) < 0.3 ? 0.01 : null,
    clockStartSecond: 60 * nextInt(venueRng, 1_440),
  });
  if (fast) state.watch = new LiquidationWatch(state);
  const seam = fixedSpreadSeam(nextFloat(rng) * 0.002);
  let traderDeposits = 0;
  for (let i = 0; i < traders; i++) {
    const investorClass = nextFloat(rng) < 0.6 ? 'retail' : 'professional';
    const deposit = 1_000 + nextFloat(rng) * 50_000;
    openAccount(state, 'trader', investorClass, deposit);
    traderDeposits += deposit;
  }
  const events: PerpEvent[] = [];
  // BTC and ETH, the markets the test rules list.
  const markets = ['BTC', 'ETH'] as const;
  const prices = { BTC: 50_000, ETH: 2_500 };
  const worst = { conservation: 0, traderConservation: 0, openInterest: 0, fund: Infinity };
  for (let step = 0; step < steps; step++) {
    for (let k = 0; k < Math.max(1, traders / 10); k++) {
      const account = 1 + nextInt(rng, traders);
      const market = markets[nextInt(rng, 2)]!;
      const leverage = 1 + nextFloat(rng) * rules.maxLeverage * 1.2;
      const wallet = state.accounts[account]!.wallet;
      const qty = (Math.max(wallet, 100) * leverage * nextFloat(rng) * 0.9) / prices[market];
      if (qty <= 0) continue;
      placeMarketOrder(
        state,
        seam,
        {
          account,
          market,
          side: nextFloat(rng) < 0.6 ? 'long' : 'short',
          qty,
          leverage,
          mode: nextFloat(rng) < 0.5 ? 'isolated' : 'cross',
        },
        events,
      );
    }
    const opens = { ...prices };
    for (const market of markets) {
      const jump = nextFloat(rng) < 0.01 ? -0.08 * nextFloat(rng) : 0;
      prices[market] *= fdlibm.exp(0.004 * nextNormal(rng) + jump);
    }
    const traded = (p: number) => p * (1 + 0.003 * nextNormal(rng));
    const quote = (market: (typeof markets)[number]) => ({
      index: prices[market],
      traded: traded(prices[market]),
      low: Math.min(opens[market], prices[market]) * (1 - 0.015 * nextFloat(wickRng) ** 2),
      high: Math.max(opens[market], prices[market]) * (1 + 0.015 * nextFloat(wickRng) ** 2),
    });
    observer?.before(state);
    const from = events.length;
    stepExchange(state, { BTC: quote('BTC'), ETH: quote('ETH') }, seam, events);
    observer?.after(state, events, from);
    const report = checkInvariants(state);
    worst.conservation = Math.max(worst.conservation, report.conservationError);
    const absoluteError = report.conservationError * Math.max(state.totalDeposits, 1e-9);
    worst.traderConservation = Math.max(worst.traderConservation, absoluteError / traderDeposits);
    worst.openInterest = Math.max(worst.openInterest, report.openInterestError);
    worst.fund = Math.min(worst.fund, report.minInsuranceFund);
  }
  return { events, worst, state };
}
