/** Where each parameter of EU_ESMA_RETAIL (eu-esma-retail.ts) comes from. */
import type { RegimeProvenance } from '../types.ts';
import { assumption, derived, published } from '../provenance.ts';
import {
  SPOT_PROVENANCE,
  PERP_FEES_PROVENANCE,
  noFinancingProvenance,
  noExtrasProvenance,
} from './shared.provenance.ts';

const CLOSE_OUT_NOTE =
  'Close-out at 50% of the minimum required margin (50% of notional at 2:1): 25% of notional.';
const CFD_FUNDING_NOTE =
  'CFDs charge overnight financing, not funding; the HK [DEFAULT] funding stands in for it so that leverage rules drive the comparison.';

export const EU_ESMA_RETAIL_PROVENANCE: RegimeProvenance = {
  'perp.eligibleClasses': published(
    'Retail clients may trade crypto CFDs under the restrictions; this preset applies the retail limits to everyone.',
    ['W43'],
    'H',
  ),
  'perp.maxLeverage': published('Leverage limit 2:1 on cryptocurrency CFDs.', ['W43'], 'H'),
  'perp.marginModes': derived('The close-out rule applies per account, that is cross margin.', ['W43'], 'H'),
  'perp.tiers.BTC': derived(CLOSE_OUT_NOTE, ['W43'], 'H'),
  'perp.tiers.ETH': derived(CLOSE_OUT_NOTE, ['W43'], 'H'),
  'perp.listsAlt': derived(
    'The 2:1 limit and the close-out apply to CFDs on any cryptocurrency, so an altcoin CFD is offered under the same rules.',
    ['W43'],
    'H',
  ),
  'perp.tiers.ALT': derived(CLOSE_OUT_NOTE, ['W43'], 'H'),
  ...PERP_FEES_PROVENANCE,
  'perp.liquidationFeeRate': assumption(
    'A CFD close-out is an ordinary close at market, with no clearance fee.',
  ),
  'perp.partialLiquidation': assumption(
    'The provider closes the account’s positions whole at the 50% threshold.',
    ['W43'],
  ),
  'perp.markMethod': assumption('CFD quotes follow the underlying market, that is an index-anchored price.'),
  'perp.markEmaSeconds': assumption('As the HK preset: a 150 s basis EMA (Hyperliquid’s).', [
    'HL-robust-price-indices',
  ]),
  'perp.markBasisClamp': assumption('As the HK preset: the mark stays within 0.5% of the index.'),
  'perp.funding.intervalHours': assumption(CFD_FUNDING_NOTE),
  'perp.funding.interest': assumption(CFD_FUNDING_NOTE),
  'perp.funding.clamp': assumption(CFD_FUNDING_NOTE),
  'perp.funding.cap': assumption(CFD_FUNDING_NOTE),
  'perp.funding.priceSource': assumption(CFD_FUNDING_NOTE),
  'perp.lossAllocation': assumption(
    'Never reached: the provider is the counterparty and its capital (the fund) absorbs losses, so no client is deleveraged.',
  ),
  'perp.negativeBalanceProtection': published('Negative-balance protection per account.', ['W43'], 'H'),
  'perp.insuranceFundStart': assumption(
    'The CFD provider absorbs losses beyond a client’s account; modelled as a US$1bn fund that does not run out.',
  ),
  ...noFinancingProvenance(
    'The CFD regime covers leveraged contracts only; no margin loans against crypto are modelled.',
  ),
  ...SPOT_PROVENANCE,
  'marketMaker.affiliatedAllowed': assumption('The CFD provider itself quotes the prices clients trade on.'),
  'marketMaker.safeguards': assumption(
    'EU conflict-of-interest and best-execution rules bind the provider (not among the sources).',
  ),
  retailLeverageAppetite: assumption(
    'Baseline 1: no public measure of how much leverage retail traders want on a regulated venue.',
  ),
  ...noExtrasProvenance(),
};
