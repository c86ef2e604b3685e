/**
 * Checks that a regime is usable: the engine's own validators for the perpetual and financing rules, then what
 * they leave out (names from fixed lists, tier tables, leverage against maintenance, the regime's own fields).
 * Each failure is a Refusal naming the parameter, the value and what is allowed.
 */
import { validateFinancingRules } from '../margin/financing-rules.ts';
import { COLLATERAL_ASSETS } from '../margin/collateral.ts';
import { MARKET_IDS } from '../perp/market.ts';
import { MARK_PRICE_METHODS } from '../perp/mark-price.ts';
import { listedMarkets, validatePerpRules } from '../perp/rules.ts';
import { deriveTiers } from '../perp/tiers.ts';
import {
  Refusal,
  above,
  below,
  between,
  check,
  flag,
  isRefusal,
  listOf,
  oneOf,
} from '../validation/index.ts';
import { effectiveMaxLeverage, validateExtras } from './extras.ts';
import type { RegimeRules } from './types.ts';

const INVESTOR_CLASSES = listOf(oneOf(['retail', 'professional']), { distinct: true });
const MARK_METHODS = oneOf(MARK_PRICE_METHODS);
const PRICE_SOURCES = oneOf(['mark', 'index']);
const LOSS_ALLOCATIONS = oneOf(['binance', 'bitmex', 'hyperliquid', 'socialised']);
const SPOT_FEE_RATE = between(0, 0.1);
const APPETITE = above(0, 10);

/** Why a market's leverage cap has a ceiling (surfaces translate it by this text). */
export const BELOW_MAINTENANCE = '1 ÷ the first-tier maintenance rate';

export function validateRegime(regime: RegimeRules): void {
  const { perp, financing } = regime;
  validatePerpRules(perp);
  validateFinancingRules(financing);
  // Before the caps are read below: the per-market caps must be an object of numbers.
  validateExtras(regime.extras);

  check('perpetual eligible investor classes', perp.eligibleClasses, INVESTOR_CLASSES);
  check('mark method', perp.markMethod, MARK_METHODS);
  check('funding price source', perp.funding.priceSource, PRICE_SOURCES);
  check('loss allocation', perp.lossAllocation, LOSS_ALLOCATIONS);
  check('negative-balance protection', perp.negativeBalanceProtection, flag);
  for (const market of MARKET_IDS) {
    let firstMmr: number;
    try {
      firstMmr = (deriveTiers(perp.tiers[market])[0] as { mmr: number }).mmr;
    } catch (error) {
      throw isRefusal(error) ? error.within(`${market} maintenance tiers`) : error;
    }
    // Opening at the cap must leave equity above maintenance: initial margin 1/L > first-tier rate. A market
    // the rules do not list opens nothing (its tiers apply only once a custom rule set lists it).
    if (!listedMarkets(perp).includes(market)) continue;
    const cap = effectiveMaxLeverage(regime, market);
    if (!(1 / cap > firstMmr))
      throw new Refusal(`${market} maximum leverage`, cap, below(1 / firstMmr, BELOW_MAINTENANCE).allowed);
  }

  check('financing eligible investor classes', financing.eligibleClasses, INVESTOR_CLASSES);
  for (const asset of COLLATERAL_ASSETS)
    check(`${asset} collateral eligibility`, financing.collateral[asset].eligible, flag);

  check('spot taker fee rate', regime.spot.takerFeeRate, SPOT_FEE_RATE);
  check('affiliated market maker allowed', regime.marketMaker.affiliatedAllowed, flag);
  check('market-maker safeguards', regime.marketMaker.safeguards, flag);
  check('retail leverage appetite', regime.retailLeverageAppetite, APPETITE);
}
