/**
 * The provenance of the parameters several presets share (shared.ts): assumptions held equal across regimes,
 * and the notes of the "no margin financing" block and of the extras a preset does not set.
 */
import type { GuardrailKey } from '../guardrail-keys.ts';
import { assumption } from '../provenance.ts';
import type { Provenance } from '../types.ts';

type ProvenanceOf<Prefix extends string> = Record<Extract<GuardrailKey, `${Prefix}${string}`>, Provenance>;

/** The provenance of SPOT_TAKER_FEE_RATE (shared.ts). */
export const SPOT_PROVENANCE: ProvenanceOf<'spot.'> = {
  'spot.takerFeeRate': assumption(
    '0.1% per trade, held equal in every regime so spot stays a common control case; no regime sets a spot fee.',
  ),
};

/** The provenance of PERP_FEES (shared.ts). */
export const PERP_FEES_PROVENANCE: ProvenanceOf<'perp.takerFeeRate' | 'perp.makerFeeRate'> = {
  'perp.takerFeeRate': assumption(
    'No fee published for this regime: 0.05% taker, as in the offshore preset, so fees do not drive differences.',
  ),
  'perp.makerFeeRate': assumption(
    'No fee published for this regime: 0.02% maker, as in the offshore preset, so fees do not drive differences.',
  ),
};

/** The provenance of INSURANCE_FUND_START (shared.ts). */
export const INSURANCE_FUND_START_NOTE =
  'US$1m per market, the same in every regime and scaled to a simulated population; no venue figure applies to it.';

/** The provenance of MARKET_MAKER_SPREAD_BPS (shared.ts). */
export const MARKET_MAKER_SPREAD_PROVENANCE = assumption(
  'guardrails §1D [DEFAULT], illustrative only: 20 bp without and 8 bp with an affiliated market maker; no public numbers.',
);

/** The provenance of DEEP_BOOK_SPREAD_BPS (shared.ts). */
export const DEEP_BOOK_SPREAD_PROVENANCE = assumption(
  'A deep offshore book quotes 4 bp, 2.4 bp with an in-house market maker (no venue publishes a spread and the largest books quote BTC tighter still), where guardrails §1D’s 20 bp / 8 bp describe thin HK platforms.',
);

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
