/**
 * EU retail crypto CFDs under ESMA's product-intervention measures (guardrails §2, notes on ESMA; W43): 2:1
 * leverage, a per-account close-out at 50% of required margin and negative-balance protection.
 */
import type { RegimeRules } from '../types.ts';
import { HK_DEFAULT_FUNDING, NO_EXTRAS, NO_FINANCING, PERP_FEES, SPOT_TAKER_FEE_RATE } from './shared.ts';

/** Close-out at 50% of the required margin, which is 1/2 of notional at 2:1: 25% of notional. */
const CLOSE_OUT_MMR = 0.5 * (1 / 2);
/** The CFD provider is every client's counterparty and absorbs losses beyond margin from its own capital. */
const PROVIDER_CAPITAL = 1_000_000_000;

export const EU_ESMA_RETAIL: RegimeRules = {
  id: 'eu-esma-retail',
  title: 'EU retail crypto CFDs (ESMA)',
  shortTitle: 'EU ESMA retail',
  description:
    'Retail crypto CFDs under ESMA’s restrictions: at most 2:1 leverage and a close-out of the whole account when equity falls to half the required margin. Clients can never lose more than their account: the provider absorbs any excess.',
  perp: {
    eligibleClasses: ['retail', 'professional'],
    maxLeverage: 2,
    marginModes: ['cross'],
    listsAlt: true,
    tiers: {
      BTC: [{ floor: 0, mmr: CLOSE_OUT_MMR }],
      ETH: [{ floor: 0, mmr: CLOSE_OUT_MMR }],
      ALT: [{ floor: 0, mmr: CLOSE_OUT_MMR }],
    },
    ...PERP_FEES,
    liquidationFeeRate: 0,
    partialLiquidation: null,
    markMethod: 'index-anchored',
    markEmaSeconds: 150,
    markBasisClamp: 0.005,
    funding: HK_DEFAULT_FUNDING,
    lossAllocation: 'binance',
    negativeBalanceProtection: true,
    insuranceFundStart: PROVIDER_CAPITAL,
  },
  financing: NO_FINANCING,
  spot: { takerFeeRate: SPOT_TAKER_FEE_RATE },
  marketMaker: { affiliatedAllowed: true, safeguards: true },
  retailLeverageAppetite: 1,
  extras: NO_EXTRAS,
};
