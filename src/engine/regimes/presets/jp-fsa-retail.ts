/**
 * Japan's retail crypto margin trading under the FSA (guardrails §2, W44): 2× since 1 May 2020. The loss-cut
 * level was not retrieved; the guardrails [DEFAULT] uses an ESMA-like close-out at 50% of required margin.
 */
import type { RegimeRules } from '../types.ts';
import {
  HK_DEFAULT_FUNDING,
  INSURANCE_FUND_START,
  NO_EXTRAS,
  NO_FINANCING,
  PERP_FEES,
  SPOT_TAKER_FEE_RATE,
} from './shared.ts';

export const JP_FSA_RETAIL: RegimeRules = {
  id: 'jp-fsa-retail',
  title: 'Japan retail crypto margin trading (FSA)',
  shortTitle: 'Japan FSA retail',
  description:
    'Individuals in Japan may trade crypto on margin at no more than 2×, the cap in force since May 2020. Positions are closed when equity falls to half the required margin, and a deficit beyond the deposit stays the client’s debt.',
  perp: {
    eligibleClasses: ['retail', 'professional'],
    maxLeverage: 2,
    marginModes: ['cross'],
    listsAlt: true,
    tiers: { BTC: [{ floor: 0, mmr: 0.25 }], ETH: [{ floor: 0, mmr: 0.25 }], ALT: [{ floor: 0, mmr: 0.25 }] },
    ...PERP_FEES,
    liquidationFeeRate: 0,
    partialLiquidation: null,
    markMethod: 'index-anchored',
    markEmaSeconds: 150,
    markBasisClamp: 0.005,
    funding: HK_DEFAULT_FUNDING,
    lossAllocation: 'binance',
    negativeBalanceProtection: false,
    insuranceFundStart: INSURANCE_FUND_START,
  },
  financing: NO_FINANCING,
  spot: { takerFeeRate: SPOT_TAKER_FEE_RATE },
  marketMaker: { affiliatedAllowed: true, safeguards: true },
  retailLeverageAppetite: 1,
  extras: NO_EXTRAS,
};
