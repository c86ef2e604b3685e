/**
 * The JSON shape of each guardrail's value, checked before a value from a link reaches the engine: the engine's
 * validators check ranges and how values fit together, but they are written for typed code and would let a
 * string "0.5" or an extra object key through. Adding a guardrail key without a shape here fails to compile.
 */
import type { GuardrailKey } from '../../engine/regimes/guardrail-keys.ts';

type Shape =
  | { kind: 'number'; nullable: boolean }
  | { kind: 'boolean' }
  | { kind: 'oneOf'; options: readonly (string | number)[] }
  /** A list of distinct options (investor classes, margin modes). */
  | { kind: 'set'; options: readonly string[] }
  /** A maintenance tier table: [{ floor, mmr }, …]. */
  | { kind: 'tiers' }
  | { kind: 'record'; fields: readonly string[]; optional: boolean; nullable: boolean };

const number: Shape = { kind: 'number', nullable: false };
const numberOrNone: Shape = { kind: 'number', nullable: true };
const flag: Shape = { kind: 'boolean' };
const classes: Shape = { kind: 'set', options: ['retail', 'professional'] };
const collateral: Shape = {
  kind: 'record',
  fields: ['eligible', 'haircut'],
  optional: false,
  nullable: false,
};

/** At most this many maintenance tiers (published tables have about a dozen). */
export const MAX_TIERS = 64;

const SHAPES: Readonly<Record<GuardrailKey, Shape>> = {
  'perp.eligibleClasses': classes,
  'perp.maxLeverage': number,
  'perp.marginModes': { kind: 'set', options: ['isolated', 'cross'] },
  'perp.tiers.BTC': { kind: 'tiers' },
  'perp.tiers.ETH': { kind: 'tiers' },
  'perp.takerFeeRate': number,
  'perp.makerFeeRate': number,
  'perp.liquidationFeeRate': number,
  'perp.partialLiquidation': {
    kind: 'record',
    fields: ['sliceFraction', 'minNotional'],
    optional: false,
    nullable: true,
  },
  'perp.markMethod': { kind: 'oneOf', options: ['index-anchored', 'last-traded'] },
  'perp.markEmaSeconds': number,
  'perp.markBasisClamp': number,
  'perp.funding.intervalHours': { kind: 'oneOf', options: [1, 2, 4, 8] },
  'perp.funding.interest': number,
  'perp.funding.clamp': number,
  'perp.funding.cap': numberOrNone,
  'perp.funding.priceSource': { kind: 'oneOf', options: ['mark', 'index'] },
  'perp.lossAllocation': { kind: 'oneOf', options: ['binance', 'bitmex', 'hyperliquid', 'socialised'] },
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
  'extras.maxLeverageByMarket': { kind: 'record', fields: ['BTC', 'ETH'], optional: true, nullable: false },
  'extras.newAccountMaxLeverage': numberOrNone,
  'extras.partialLiquidationCooldownSeconds': numberOrNone,
  'extras.backstopEquityShareOfMaintenance': numberOrNone,
  'extras.insuranceFundShareOfOpenInterest': numberOrNone,
  'extras.clientPositionLimitNotional': numberOrNone,
  'extras.professionalPortfolioMinUsd': numberOrNone,
  'extras.financingExistingMarginClientsOnly': flag,
  'extras.financingStopsAdvancesOnCall': flag,
  'extras.marketMakerSpreadBps': {
    kind: 'record',
    fields: ['withoutAffiliated', 'withAffiliated'],
    optional: false,
    nullable: false,
  },
};

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field `name` of a record shape: eligibility is a flag, everything else a number. */
function fieldOk(name: string, value: unknown): boolean {
  return name === 'eligible' ? typeof value === 'boolean' : isFiniteNumber(value);
}

function describe(shape: Shape): string {
  switch (shape.kind) {
    case 'number':
      return shape.nullable ? 'a finite number or null (none)' : 'a finite number';
    case 'boolean':
      return 'true or false';
    case 'oneOf':
      return `one of ${shape.options.join(', ')}`;
    case 'set':
      return `a list of distinct entries from ${shape.options.join(', ')}`;
    case 'tiers':
      return `a list of 1 to ${MAX_TIERS} tiers { floor, mmr } with finite numbers`;
    case 'record': {
      const fields = shape.fields
        .map((f) => `${f}: ${f === 'eligible' ? 'true or false' : 'a finite number'}`)
        .join(', ');
      const body = `{ ${fields} }${shape.optional ? ' (each field optional)' : ''}`;
      return shape.nullable ? `${body} or null` : body;
    }
  }
}

function fits(shape: Shape, value: unknown): boolean {
  switch (shape.kind) {
    case 'number':
      return isFiniteNumber(value) || (shape.nullable && value === null);
    case 'boolean':
      return typeof value === 'boolean';
    case 'oneOf':
      return shape.options.includes(value as string | number);
    case 'set':
      return (
        Array.isArray(value) &&
        value.every((v) => shape.options.includes(v as string)) &&
        new Set(value).size === value.length
      );
    case 'tiers':
      return (
        Array.isArray(value) &&
        value.length >= 1 &&
        value.length <= MAX_TIERS &&
        value.every(
          (tier) =>
            isPlainObject(tier) &&
            Object.keys(tier).length === 2 &&
            isFiniteNumber(tier.floor) &&
            isFiniteNumber(tier.mmr),
        )
      );
    case 'record': {
      if (value === null) return shape.nullable;
      if (!isPlainObject(value)) return false;
      const keys = Object.keys(value);
      if (!keys.every((k) => shape.fields.includes(k))) return false;
      if (!shape.optional && keys.length !== shape.fields.length) return false;
      return keys.every((k) => fieldOk(k, value[k]));
    }
  }
}

/** Null when `value` has the JSON shape of guardrail `key`; otherwise what is allowed, in words. */
export function overrideShapeProblem(key: GuardrailKey, value: unknown): string | null {
  const shape = SHAPES[key];
  return fits(shape, value) ? null : describe(shape);
}
