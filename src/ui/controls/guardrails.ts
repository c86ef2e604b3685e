/**
 * How the rule-set panel shows each guardrail: which section it belongs to, what kind of control edits it,
 * and how its value reads as text. The values, their validation and their provenance stay in the engine
 * (`src/engine/regimes`); this file only decides presentation.
 */
import { MARK_PRICE_METHODS } from '../../engine/perp/mark-price.ts';
import { GUARDRAIL_KEYS, REGIMES, customRegime, guardrailValue } from '../../engine/regimes/index.ts';
import type { GuardrailKey, PresetId, Regime, RegimeOverrides } from '../../engine/regimes/index.ts';

export type GuardrailGroup = 'perp' | 'financing' | 'market';

/**
 * fraction: a share (0–1), read out as a percentage; hourlyRate: per hour, read out a year; minutes: read out
 * in hours; the others are plain numbers whose unit the label names.
 */
export type NumberUnit = 'fraction' | 'leverage' | 'usd' | 'seconds' | 'minutes' | 'hourlyRate' | 'multiple';

export type GuardrailControl =
  | { kind: 'number'; unit: NumberUnit; nullable: boolean }
  | { kind: 'boolean' }
  | { kind: 'choice'; options: readonly (string | number)[] }
  /** A subset of the options (investor classes, margin modes). */
  | { kind: 'set'; options: readonly string[] }
  /** A maintenance tier table: shown, not edited. */
  | { kind: 'tiers' }
  /** { eligible, haircut } for one collateral asset. */
  | { kind: 'collateral' }
  /** { sliceFraction, minNotional } or null (whole positions only). */
  | { kind: 'partial' }
  /** Per-market leverage caps { BTC?, ETH?, ALT? }. */
  | { kind: 'perMarket' }
  /** { withoutAffiliated, withAffiliated } in basis points. */
  | { kind: 'spread' };

export interface GuardrailView {
  group: GuardrailGroup;
  control: GuardrailControl;
}

const number = (unit: NumberUnit, nullable = false): GuardrailControl => ({ kind: 'number', unit, nullable });
const flag: GuardrailControl = { kind: 'boolean' };
const classes: GuardrailControl = { kind: 'set', options: ['retail', 'professional'] };

export const GUARDRAIL_VIEWS: Readonly<Record<GuardrailKey, GuardrailView>> = {
  'perp.eligibleClasses': { group: 'perp', control: classes },
  'perp.maxLeverage': { group: 'perp', control: number('leverage') },
  'perp.marginModes': { group: 'perp', control: { kind: 'set', options: ['isolated', 'cross'] } },
  'perp.listsAlt': { group: 'perp', control: flag },
  'perp.tiers.BTC': { group: 'perp', control: { kind: 'tiers' } },
  'perp.tiers.ETH': { group: 'perp', control: { kind: 'tiers' } },
  'perp.tiers.ALT': { group: 'perp', control: { kind: 'tiers' } },
  'perp.takerFeeRate': { group: 'perp', control: number('fraction') },
  'perp.makerFeeRate': { group: 'perp', control: number('fraction') },
  'perp.liquidationFeeRate': { group: 'perp', control: number('fraction') },
  'perp.partialLiquidation': { group: 'perp', control: { kind: 'partial' } },
  'perp.markMethod': {
    group: 'perp',
    control: { kind: 'choice', options: MARK_PRICE_METHODS },
  },
  'perp.markEmaSeconds': { group: 'perp', control: number('seconds') },
  'perp.markBasisClamp': { group: 'perp', control: number('fraction') },
  'perp.funding.intervalHours': { group: 'perp', control: { kind: 'choice', options: [1, 2, 4, 8] } },
  'perp.funding.interest': { group: 'perp', control: number('fraction') },
  'perp.funding.clamp': { group: 'perp', control: number('fraction') },
  'perp.funding.cap': { group: 'perp', control: number('fraction', true) },
  'perp.funding.priceSource': { group: 'perp', control: { kind: 'choice', options: ['mark', 'index'] } },
  'perp.lossAllocation': {
    group: 'perp',
    control: { kind: 'choice', options: ['binance', 'bitmex', 'hyperliquid', 'socialised'] },
  },
  'perp.negativeBalanceProtection': { group: 'perp', control: flag },
  'perp.insuranceFundStart': { group: 'perp', control: number('usd') },
  'financing.eligibleClasses': { group: 'financing', control: classes },
  'financing.collateral.BTC': { group: 'financing', control: { kind: 'collateral' } },
  'financing.collateral.ETH': { group: 'financing', control: { kind: 'collateral' } },
  'financing.collateral.other-crypto': { group: 'financing', control: { kind: 'collateral' } },
  'financing.collateral.securities': { group: 'financing', control: { kind: 'collateral' } },
  'financing.callLtv': { group: 'financing', control: number('fraction') },
  'financing.liquidationLtv': { group: 'financing', control: number('fraction') },
  'financing.targetLtv': { group: 'financing', control: number('fraction') },
  'financing.curePeriodMinutes': { group: 'financing', control: number('minutes') },
  'financing.hourlyInterestRate': { group: 'financing', control: number('hourlyRate') },
  'financing.maxCryptoShareOfLendingValue': { group: 'financing', control: number('fraction', true) },
  'financing.maxLoansToCapital': { group: 'financing', control: number('multiple', true) },
  'financing.rehypothecationShare': { group: 'financing', control: number('fraction') },
  'spot.takerFeeRate': { group: 'market', control: number('fraction') },
  'marketMaker.affiliatedAllowed': { group: 'market', control: flag },
  'marketMaker.safeguards': { group: 'market', control: flag },
  retailLeverageAppetite: { group: 'perp', control: number('multiple') },
  'extras.maxLeverageByMarket': { group: 'perp', control: { kind: 'perMarket' } },
  'extras.newAccountMaxLeverage': { group: 'perp', control: number('leverage', true) },
  'extras.partialLiquidationCooldownSeconds': { group: 'perp', control: number('seconds', true) },
  'extras.backstopEquityShareOfMaintenance': { group: 'perp', control: number('fraction', true) },
  'extras.insuranceFundShareOfOpenInterest': { group: 'perp', control: number('fraction', true) },
  'extras.clientPositionLimitNotional': { group: 'perp', control: number('usd', true) },
  'extras.professionalPortfolioMinUsd': { group: 'perp', control: number('usd', true) },
  'extras.financingExistingMarginClientsOnly': { group: 'financing', control: flag },
  'extras.financingStopsAdvancesOnCall': { group: 'financing', control: flag },
  'extras.marketMakerSpreadBps': { group: 'market', control: { kind: 'spread' } },
};

export const GUARDRAIL_GROUPS: readonly GuardrailGroup[] = ['perp', 'financing', 'market'];

export function guardrailsOf(group: GuardrailGroup): GuardrailKey[] {
  return GUARDRAIL_KEYS.filter((key) => GUARDRAIL_VIEWS[key].group === group);
}

/** The regime a choice stands for: the preset, or a custom regime built from it (which may throw). */
export function regimeOf(preset: PresetId, overrides: RegimeOverrides): Regime {
  return Object.keys(overrides).length === 0 ? REGIMES[preset] : customRegime(preset, overrides);
}

/** Same parameter value (values are plain data: numbers, strings, booleans, arrays, records, null). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The current value of a guardrail under a choice, overrides first. */
export function currentValue(preset: PresetId, overrides: RegimeOverrides, key: GuardrailKey): unknown {
  return Object.hasOwn(overrides, key) ? overrides[key] : guardrailValue(REGIMES[preset], key);
}

/**
 * A number as it appears in an input: at most 6 significant digits after the decimal point's worth of
 * integer digits, so 0.7692307692… reads 0.769231 and 1,025,641 stays whole. A value left untouched is never
 * rewritten from this text.
 */
export function numberText(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (!Number.isFinite(value) || value === 0) return String(value);
  const integerDigits = Math.max(1, Math.floor(Math.log10(Math.abs(value))) + 1);
  return String(Number(value.toPrecision(Math.min(21, Math.max(6, integerDigits)))));
}

/** Parses a number field: '' is null (none) where the guardrail allows none, NaN otherwise. */
export function parseNumber(text: string, nullable: boolean): number | null {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return nullable ? null : NaN;
  return Number(trimmed);
}
