/**
 * Checks that a regime is usable: the engine's own validators for the perpetual and financing rules, then what
 * they leave out (names from fixed lists, tier tables, leverage against maintenance, the regime's own fields).
 * Each failure is a RangeError naming the parameter, the value and what is allowed.
 */
import { validateFinancingRules } from '../margin/financing-rules.ts';
import { COLLATERAL_ASSETS } from '../margin/collateral.ts';
import { MARKET_IDS } from '../perp/market.ts';
import { validatePerpRules } from '../perp/rules.ts';
import { deriveTiers } from '../perp/tiers.ts';
import { effectiveMaxLeverage, validateExtras } from './extras.ts';
import type { Regime } from './types.ts';

const INVESTOR_CLASSES = ['retail', 'professional'];
const MARGIN_MODES = ['isolated', 'cross'];
const MARK_METHODS = ['index-anchored', 'last-traded'];
const PRICE_SOURCES = ['mark', 'index'];
const LOSS_ALLOCATIONS = ['binance', 'bitmex', 'hyperliquid', 'socialised'];

function oneOf(name: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value))
    throw new RangeError(`${name} must be one of ${allowed.join(', ')} (got ${String(value)})`);
}

function listOf(name: string, values: unknown, allowed: readonly string[], minLength: number): void {
  if (!Array.isArray(values) || values.length < minLength)
    throw new RangeError(
      `${name} must list at least ${minLength} of ${allowed.join(', ')} (got ${String(values)})`,
    );
  values.forEach((v) => oneOf(`each of ${name}`, v, allowed));
  if (new Set(values).size !== values.length)
    throw new RangeError(`${name} must not repeat an entry (got ${values.join(', ')})`);
}

function flag(name: string, value: unknown): void {
  if (typeof value !== 'boolean')
    throw new RangeError(`${name} must be true or false (got ${String(value)})`);
}

export function validateRegime(regime: Regime): void {
  const { perp, financing } = regime;
  validatePerpRules(perp);
  validateFinancingRules(financing);

  listOf('perpetual eligible investor classes', perp.eligibleClasses, INVESTOR_CLASSES, 0);
  listOf('margin modes', perp.marginModes, MARGIN_MODES, 1);
  oneOf('mark method', perp.markMethod, MARK_METHODS);
  oneOf('funding price source', perp.funding.priceSource, PRICE_SOURCES);
  oneOf('loss allocation', perp.lossAllocation, LOSS_ALLOCATIONS);
  flag('negative-balance protection', perp.negativeBalanceProtection);
  for (const market of MARKET_IDS) {
    let firstMmr: number;
    try {
      firstMmr = (deriveTiers(perp.tiers[market])[0] as { mmr: number }).mmr;
    } catch (error) {
      throw new RangeError(`${market} maintenance tiers: ${(error as Error).message}`);
    }
    // Opening at the cap must leave equity above maintenance: initial margin 1/L > first-tier rate.
    const cap = effectiveMaxLeverage(regime, market);
    if (!(1 / cap > firstMmr))
      throw new RangeError(
        `${market} maximum leverage must be below 1 ÷ the first-tier maintenance rate ${firstMmr} = ${1 / firstMmr}× (got ${cap}×)`,
      );
  }

  listOf('financing eligible investor classes', financing.eligibleClasses, INVESTOR_CLASSES, 0);
  for (const asset of COLLATERAL_ASSETS)
    flag(`${asset} collateral eligibility`, financing.collateral[asset].eligible);

  const { takerFeeRate } = regime.spot;
  if (!(Number.isFinite(takerFeeRate) && takerFeeRate >= 0 && takerFeeRate <= 0.1))
    throw new RangeError(`spot taker fee rate must be between 0 and 0.1 (got ${takerFeeRate})`);
  flag('affiliated market maker allowed', regime.marketMaker.affiliatedAllowed);
  flag('market-maker safeguards', regime.marketMaker.safeguards);
  const appetite = regime.retailLeverageAppetite;
  if (!(Number.isFinite(appetite) && appetite > 0 && appetite <= 10))
    throw new RangeError(`retail leverage appetite must be a multiplier in (0, 10] (got ${appetite})`);
  validateExtras(regime.extras);
}
