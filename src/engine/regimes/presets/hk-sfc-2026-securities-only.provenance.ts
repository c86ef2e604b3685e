/** Where each parameter of HK_SFC_2026_SECURITIES_ONLY (hk-sfc-2026-securities-only.ts) comes from. */
import type { RegimeProvenance } from '../types.ts';
import { derived, published } from '../provenance.ts';
import { HK_SFC_2026_PROVENANCE } from './hk-sfc-2026.provenance.ts';

const VA_AT_ZERO_NOTE =
  'Counted at zero: the first service (Futu, June 2026) takes securities only, because the broker’s capital rules haircut VA collateral 100% (A9, A12).';

export const HK_SFC_2026_SECURITIES_ONLY_PROVENANCE: RegimeProvenance = {
  ...HK_SFC_2026_PROVENANCE,
  'financing.collateral.BTC': published(VA_AT_ZERO_NOTE, ['W10', 'W4'], 'M'),
  'financing.collateral.ETH': published(VA_AT_ZERO_NOTE, ['W10', 'W4'], 'M'),
  'financing.maxCryptoShareOfLendingValue': derived(
    'With all crypto counted at zero, no lending value can come from crypto (A12).',
    ['W10'],
    'M',
  ),
};
