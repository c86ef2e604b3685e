/**
 * Every parameter of a regime that a user would see as a guardrail, as a dotted path into the regime. Each
 * preset carries a provenance entry for each key (a test enforces it), and a custom regime overrides by key.
 */
import type { RegimeRules } from './types.ts';

export const GUARDRAIL_KEYS = [
  'perp.eligibleClasses',
  'perp.maxLeverage',
  'perp.marginModes',
  'perp.listsAlt',
  'perp.tiers.BTC',
  'perp.tiers.ETH',
  'perp.tiers.ALT',
  'perp.takerFeeRate',
  'perp.makerFeeRate',
  'perp.liquidationFeeRate',
  'perp.partialLiquidation',
  'perp.markMethod',
  'perp.markEmaSeconds',
  'perp.markBasisClamp',
  'perp.funding.intervalHours',
  'perp.funding.interest',
  'perp.funding.clamp',
  'perp.funding.cap',
  'perp.funding.priceSource',
  'perp.lossAllocation',
  'perp.negativeBalanceProtection',
  'perp.insuranceFundStart',
  'financing.eligibleClasses',
  'financing.collateral.BTC',
  'financing.collateral.ETH',
  'financing.collateral.other-crypto',
  'financing.collateral.securities',
  'financing.callLtv',
  'financing.liquidationLtv',
  'financing.targetLtv',
  'financing.curePeriodMinutes',
  'financing.hourlyInterestRate',
  'financing.maxCryptoShareOfLendingValue',
  'financing.maxLoansToCapital',
  'financing.rehypothecationShare',
  'spot.takerFeeRate',
  'marketMaker.affiliatedAllowed',
  'marketMaker.safeguards',
  'retailLeverageAppetite',
  'extras.maxLeverageByMarket',
  'extras.newAccountMaxLeverage',
  'extras.partialLiquidationCooldownSeconds',
  'extras.backstopEquityShareOfMaintenance',
  'extras.insuranceFundShareOfOpenInterest',
  'extras.clientPositionLimitNotional',
  'extras.professionalPortfolioMinUsd',
  'extras.financingExistingMarginClientsOnly',
  'extras.financingStopsAdvancesOnCall',
  'extras.marketMakerSpreadBps',
] as const;

export type GuardrailKey = (typeof GUARDRAIL_KEYS)[number];

/** The parameters of a regime, without its name, description and provenance. */
export type RegimeParameters = Pick<
  RegimeRules,
  'perp' | 'financing' | 'spot' | 'marketMaker' | 'retailLeverageAppetite' | 'extras'
>;

type PathValue<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? PathValue<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** The type of the parameter a key names: GuardrailValue<'perp.maxLeverage'> is number. */
export type GuardrailValue<K extends GuardrailKey> = PathValue<RegimeParameters, K>;

/** A custom regime's changes: any guardrail, by key, with a value of that parameter's type. */
export type RegimeOverrides = { [K in GuardrailKey]?: GuardrailValue<K> };

// Compile-time check that every key is a path into the regime's parameters.
type KeysWithoutParameter = {
  [K in GuardrailKey]: [GuardrailValue<K>] extends [never] ? K : never;
}[GuardrailKey];
type AssertNever<T extends never> = T;
type _EveryKeyNamesAParameter = AssertNever<KeysWithoutParameter>;

export function isGuardrailKey(value: unknown): value is GuardrailKey {
  return typeof value === 'string' && (GUARDRAIL_KEYS as readonly string[]).includes(value);
}
