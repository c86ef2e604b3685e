/** Where each parameter of JP_FSA_RETAIL (jp-fsa-retail.ts) comes from. */
import type { RegimeProvenance } from '../types.ts';
import { assumption, derived, published } from '../provenance.ts';
import {
  SPOT_PROVENANCE,
  PERP_FEES_PROVENANCE,
  INSURANCE_FUND_START_NOTE,
  noFinancingProvenance,
  noExtrasProvenance,
} from './shared.provenance.ts';

const LOSS_CUT_NOTE =
  'guardrails [DEFAULT]: loss-cut level not retrieved; ESMA-like close-out at 50% of required margin, 25% of notional at 2×.';
const POSITION_FEE_NOTE =
  'Japanese margin positions pay a daily position fee, not funding; the HK [DEFAULT] funding stands in for it.';

export const JP_FSA_RETAIL_PROVENANCE: RegimeProvenance = {
  'perp.eligibleClasses': published(
    'Individuals may trade crypto on margin, within the 2× cap.',
    ['W44'],
    'H',
  ),
  'perp.maxLeverage': published(
    '2× under the FSA ordinance of the amended FIEA, in force 1 May 2020 (previously 4× by self-regulation).',
    ['W44'],
    'H',
  ),
  'perp.marginModes': assumption(
    'Japanese brokers apply a margin-maintenance ratio per account, that is cross margin.',
  ),
  'perp.tiers.BTC': assumption(LOSS_CUT_NOTE, ['W43']),
  'perp.tiers.ETH': assumption(LOSS_CUT_NOTE, ['W43']),
  'perp.listsAlt': derived(
    'The 2× cap applies to margin trading in any crypto asset, so altcoins are traded under the same rules.',
    ['W44'],
    'H',
  ),
  'perp.tiers.ALT': assumption(LOSS_CUT_NOTE, ['W43']),
  ...PERP_FEES_PROVENANCE,
  'perp.liquidationFeeRate': assumption('A loss-cut is an ordinary close at market, with no clearance fee.'),
  'perp.partialLiquidation': assumption('A loss-cut closes the account’s positions whole.'),
  'perp.markMethod': assumption(
    'Exchange prices follow the underlying market, that is an index-anchored price.',
  ),
  'perp.markEmaSeconds': assumption('As the HK preset: a 150 s basis EMA (Hyperliquid’s).', [
    'HL-robust-price-indices',
  ]),
  'perp.markBasisClamp': assumption('As the HK preset: the mark stays within 0.5% of the index.'),
  'perp.funding.intervalHours': assumption(POSITION_FEE_NOTE),
  'perp.funding.interest': assumption(POSITION_FEE_NOTE),
  'perp.funding.clamp': assumption(POSITION_FEE_NOTE),
  'perp.funding.cap': assumption(POSITION_FEE_NOTE),
  'perp.funding.priceSource': assumption(POSITION_FEE_NOTE),
  'perp.lossAllocation': assumption(
    'Never reached: without negative-balance protection a shortfall is the client’s debt, not other clients’ loss.',
  ),
  'perp.negativeBalanceProtection': assumption(
    'Not retrieved; Japanese margin terms leave a deficit after a loss-cut owed by the client (unsourced).',
  ),
  'perp.insuranceFundStart': assumption(INSURANCE_FUND_START_NOTE),
  ...noFinancingProvenance('The 2× margin product is modelled as the perpetual; no separate margin loans.'),
  ...SPOT_PROVENANCE,
  'marketMaker.affiliatedAllowed': assumption('Japanese exchanges often quote their own prices to clients.'),
  'marketMaker.safeguards': assumption(
    'Registered exchanges are bound by conflict-of-interest rules (not among the sources).',
  ),
  retailLeverageAppetite: assumption(
    'Baseline 1: no public measure of how much leverage retail traders want on a regulated venue.',
  ),
  ...noExtrasProvenance(),
};
