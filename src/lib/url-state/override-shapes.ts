/**
 * The JSON shape of each guardrail's value, checked before a value from a link reaches the engine: the engine's
 * validators check ranges and how values fit together, but they are written for typed code and would let a
 * string "0.5" or an extra object key through. Each shape is a rule of the shared validation layer, so a value
 * that does not fit is refused like any other field. Adding a guardrail key without a shape fails to compile.
 */
import type { GuardrailKey } from '../../engine/regimes/guardrail-keys.ts';
import {
  described,
  describeAllowed,
  finiteNumber,
  flag,
  isPlainRecord,
  listOf,
  oneOf,
  ownField,
  type Rule,
} from '../../engine/validation/index.ts';

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const number: Rule<number> = finiteNumber;
const numberOrNone: Rule<number | null> = described(
  'a finite number or null (none)',
  (v): v is number | null => v === null || isFiniteNumber(v),
);

/** A list of distinct options (investor classes, margin modes). */
const setOf = (options: readonly string[]): Rule<string[]> =>
  listOf(oneOf(options), { maxLength: options.length, distinct: true });

/** Field `name` of a record shape: eligibility is a flag, everything else a number. */
const fieldOk = (name: string, value: unknown): boolean =>
  name === 'eligible' ? typeof value === 'boolean' : isFiniteNumber(value);

/** An object with exactly (or, when `optional`, at most) these fields, each a finite number or a flag. */
function record(
  fields: readonly string[],
  { optional = false, nullable = false }: { optional?: boolean; nullable?: boolean } = {},
): Rule<Record<string, unknown> | null> {
  const body = `{ ${fields
    .map((f) => `${f}: ${f === 'eligible' ? 'true or false' : 'a finite number'}`)
    .join(', ')} }${optional ? ' (each field optional)' : ''}`;
  return described(nullable ? `${body} or null` : body, (value): value is Record<string, unknown> | null => {
    if (value === null) return nullable;
    if (!isPlainRecord(value)) return false;
    const keys = Object.keys(value);
    if (!keys.every((k) => fields.includes(k))) return false;
    if (!optional && keys.length !== fields.length) return false;
    return keys.every((k) => fieldOk(k, value[k]));
  });
}

const classes = setOf(['retail', 'professional']);
const collateral = record(['eligible', 'haircut']);

/** At most as many maintenance tiers as the engine takes (published tables have about a dozen). */
import { MAX_TIERS } from '../../engine/perp/tiers.ts';
import { MARKET_IDS } from '../../engine/perp/market.ts';
import { MARK_PRICE_METHODS } from '../../engine/perp/mark-price.ts';
export { MAX_TIERS };

/** A maintenance tier table: [{ floor, mmr }, …]. */
const tiers = listOf(
  described(
    '{ floor: a finite number, mmr: a finite number }',
    (tier): tier is { floor: number; mmr: number } =>
      isPlainRecord(tier) &&
      Object.keys(tier).length === 2 &&
      isFiniteNumber(ownField(tier, 'floor')) &&
      isFiniteNumber(ownField(tier, 'mmr')),
  ),
  { minLength: 1, maxLength: MAX_TIERS },
);

const SHAPES: Readonly<Record<GuardrailKey, Rule<unknown>>> = {
  'perp.eligibleClasses': classes,
  'perp.maxLeverage': number,
  'perp.marginModes': setOf(['isolated', 'cross']),
  'perp.listsAlt': flag,
  'perp.tiers.BTC': tiers,
  'perp.tiers.ETH': tiers,
  'perp.tiers.ALT': tiers,
  'perp.takerFeeRate': number,
  'perp.makerFeeRate': number,
  'perp.liquidationFeeRate': number,
  'perp.partialLiquidation': record(['sliceFraction', 'minNotional'], { nullable: true }),
  'perp.markMethod': oneOf(MARK_PRICE_METHODS),
  'perp.markEmaSeconds': number,
  'perp.markBasisClamp': number,
  'perp.funding.intervalHours': oneOf([1, 2, 4, 8]),
  'perp.funding.interest': number,
  'perp.funding.clamp': number,
  'perp.funding.cap': numberOrNone,
  'perp.funding.priceSource': oneOf(['mark', 'index']),
  'perp.lossAllocation': oneOf(['binance', 'bitmex', 'hyperliquid', 'socialised']),
  'perp.negativeBalanceProtection': flag,
  'perp.insuranceFundStart': number,
  'financing.eligibleClasses': classes,
  'financing.collateral.BTC': collateral,
  'financing.collateral.ETH': collateral,
  'financing.collateral.other-crypto': collateral,
  'financing.collateral.securities': collateral,
  'financing.callLtv': number,
  'financing.liquidationLtv': number,
  'financing.targetLtv': number,
  'financing.curePeriodMinutes': number,
  'financing.hourlyInterestRate': number,
  'financing.maxCryptoShareOfLendingValue': numberOrNone,
  'financing.maxLoansToCapital': numberOrNone,
  'financing.rehypothecationShare': number,
  'spot.takerFeeRate': number,
  'marketMaker.affiliatedAllowed': flag,
  'marketMaker.safeguards': flag,
  retailLeverageAppetite: number,
  'extras.maxLeverageByMarket': record(MARKET_IDS, { optional: true }),
  'extras.newAccountMaxLeverage': numberOrNone,
  'extras.partialLiquidationCooldownSeconds': numberOrNone,
  'extras.backstopEquityShareOfMaintenance': numberOrNone,
  'extras.insuranceFundShareOfOpenInterest': numberOrNone,
  'extras.clientPositionLimitNotional': numberOrNone,
  'extras.professionalPortfolioMinUsd': numberOrNone,
  'extras.financingExistingMarginClientsOnly': flag,
  'extras.financingStopsAdvancesOnCall': flag,
  'extras.marketMakerSpreadBps': record(['withoutAffiliated', 'withAffiliated']),
};

/** The rule for the value of guardrail `key`. */
export function overrideRule(key: GuardrailKey): Rule<unknown> {
  return SHAPES[key];
}

/** Null when `value` has the JSON shape of guardrail `key`; otherwise what is allowed, in words. */
export function overrideShapeProblem(key: GuardrailKey, value: unknown): string | null {
  const rule = SHAPES[key];
  return rule.accepts(value) ? null : describeAllowed(rule.allowed);
}
