/**
 * The guardrails a sweep can move (issue 20): the catalogue's simulated settings whose value is one number, each
 * with a default range and the scale it reads in. The default ranges are our choice (assumption): wide enough to
 * hold every preset's value and the values regulators discuss (a 0–90% haircut around the SFC's 60%; leverage
 * caps from 1× to Binance's 125×; an insurance fund of 0–5% of open interest around the SFC [DEFAULT]'s 1%; a
 * cure period of 0–72 hours around 24 h). A guardrail that is a table (maintenance tiers) or a choice is not a
 * number and cannot be swept.
 */
import { REGIMES } from '../regimes/catalogue.ts';
import { deriveTiers } from '../perp/tiers.ts';
import { listedMarkets } from '../perp/rules.ts';
import type { PresetId } from '../regimes/types.ts';
import { customRegime, type RegimeOverrides } from '../regimes/index.ts';
import { GUARDRAIL_CATALOGUE } from './catalogue-data.ts';

export { SWEEP_RANGES, type SweepRange, type SweepScale } from './sweep-table.ts';
import { SWEEP_RANGES, type SweepRange } from './sweep-table.ts';

/** The paths a sweep accepts, in the table's order: simulated in the catalogue and one number. */
export const SWEEP_PATHS: readonly string[] = Object.keys(SWEEP_RANGES).filter((key) =>
  GUARDRAIL_CATALOGUE.some((entry) => entry.key === key && entry.simulated),
);

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
 * maintenance: 1 ÷ the first-tier rate, validate-regime); a margin-call LTV stays within target ≤ call < forced
 * sale, a forced-sale LTV above the call LTV (financing-rules).
 */
export function defaultSweepRange(
  key: string,
  preset: PresetId,
  overrides: RegimeOverrides = {},
): SweepRange {
  const range = SWEEP_RANGES[key];
  if (!range) throw new RangeError(`no sweep range for ${key}`);
  if (!LEVERAGE_PATHS.has(key) && !key.endsWith('Ltv')) return range;
  const regime = Object.keys(overrides).length === 0 ? REGIMES[preset] : customRegime(preset, overrides);
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
