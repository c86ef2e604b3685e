/**
 * Negative-balance protection holds at every accepted setting (issue 19, "Guarantees that must hold for every
 * accepted setting"): where the rules promise it (guardrails.md "Negative-balance protection": loss limited to
 * the margin posted, W5, W33), no trader's venue equity ends below zero, and money is conserved.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accountEquity } from '../perp/margin.ts';
import { PRESET_IDS } from '../regimes/types.ts';
import { SCENARIO_IDS } from '../scenarios/catalogue.ts';
import { DEFAULT_RUN, validateRunConfig, type RunConfig } from './config.ts';
import { createRun, type RunState } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';
import { summarize } from './summary.ts';

function finishedRun(config: RunConfig): RunState {
  const run = createRun(config);
  while (!isFinished(run)) stepRun(run);
  return run;
}

/** Every trader account below zero (beyond a billionth of its deposits) on a venue with protection. */
function negativeTraders(run: RunState): { account: number; equity: number }[] {
  const found: { account: number; equity: number }[] = [];
  for (const venue of [run.onshore, run.offshore]) {
    if (!venue || !venue.exchange.rules.negativeBalanceProtection) continue;
    const { accounts, markets } = venue.exchange;
    for (const account of accounts) {
      if (account.kind !== 'trader') continue;
      const equity = accountEquity(account, markets);
      if (equity < -1e-9 * Math.max(1, account.deposited)) found.push({ account: account.id, equity });
    }
  }
  return found;
}

/** Issue 19's repro: 900× against a 0.1% maintenance rate, with the retail appetite at its top. */
const THIN_MAINTENANCE: RunConfig = {
  ...DEFAULT_RUN,
  scenario: 'synthetic-flash-crash',
  days: 1,
  regime: 'offshore-cex',
  population: { ...DEFAULT_RUN.population, traders: 200 },
  invariantEvery: 1,
  overrides: {
    'perp.maxLeverage': 900,
    'perp.tiers.BTC': [{ floor: 0, mmr: 0.001 }],
    'perp.tiers.ETH': [{ floor: 0, mmr: 0.001 }],
    retailLeverageAppetite: 10,
  },
};

/**
 * Socialised losses with the protection (issue 19): Hong Kong's rules with the losses spread per coin instead of
 * ADL, the fund empty, and the thin-maintenance corner open to retail. A share charged over a small open
 * interest exceeded some positions' margins: before the venue bore the excess, one trader ended at −771,583.
 */
const SOCIALISED_CORNER: RunConfig = {
  ...DEFAULT_RUN,
  seed: 1,
  scenario: 'synthetic-flash-crash',
  days: 1,
  regime: 'hk-sfc-2026',
  population: { ...DEFAULT_RUN.population, traders: 200 },
  overrides: {
    'perp.lossAllocation': 'socialised',
    'perp.insuranceFundStart': 0,
    'perp.maxLeverage': 900,
    'perp.tiers.BTC': [{ floor: 0, mmr: 0.001 }],
    'perp.tiers.ETH': [{ floor: 0, mmr: 0.001 }],
    retailLeverageAppetite: 10,
    'perp.eligibleClasses': ['retail', 'professional'],
    'extras.maxLeverageByMarket': {},
    'extras.newAccountMaxLeverage': null,
  },
};

describe('negative-balance protection at any accepted setting', () => {
  it('socialised losses: the venue bears a share beyond a protected trader’s equity, nobody ends below zero', () => {
    validateRunConfig(SOCIALISED_CORNER);
    const run = finishedRun(SOCIALISED_CORNER);
    const summary = summarize(run);
    expect(negativeTraders(run)).toEqual([]);
    expect(summary.lossesBeyondDeposits).toBe(0);
    expect(summary.conservationError).toBeLessThan(1e-9);
    // The path was taken: losses were socialised and the venue bore part of them.
    const socialised = run.events.filter((e) => e.type === 'socialised-loss');
    expect(socialised.length).toBeGreaterThan(0);
    expect(socialised.some((e) => e.type === 'socialised-loss' && e.borneByVenue > 0)).toBe(true);
  });

  it('900× with 0.1% maintenance: a close beyond bankruptcy is liquidated, nobody ends below zero', () => {
    const run = finishedRun(THIN_MAINTENANCE);
    const summary = summarize(run);
    expect(negativeTraders(run)).toEqual([]);
    expect(summary.lossesBeyondDeposits).toBe(0);
    expect(summary.conservationError).toBeLessThan(1e-9);
    // The closes beyond bankruptcy went to the liquidation engine: traders were liquidated and the fund paid.
    expect(summary.liquidations.traders).toBeGreaterThan(0);
  });

  it('holds over random accepted guardrails and every scenario (fast-check)', { timeout: 60_000 }, () => {
    const rate = fc.double({ min: 0.0005, max: 0.2, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
          scenario: fc.constantFrom(...SCENARIO_IDS),
          regime: fc.constantFrom(...PRESET_IDS),
          traders: fc.integer({ min: 30, max: 60 }),
          leakage: fc.constantFrom(0, 0.5),
          takerFeeRate: fc.constantFrom(0, 0.0005, 0.01, 0.1),
          makerFeeRate: fc.constantFrom(0, 0.0002, 0.1),
          mmrBtc: rate,
          mmrEth: rate,
          leverage: fc.integer({ min: 1, max: 2_000 }),
          appetite: fc.double({ min: 0.1, max: 10, noNaN: true }),
          openToAll: fc.boolean(),
          // 'socialised' included: a loss spread per coin over a small open interest can charge a position more
          // than its equity; the venue bears the excess (liquidation.ts).
          lossAllocation: fc.constantFrom('binance', 'bitmex', 'hyperliquid', 'socialised'),
          // Half the draws go to the corner where protection used to break: the thinnest maintenance the
          // tiers accept, the highest cap it allows, the top retail appetite, open to retail on both markets.
          corner: fc.boolean(),
          thin: fc.constantFrom(0.0005, 0.001),
        }),
        (drawn) => {
          const draw = drawn.corner
            ? {
                ...drawn,
                mmrBtc: drawn.thin,
                mmrEth: drawn.thin,
                leverage: 2_000,
                appetite: 10,
                openToAll: true,
              }
            : drawn;
          // The cap must stay below 1 ÷ the first-tier maintenance rate (validate-regime.ts).
          const ceiling = 1 / Math.max(draw.mmrBtc, draw.mmrEth);
          const config: RunConfig = {
            ...DEFAULT_RUN,
            seed: draw.seed,
            scenario: draw.scenario,
            regime: draw.regime,
            population: { ...DEFAULT_RUN.population, traders: draw.traders, leakage: draw.leakage },
            invariantEvery: 1,
            ...(draw.scenario.startsWith('synthetic') ? { days: 0.25 } : {}),
            overrides: {
              'perp.takerFeeRate': draw.takerFeeRate,
              'perp.makerFeeRate': draw.makerFeeRate,
              'perp.tiers.BTC': [{ floor: 0, mmr: draw.mmrBtc }],
              'perp.tiers.ETH': [{ floor: 0, mmr: draw.mmrEth }],
              'perp.maxLeverage': Math.min(draw.leverage, Math.ceil(ceiling) - 1),
              'perp.lossAllocation': draw.lossAllocation,
              // Every preset with the protection switched on: the guarantee is then promised in every run.
              'perp.negativeBalanceProtection': true,
              retailLeverageAppetite: draw.appetite,
              ...(draw.openToAll
                ? {
                    'perp.eligibleClasses': ['retail', 'professional'],
                    'extras.maxLeverageByMarket': {},
                    'extras.newAccountMaxLeverage': null,
                  }
                : {}),
            },
          };
          try {
            validateRunConfig(config);
          } catch {
            return fc.pre(false); // only settings the app accepts
          }
          const run = finishedRun(config);
          expect(negativeTraders(run)).toEqual([]);
          expect(summarize(run).conservationError).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 10 },
    );
  });
});
