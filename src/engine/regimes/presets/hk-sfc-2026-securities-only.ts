/**
 * Hong Kong SFC 2026, "Futu-style" margin financing (guardrails §1A sub-preset (b)): the perpetual rules of
 * hk-sfc-2026, but crypto collateral counts zero and only securities support a margin loan.
 */
import type { RegimeRules } from '../types.ts';
import { HK_SFC_2026 } from './hk-sfc-2026.ts';

const VA_AT_ZERO = { eligible: false, haircut: 1 };

export const HK_SFC_2026_SECURITIES_ONLY: RegimeRules = {
  ...HK_SFC_2026,
  id: 'hk-sfc-2026-securities-only',
  title: 'Hong Kong SFC 2026, securities collateral only',
  shortTitle: 'HK SFC 2026 (securities only)',
  description:
    'The Hong Kong 2026 rules as the first broker applied them: margin loans backed by securities alone, with BTC and ETH counted at zero. Perpetual contracts follow the same professional-only rules as the circular preset.',
  financing: {
    ...HK_SFC_2026.financing,
    collateral: { ...HK_SFC_2026.financing.collateral, BTC: VA_AT_ZERO, ETH: VA_AT_ZERO },
    maxCryptoShareOfLendingValue: 0,
  },
};
