/**
 * The guardrails a sweep can move (issue 20): the catalogue's simulated settings whose value is one number, each
 * with a default range and the scale it reads in. The default ranges are our choice (assumption): wide enough to
 * hold every preset's value and the values regulators discuss (a 0–90% haircut around the SFC's 60%; leverage
 * caps from 1× to Binance's 125×; an insurance fund of 0–5% of open interest around the SFC [DEFAULT]'s 1%; a
 * cure period of 0–72 hours around 24 h; a first-tier maintenance rate of 0.5–25%, up to the 25% that models
 * ESMA's and Japan's 50% close-out). A guardrail that is a choice is not a number and cannot be swept; a table
 * of maintenance tiers is swept by its first-tier rate, the others in proportion (maintenance-rate.ts).
 */
import { REGIMES } from '../regimes/catalogue.ts';
import { deriveTiers } from '../perp/tiers.ts';
import { listedMarkets } from '../perp/rules.ts';
import type { PresetId } from '../regimes/types.ts';
import {
  customRegime,
  type GuardrailKey,
  type RegimeOverrides,
  type RegimeParameters,
} from '../regimes/index.ts';
import { GUARDRAIL_CATALOGUE } from './catalogue-data.ts';
import { firstRateCeiling, firstTierRate, maintenanceRateMarket, tiersKey } from './maintenance-rate.ts';
import { settingPath } from './setting.ts';

export { SWEEP_RANGES, type SweepRange, type SweepScale } from './sweep-table.ts';
import { SWEEP_RANGES, type SweepRange } from './sweep-table.ts';

/** The catalogue's entry a sweep path moves: its own, or for a maintenance rate its market's tiers. */
export function catalogueKeyOf(path: string): string {
  const market = maintenanceRateMarket(path);
  return market === null ? path : tiersKey(market);
}

/** The paths a sweep accepts, in the table's order: simulated in the catalogue and one number. */
export const SWEEP_PATHS: readonly string[] = Object.keys(SWEEP_RANGES).filter((key) =>
  GUARDRAIL_CATALOGUE.some((entry) => entry.key === catalogueKeyOf(key) && entry.simulated),
);

/** The guardrail a sweep path changes, whose provenance says where the rule set's value comes from. */
export function sweptGuardrail(path: string): GuardrailKey {
  const market = maintenanceRateMarket(path);
  return market === null ? settingPath(path).guardrail : tiersKey(market);
}

/** A rule set's own value at a sweep path (a maintenance rate: its first tier's), or null where it has none. */
export function sweptValue(regime: RegimeParameters, path: string): number | null {
  const market = maintenanceRateMarket(path);
  if (market !== null) return firstTierRate(regime, market);
  let node: unknown = regime;
  for (const segment of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return null;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'number' ? node : null;
}

export function isSweepPath(key: string): boolean {
  return SWEEP_PATHS.includes(key);
}

const LEVERAGE_PATHS = new Set([
  'perp.maxLeverage',
  'extras.maxLeverageByMarket.BTC',
  'extras.maxLeverageByMarket.ETH',
  'extras.maxLeverageByMarket.ALT',
  'extras.newAccountMaxLeverage',
]);

/**
 * The default range of a path under a rule set, so that the default never starts with a refusal. A leverage cap
 * stops below what the rule set's maintenance tiers allow (opening at the cap must leave equity above
 * maintenance: 1 ÷ the first-tier rate, validate-regime), and a first-tier maintenance rate below what the cap
 * allows; a margin-call LTV stays within target ≤ call < forced sale, a forced-sale LTV above the call LTV
 * (financing-rules).
 */
export function defaultSweepRange(
  key: string,
  preset: PresetId,
  overrides: RegimeOverrides = {},
): SweepRange {
  const range = SWEEP_RANGES[key];
  if (!range) throw new RangeError(`no sweep range for ${key}`);
  const market = maintenanceRateMarket(key);
  if (!LEVERAGE_PATHS.has(key) && !key.endsWith('Ltv') && market === null) return range;
  const regime = Object.keys(overrides).length === 0 ? REGIMES[preset] : customRegime(preset, overrides);
  if (market !== null)
    return maintenanceRateRange(range, firstTierRate(regime, market), firstRateCeiling(regime, market).max);
  const { targetLtv, callLtv, liquidationLtv } = regime.financing;
  const hundredths = (x: number) => Math.round(x * 100) / 100;
  if (key === 'financing.callLtv')
    return { ...range, from: hundredths(targetLtv), to: hundredths(liquidationLtv - 0.01) };
  if (key === 'financing.liquidationLtv')
    return { ...range, from: hundredths(callLtv + 0.01), to: Math.max(range.to, hundredths(callLtv + 0.02)) };
  // The markets the cap binds: the one named, or every listed market without a lower cap of its own.
  const named = key.startsWith('extras.maxLeverageByMarket.') ? key.slice(key.lastIndexOf('.') + 1) : null;
  let ceiling = Infinity;
  for (const market of listedMarkets(regime.perp)) {
    const firstMmr = (deriveTiers(regime.perp.tiers[market])[0] as { mmr: number }).mmr;
    const own = regime.extras.maxLeverageByMarket[market];
    const binds = named === null ? own === undefined || own >= 1 / firstMmr : named === market;
    if (binds) ceiling = Math.min(ceiling, 1 / firstMmr);
  }
  const to = Math.min(range.to, Math.ceil(ceiling) - 1);
  return { ...range, to: Math.max(range.from + 1, to) };
}

/** The largest multiple of `grid` strictly below `ceiling` (at 12 digits, so 0.1 over 0.005 is 20 steps). */
function gridBelow(ceiling: number, grid: number): number {
  const steps = Math.ceil(Number((ceiling / grid).toPrecision(12))) - 1;
  return Number((steps * grid).toPrecision(12));
}

/** The largest multiple of `grid` at or below `x`. */
function gridAtOrBelow(x: number, grid: number): number {
  return Number((Math.floor(Number((x / grid).toPrecision(12))) * grid).toPrecision(12));
}

/**
 * A first-tier maintenance rate's default range under a rule set: from the table's from (or half the rule set's
 * own rate, when that is lower: Binance's 0.4%) to a round rate below the ceiling (1 ÷ the cap, or where the top
 * tier reaches 100%): on a 0.5% grid, or a 0.05% one when the ceiling is 2% or less (125× leaves 0.75%).
 */
function maintenanceRateRange(range: SweepRange, own: number, ceiling: number): SweepRange {
  const from = Math.min(range.from, gridAtOrBelow(own / 2, 0.0005));
  const to = Math.min(range.to, gridBelow(ceiling, ceiling > 0.02 ? 0.005 : 0.0005));
  return to > from ? { ...range, from, to } : { ...range, from: 0, to: ceiling / 2 };
}
