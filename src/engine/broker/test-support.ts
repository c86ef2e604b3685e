/**
 * Fixtures shared by the broker tests: three rule sets and a small venue. Not regime presets (those carry
 * their sources with the regimes); the numbers here are test data chosen to follow guardrails §1A and §2.
 */
import type { CollateralRules } from '../margin/collateral.ts';
import type { MarginFinancingRules } from '../margin/financing-rules.ts';
import { checkBrokerInvariants } from './broker-invariants.ts';
import { createBroker, type AssetPrices, type BrokerState } from './broker-state.ts';

const HK_COLLATERAL: CollateralRules = {
  BTC: { eligible: true, haircut: 0.6 }, // SFC 26EC5 (guardrails A6): haircut ≥ 60% on VA collateral
  ETH: { eligible: true, haircut: 0.6 },
  'other-crypto': { eligible: false, haircut: 1 }, // A5: BTC and ETH only
  securities: { eligible: true, haircut: 0.3 }, // W21: one HK broker lends 10%–70% of MV; 70% here
};

/** Guardrails §1A sub-preset (a) "Circular", with the [DEFAULT] triggers: call > 40%, sale ≥ 60%, back to 40%. */
export const HK_CIRCULAR: MarginFinancingRules = {
  eligibleClasses: ['professional'], // seeds 002/003 say professional clients (A3, low confidence)
  collateral: HK_COLLATERAL,
  callLtv: 0.4,
  liquidationLtv: 0.6,
  targetLtv: 0.4,
  curePeriodMinutes: 24 * 60, // [DEFAULT] 24 h replaces "one business day" (W21): crypto trades 24/7
  hourlyInterestRate: 0.00001, // ≈ 8.8% a year, about Prime + 4% (W21)
  maxCryptoShareOfLendingValue: 0.5, // [DEFAULT] securities supply ≥ 50% of lending value
  maxLoansToCapital: 5, // SMF Guidelines (B3)
  rehypothecationShare: 0, // A7: VA collateral must not be re-hypothecated
};

/** Sub-preset (b) "Futu-style" / securities-only: VA collateral counts 0 (A9, A12). */
export const HK_SECURITIES_ONLY: MarginFinancingRules = {
  ...HK_CIRCULAR,
  collateral: {
    ...HK_COLLATERAL,
    BTC: { eligible: false, haircut: 1 },
    ETH: { eligible: false, haircut: 1 },
  },
};

/** Offshore style (guardrails §2): any crypto at a 15% haircut, short cure, no caps, collateral re-used. */
export const OFFSHORE: MarginFinancingRules = {
  eligibleClasses: ['retail', 'professional'],
  collateral: {
    BTC: { eligible: true, haircut: 0.15 },
    ETH: { eligible: true, haircut: 0.15 },
    'other-crypto': { eligible: true, haircut: 0.15 },
    securities: { eligible: true, haircut: 0.3 },
  },
  callLtv: 0.85,
  liquidationLtv: 0.92,
  targetLtv: 0.75,
  curePeriodMinutes: 60,
  hourlyInterestRate: 0.00001,
  maxCryptoShareOfLendingValue: null,
  maxLoansToCapital: null,
  rehypothecationShare: 1,
};

export const PRICES: AssetPrices = { BTC: 60_000, ETH: 3_000, 'other-crypto': 10, securities: 100 };

export function testBroker(
  rules: MarginFinancingRules = HK_CIRCULAR,
  options: {
    spotFeeRate?: number;
    brokerCapital?: number;
    stepMinutes?: number;
    startMinuteOfDay?: number;
  } = {},
): BrokerState {
  return createBroker({
    rules,
    prices: PRICES,
    brokerCapital: options.brokerCapital ?? 10_000_000,
    liquidityProvider: {
      cash: 1e10,
      holdings: { BTC: 1e5, ETH: 1e6, 'other-crypto': 1e9, securities: 1e8 },
    },
    spotFeeRate: options.spotFeeRate ?? 0,
    stepMinutes: options.stepMinutes ?? 1,
    // One step before the day's close unless a test says otherwise: step 1 is the broker's daily call check.
    startMinuteOfDay: options.startMinuteOfDay ?? 24 * 60 - (options.stepMinutes ?? 1),
  });
}

/** The largest of the invariant errors (tests hold it below 1e-9), with the name of the worst. */
export function worstInvariant(state: BrokerState): { name: string; error: number } {
  const entries = Object.entries(checkBrokerInvariants(state));
  return entries.reduce((w, [name, error]) => (error > w.error ? { name, error } : w), {
    name: 'none',
    error: 0,
  });
}

/** Every number an event carries, nested ones included, that is not finite (null stands for an undefined LTV). */
export function nonFiniteNumbers(events: readonly object[]): number[] {
  const bad: number[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'number' && !Number.isFinite(v)) bad.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  events.forEach(visit);
  return bad;
}
