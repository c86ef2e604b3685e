/**
 * The policy frontier (issue 20): one guardrail of one rule set moved across a range, each value judged over
 * the same seeds (common random numbers: every value meets the same price shocks and the same traders), so a
 * curve shows where an outcome turns. Pure: the command line runs the configs itself, the app hands them to the
 * worker pool; both turn the summaries into points here, so their points are the same for the same state.
 */
import { defaultSweepRange, isSweepPath, SWEEP_PATHS } from '../guardrail-catalogue/sweep-ranges.ts';
import { withSetting } from '../guardrail-catalogue/setting.ts';
import { maintenanceRateMarket, withMaintenanceRate } from '../guardrail-catalogue/maintenance-rate.ts';
import { customRules, PRESET_RULES } from '../regimes/rules-catalogue.ts';
import type { PresetId, RegimeOverrides } from '../regimes/index.ts';
import { MARKET_IDS, type MarketId } from '../perp/market.ts';
import { listedMarkets } from '../perp/rules.ts';
import { Refusal, check, finiteNumber, isRefusal, wholeNumber } from '../validation/index.ts';
import { spreadOf, type Spread } from './across-seeds.ts';
import { sweepValues } from './sweep-values.ts';

export { sweepValues } from './sweep-values.ts';
import { summaryFigures } from './figure-paths.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import type { RunSummary } from './summary.ts';

/** A sweep has at least its two ends and at most this many values (each value is `seeds` whole runs). */
export const MAX_SWEEP_STEPS = 50;
export const MAX_SWEEP_SEEDS = 200;
export const SWEEP_STEPS = wholeNumber(2, MAX_SWEEP_STEPS);
export const SWEEP_SEEDS = wholeNumber(1, MAX_SWEEP_SEEDS);

export interface SweepRequest {
  /** Scenario, first seed, population, market maker, length: as for one comparison. */
  run: Omit<RunConfig, 'regime' | 'overrides'>;
  regime: PresetId;
  /** The rule set's own changes, kept at every value (the swept path is set on top). */
  overrides?: RegimeOverrides;
  /** A path of SWEEP_PATHS (`financing.collateral.BTC.haircut`). */
  guardrail: string;
  from: number;
  to: number;
  steps: number;
  /** Seeds run.seed … run.seed + seeds − 1 at every value. */
  seeds: number;
}

/**
 * The outcomes a frontier plots (the outcome card's measures): each a figure path of the summary, or one of the
 * two differences the card shows (retail losses, the fund's drawdown).
 */
export const SWEEP_OUTCOMES = [
  'liquidations.traders',
  'byClass.retail.loss',
  'lossesBeyondDeposits',
  'insuranceFund.drawdown',
  'adl.count',
  'broker.forcedSales',
  'brokerShortfall',
] as const;
export type SweepOutcome = (typeof SWEEP_OUTCOMES)[number];

export type SweepPoint = { value: number } & Record<string, Spread & { runs: number }>;

/**
 * The overrides of the rule set at one value of the swept path (built as the rule-set panel builds them); a
 * maintenance rate becomes its market's whole table of tiers, rescaled (maintenance-rate.ts).
 */
export function overridesAt(request: SweepRequest, value: number): RegimeOverrides {
  const base = PRESET_RULES[request.regime];
  const overrides = request.overrides ?? {};
  const market = maintenanceRateMarket(request.guardrail);
  if (market !== null) return withMaintenanceRate(base, overrides, market, value);
  return withSetting(base, overrides, request.guardrail, value);
}

/** The market a guardrail belongs to, when the rule set does not list it (sweeping it would move nothing). */
function unlistedMarketOf(request: SweepRequest): MarketId | null {
  // A market's own guardrail ends in its id: extras.maxLeverageByMarket.ALT, perp.maintenanceRate.ALT.
  const market = MARKET_IDS.find((m) => request.guardrail.endsWith(`.${m}`));
  if (market === undefined) return null;
  const rules = customRules(request.regime, request.overrides ?? {}).perp;
  return listedMarkets(rules).includes(market) ? null : market;
}

/**
 * Checks a sweep before anything runs: the path, the range, the counts, and every value as a rule set (the
 * engine's own validation refuses a value in its words: "BTC haircut must be between 0% and 100% (got 120%)").
 */
export function validateSweep(request: SweepRequest): number[] {
  if (!isSweepPath(request.guardrail))
    throw new Refusal('guardrail', request.guardrail, {
      kind: 'words',
      text: `a guardrail with one number (${SWEEP_PATHS.join(', ')})`,
    });
  const from = check('from', request.from, finiteNumber);
  const to = check('to', request.to, finiteNumber);
  if (!(to > from)) throw new Refusal('to', to, { kind: 'above', min: from });
  const steps = check('steps', request.steps, SWEEP_STEPS);
  const seeds = check('seeds', request.seeds, SWEEP_SEEDS);
  if (request.run.seed + seeds - 1 > Number.MAX_SAFE_INTEGER)
    throw new Refusal('seeds', seeds, {
      kind: 'words',
      text: 'a count that keeps the last seed a safe integer',
    });
  const unlisted = unlistedMarketOf(request);
  if (unlisted !== null)
    throw new Refusal('guardrail', request.guardrail, {
      kind: 'words',
      text: `a guardrail of a market the rule set lists (it does not list the ${unlisted} perpetual, so this changes nothing)`,
    });
  const values = sweepValues(from, to, steps);
  // The two ends decide every value between for the engine's range checks, but an ordering check (call LTV
  // below forced-sale LTV) or a leverage ceiling can fall inside: every value is built.
  for (const value of values) customRules(request.regime, overridesAt(request, value));
  return values;
}

export interface SweepStep {
  value: number;
  /** The value's runs, seed by seed. */
  configs: RunConfig[];
}

/** The runs of the sweep, value by value, each value's seeds in order (checked by validateSweep first). */
export function sweepPlan(request: SweepRequest): SweepStep[] {
  return validateSweep(request).map((value) => {
    const overrides = overridesAt(request, value);
    const configs = Array.from({ length: request.seeds }, (_, k) => ({
      ...request.run,
      seed: request.run.seed + k,
      regime: request.regime,
      overrides,
    }));
    return { value, configs };
  });
}

/** Every figure of one run (retail losses and the fund's drawdown included: summary figures like the rest). */
export function sweepFigures(summary: RunSummary): Record<string, number> {
  return summaryFigures(summary);
}

/**
 * One point of the frontier: at `value`, every figure's median and 10th and 90th percentiles over the seeds'
 * runs (a figure some runs lack, an offshore venue, over the runs that have it; `runs` says how many).
 */
export function sweepPoint(value: number, summaries: readonly RunSummary[]): SweepPoint {
  const lists: Record<string, number[]> = {};
  for (const summary of summaries)
    for (const [path, figure] of Object.entries(sweepFigures(summary))) (lists[path] ??= []).push(figure);
  const point: Record<string, unknown> = { value };
  for (const [path, list] of Object.entries(lists)) point[path] = { ...spreadOf(list), runs: list.length };
  return point as SweepPoint;
}

/** The paths a rule set can sweep over their default ranges (a field of a guardrail it lacks is left out). */
export function sweepPathsFor(regime: PresetId, overrides: RegimeOverrides = {}): string[] {
  return SWEEP_PATHS.filter((guardrail) => {
    try {
      const { from, to } = defaultSweepRange(guardrail, regime, overrides);
      validateSweep({ run: DEFAULT_RUN, regime, overrides, guardrail, from, to, steps: 2, seeds: 1 });
      return true;
    } catch (error) {
      if (isRefusal(error)) return false;
      throw error;
    }
  });
}
