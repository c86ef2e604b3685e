/**
 * Parameters several presets share, with their provenance: assumptions held equal across regimes so that a
 * comparison shows the effect of the rules that differ, and the "no margin financing" block.
 */
import type { MarginFinancingRules } from '../../margin/financing-rules.ts';
import type { FundingRules } from '../../perp/rules.ts';
import type { RegimeExtras } from '../extras.ts';
import type { GuardrailKey } from '../guardrail-keys.ts';
import { assumption } from '../provenance.ts';
import type { Provenance } from '../types.ts';

type ProvenanceOf<Prefix extends string> = Record<Extract<GuardrailKey, `${Prefix}${string}`>, Provenance>;

/** Spot is the control case (guardrails §1E): the same fee everywhere. */
export const SPOT_TAKER_FEE_RATE = 0.001;
export const SPOT_PROVENANCE: ProvenanceOf<'spot.'> = {
  'spot.takerFeeRate': assumption(
    '0.1% per trade, held equal in every regime so spot stays a common control case; no regime sets a spot fee.',
  ),
};

/** Perp fees where the regime publishes none: the offshore preset's, so fees do not drive the comparison. */
export const PERP_FEES = { takerFeeRate: 0.0005, makerFeeRate: 0.0002 };
export const PERP_FEES_PROVENANCE: ProvenanceOf<'perp.takerFeeRate' | 'perp.makerFeeRate'> = {
  'perp.takerFeeRate': assumption(
    'No fee published for this regime: 0.05% taker, as in the offshore preset, so fees do not drive differences.',
  ),
  'perp.makerFeeRate': assumption(
    'No fee published for this regime: 0.02% maker, as in the offshore preset, so fees do not drive differences.',
  ),
};

/** Starting insurance fund per market, equal across regimes so its size does not drive differences. */
export const INSURANCE_FUND_START = 1_000_000;
export const INSURANCE_FUND_START_NOTE =
  'US$1m per market, the same in every regime and scaled to a simulated population; no venue figure applies to it.';

/** The HK [DEFAULT] funding (guardrails §1C), reused as a stand-in where a regime's contract has no funding. */
export const HK_DEFAULT_FUNDING: FundingRules = {
  intervalHours: 8,
  interest: 0.0001,
  clamp: 0.0005,
  cap: 0.0035,
  priceSource: 'mark',
};

/** guardrails §1D [DEFAULT], illustrative: spread 20 bp without an affiliated market maker, 8 bp with one. */
export const MARKET_MAKER_SPREAD_BPS = { withoutAffiliated: 20, withAffiliated: 8 };
export const MARKET_MAKER_SPREAD_PROVENANCE = assumption(
  'guardrails §1D [DEFAULT], illustrative only: 20 bp without and 8 bp with an affiliated market maker; no public numbers.',
);

/**
 * A deep offshore book: 4 bp quoted, 2.4 bp with an affiliated market maker (the simulator's earlier liquidity
 * assumption; BTC and ETH perpetuals on the largest offshore venues quote tighter still).
 */
export const DEEP_BOOK_SPREAD_BPS = { withoutAffiliated: 4, withAffiliated: 2.4 };
export const DEEP_BOOK_SPREAD_PROVENANCE = assumption(
  'A deep offshore book quotes 4 bp, 2.4 bp with an in-house market maker (no venue publishes a spread and the largest books quote BTC tighter still), where guardrails §1D’s 20 bp / 8 bp describe thin HK platforms.',
);

/** Extras that do not apply unless a preset says otherwise. */
export const NO_EXTRAS: RegimeExtras = {
  maxLeverageByMarket: {},
  newAccountMaxLeverage: null,
  partialLiquidationCooldownSeconds: null,
  backstopEquityShareOfMaintenance: null,
  insuranceFundShareOfOpenInterest: null,
  clientPositionLimitNotional: null,
  professionalPortfolioMinUsd: null,
  financingExistingMarginClientsOnly: false,
  financingStopsAdvancesOnCall: false,
  marketMakerSpreadBps: MARKET_MAKER_SPREAD_BPS,
};

/** Margin financing for a regime whose venue lends nothing: no class may borrow, no asset lends value. */
export const NO_FINANCING: MarginFinancingRules = {
  eligibleClasses: [],
  collateral: {
    BTC: { eligible: false, haircut: 1 },
    ETH: { eligible: false, haircut: 1 },
    'other-crypto': { eligible: false, haircut: 1 },
    securities: { eligible: false, haircut: 1 },
  },
  callLtv: 0.5,
  liquidationLtv: 0.6,
  targetLtv: 0.5,
  curePeriodMinutes: 1440,
  hourlyInterestRate: 0,
  maxCryptoShareOfLendingValue: null,
  maxLoansToCapital: null,
  rehypothecationShare: 0,
};

/** Provenance of NO_FINANCING: `reason` says why the regime has no margin loans (one sentence). */
export function noFinancingProvenance(reason: string): ProvenanceOf<'financing.'> {
  const unused = assumption(
    'Not used: this regime has no margin loans (financing.eligibleClasses is empty).',
  );
  return {
    'financing.eligibleClasses': assumption(reason),
    'financing.collateral.BTC': unused,
    'financing.collateral.ETH': unused,
    'financing.collateral.other-crypto': unused,
    'financing.collateral.securities': unused,
    'financing.callLtv': unused,
    'financing.liquidationLtv': unused,
    'financing.targetLtv': unused,
    'financing.curePeriodMinutes': unused,
    'financing.hourlyInterestRate': unused,
    'financing.maxCryptoShareOfLendingValue': unused,
    'financing.maxLoansToCapital': unused,
    'financing.rehypothecationShare': unused,
  };
}

/** Provenance of the NO_EXTRAS entries a preset does not set itself. */
export function noExtrasProvenance(): ProvenanceOf<'extras.'> {
  return {
    'extras.maxLeverageByMarket': assumption('No per-market cap: every market takes perp.maxLeverage.'),
    'extras.newAccountMaxLeverage': assumption('No separate cap for new accounts in this regime.'),
    'extras.partialLiquidationCooldownSeconds': assumption(
      'No pause between liquidation orders in this regime.',
    ),
    'extras.backstopEquityShareOfMaintenance': assumption(
      'No backstop takeover before bankruptcy in this regime.',
    ),
    'extras.insuranceFundShareOfOpenInterest': assumption('The fund starts at perp.insuranceFundStart.'),
    'extras.clientPositionLimitNotional': assumption('No client position limit modelled for this regime.'),
    'extras.professionalPortfolioMinUsd': assumption('No professional-investor threshold: retail may trade.'),
    'extras.financingExistingMarginClientsOnly': assumption(
      'Margin loans are not limited to existing clients.',
    ),
    'extras.financingStopsAdvancesOnCall': assumption('No margin loans here, so no advances to stop.'),
    'extras.marketMakerSpreadBps': MARKET_MAKER_SPREAD_PROVENANCE,
  };
}
