/** Where each parameter of ONCHAIN_PERP_DEX (onchain-perp-dex.ts) comes from. */
import type { RegimeProvenance } from '../types.ts';
import { assumption, derived, published } from '../provenance.ts';
import { SPOT_PROVENANCE, DEEP_BOOK_SPREAD_PROVENANCE, noFinancingProvenance } from './shared.provenance.ts';

export const ONCHAIN_PERP_DEX_PROVENANCE: RegimeProvenance = {
  'perp.eligibleClasses': assumption(
    'guardrails §2 calls the venue permissionless, without a source: anyone with a wallet may trade, retail included.',
  ),
  'perp.maxLeverage': published('BTC up to 40× (notional ≤ US$150m).', ['W39'], 'H'),
  'perp.marginModes': published('Cross and isolated margin.', ['HL-margining'], 'H'),
  'perp.tiers.BTC': derived(
    'Maintenance = half the initial margin at each tier’s cap: 1.25% (40×) to US$150m, 2.5% (20×) above.',
    ['W39', 'HL-margin-tiers'],
    'H',
  ),
  'perp.tiers.ETH': derived(
    'Maintenance = half the initial margin at each tier’s cap: 2% (25×) to US$100m, 3.33% (15×) above.',
    ['W39', 'HL-margin-tiers'],
    'H',
  ),
  'perp.listsAlt': published(
    'Hyperliquid lists over a hundred altcoin perpetuals; its margin-tiers page gives SOL, XRP and two groups of altcoins their own tiers.',
    ['W39'],
    'H',
  ),
  'perp.tiers.ALT': assumption(
    'ALT taken as SOL, the largest altcoin of 10 Oct 2025 (guardrails §3): W39’s SOL tiers, 20× up to US$70m and 10× above, maintenance half the initial margin (2.5%, 5%).',
    ['W39', 'HL-margin-tiers'],
  ),
  'perp.takerFeeRate': assumption(
    '0.045% taker, Hyperliquid’s base tier; the fee schedule is not among the sources.',
  ),
  'perp.makerFeeRate': assumption(
    '0.015% maker, Hyperliquid’s base tier; the fee schedule is not among the sources.',
  ),
  'perp.liquidationFeeRate': published('No clearance fee on liquidations.', ['HL-liquidations'], 'H'),
  'perp.partialLiquidation': published(
    'Positions above US$100k are liquidated 20% at a time.',
    ['W42', 'HL-liquidations'],
    'H',
  ),
  'perp.markMethod': derived(
    'Mark = median of (oracle + 150 s EMA of book − oracle), the book’s own price and other venues’ perp mids; the venue’s traded price stands for its own book and the index for the other venues’ mids (assumption: the simulator has no second venue’s book within a run).',
    ['HL-robust-price-indices'],
    'M',
  ),
  'perp.markEmaSeconds': published(
    'The basis EMA has a 150 s (2.5 min) time constant.',
    ['HL-robust-price-indices'],
    'H',
  ),
  'perp.markBasisClamp': assumption(
    'Not used by the median-of-three mark (no clamp is published: the median bounds the mark); 0.5% applies only if the index-anchored method is chosen instead.',
    ['HL-robust-price-indices'],
  ),
  'perp.funding.intervalHours': published(
    'Funding is paid every hour, at one eighth of the 8-h rate.',
    ['W41', 'HL-funding'],
    'H',
  ),
  'perp.funding.interest': published('Interest 0.01% per 8 h.', ['W41', 'HL-funding'], 'H'),
  'perp.funding.clamp': published('Premium clamp ±0.05%.', ['W41', 'HL-funding'], 'H'),
  'perp.funding.cap': published('Funding capped at 4% an hour.', ['W41', 'HL-funding'], 'H'),
  'perp.funding.priceSource': published(
    'Payments use the oracle (index) price, not the mark.',
    ['HL-funding'],
    'H',
  ),
  'perp.lossAllocation': published(
    'Liquidator vault, then ADL ranked by (mark ÷ entry) × (notional ÷ account value).',
    ['W40'],
    'H',
  ),
  'perp.negativeBalanceProtection': published(
    'The platform has no bad debt and a user with no open positions never bears losses.',
    ['W40'],
    'M',
  ),
  'perp.insuranceFundStart': assumption(
    'The liquidator vault (HLP) plays the insurance fund’s part; US$1m per market as in every regime, not the vault’s size.',
    ['W38'],
  ),
  ...noFinancingProvenance(
    'No broker lends against collateral on the venue; leverage comes from the perpetuals alone.',
  ),
  ...SPOT_PROVENANCE,
  'marketMaker.affiliatedAllowed': assumption(
    'The protocol’s own vault (HLP) makes markets; no rule forbids it.',
    ['W38'],
  ),
  'marketMaker.safeguards': assumption(
    'No regulator separates the protocol vault from user flow, though its trades are public on chain.',
  ),
  retailLeverageAppetite: assumption(
    'model.md: retail appetite for leverage is higher offshore; with no public measure, twice the regulated baseline.',
  ),
  'extras.maxLeverageByMarket': derived(
    'BTC 40×, ETH 25× in the first margin tier; ALT 20×, SOL’s first tier on the same page (ALT taken as SOL).',
    ['W39'],
    'H',
  ),
  'extras.newAccountMaxLeverage': assumption('No separate cap for new accounts.'),
  'extras.partialLiquidationCooldownSeconds': published(
    '30 s cool-down after a partial liquidation.',
    ['W42', 'HL-liquidations'],
    'H',
  ),
  'extras.backstopEquityShareOfMaintenance': published(
    'Backstop liquidation to the liquidator vault when equity falls below ⅔ of maintenance margin.',
    ['W38', 'HL-liquidations'],
    'H',
  ),
  'extras.insuranceFundShareOfOpenInterest': assumption('The fund starts at perp.insuranceFundStart.'),
  'extras.clientPositionLimitNotional': assumption('No client position limit modelled.'),
  'extras.professionalPortfolioMinUsd': assumption('No professional-investor threshold: anyone may trade.'),
  'extras.financingExistingMarginClientsOnly': assumption('No margin loans on this venue.'),
  'extras.financingStopsAdvancesOnCall': assumption('No margin loans on this venue, so no advances to stop.'),
  'extras.marketMakerSpreadBps': DEEP_BOOK_SPREAD_PROVENANCE,
};
