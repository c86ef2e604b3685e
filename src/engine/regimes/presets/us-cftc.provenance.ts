/** Where each parameter of US_CFTC (us-cftc.ts) comes from. */
import type { RegimeProvenance } from '../types.ts';
import { assumption, derived, published } from '../provenance.ts';
import {
  SPOT_PROVENANCE,
  PERP_FEES_PROVENANCE,
  noFinancingProvenance,
  noExtrasProvenance,
} from './shared.provenance.ts';

export const US_CFTC_PROVENANCE: RegimeProvenance = {
  'perp.eligibleClasses': published(
    'US retail trades through futures commission merchants; live from 21 Jul 2025 after the CFTC did not object.',
    ['W45'],
    'H',
  ),
  'perp.maxLeverage': assumption(
    'guardrails [DEFAULT]: leverage not found in launch reports; 10× by analogy with Coinbase International.',
    ['W45', 'W46'],
  ),
  'perp.marginModes': assumption(
    'A futures account at a broker is margined as a whole, that is cross margin.',
  ),
  'perp.tiers.BTC': assumption(
    'Exchange and broker margins not retrieved; 5%, half the initial margin at 10×, as the guardrails table assumes.',
    ['W46'],
  ),
  'perp.tiers.ETH': assumption(
    'Exchange and broker margins not retrieved; 5%, half the initial margin at 10×, as the guardrails table assumes.',
    ['W46'],
  ),
  'perp.listsAlt': assumption(
    'The launch reports name BTC and ETH perpetual-style futures only; no altcoin contract is in the sources.',
    ['W45'],
  ),
  'perp.tiers.ALT': assumption('Not listed; should a custom rule set list it, 5% as for BTC and ETH.', [
    'W46',
  ]),
  ...PERP_FEES_PROVENANCE,
  'perp.liquidationFeeRate': assumption(
    'No clearance fee retrieved; the broker closes the position at market.',
  ),
  'perp.partialLiquidation': assumption('Not retrieved; the broker closes an under-margined position whole.'),
  'perp.markMethod': assumption('Not retrieved; an index-anchored mark as at the other regulated venues.'),
  'perp.markEmaSeconds': assumption('As the HK preset: a 150 s basis EMA (Hyperliquid’s).', [
    'HL-robust-price-indices',
  ]),
  'perp.markBasisClamp': assumption('As the HK preset: the mark stays within 0.5% of the index.'),
  'perp.funding.intervalHours': derived(
    'Funding accrues hourly and settles twice daily; 12-h settlement is not an allowed interval, so it settles hourly.',
    ['W45'],
    'M',
  ),
  'perp.funding.interest': assumption('Formula not retrieved; the HK [DEFAULT] 0.01% per 8 h.'),
  'perp.funding.clamp': assumption('Formula not retrieved; the HK [DEFAULT] clamp ±0.05%.'),
  'perp.funding.cap': assumption(
    'Not retrieved; the HK [DEFAULT] ±0.35% per 8 h spread over hourly settlements.',
    ['W47'],
  ),
  'perp.funding.priceSource': assumption('Not retrieved; funding on the mark price.'),
  'perp.lossAllocation': assumption(
    'The clearing house’s default waterfall was not retrieved; mutualising a residual loss stands in for its guarantee fund.',
  ),
  'perp.negativeBalanceProtection': assumption(
    'Not retrieved; US futures customers are normally liable for deficits (guardrails §2, unsourced).',
  ),
  'perp.insuranceFundStart': assumption(
    'US$1m per market as in every regime, standing in for the clearing house’s resources.',
  ),
  ...noFinancingProvenance(
    'US broker loans against crypto are outside this preset, which covers the regulated futures only.',
  ),
  ...SPOT_PROVENANCE,
  'marketMaker.affiliatedAllowed': assumption(
    'Not retrieved; designated market makers may trade on the exchange.',
  ),
  'marketMaker.safeguards': assumption(
    'CFTC conflict-of-interest rules apply to exchanges (not among the sources).',
  ),
  retailLeverageAppetite: assumption(
    'Baseline 1: no public measure of how much leverage retail traders want on a regulated venue.',
  ),
  ...noExtrasProvenance(),
};
