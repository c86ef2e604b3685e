/** Where each parameter of HK_SFC_2026 (hk-sfc-2026.ts) comes from. */
import type { RegimeProvenance } from '../types.ts';
import { assumption, derived, published } from '../provenance.ts';
import {
  SPOT_PROVENANCE,
  PERP_FEES_PROVENANCE,
  MARKET_MAKER_SPREAD_PROVENANCE,
} from './shared.provenance.ts';

export const HK_SFC_2026_PROVENANCE: RegimeProvenance = {
  'perp.eligibleClasses': published(
    'Perpetual contracts are for professional investors only; retail is excluded (framework P1).',
    ['W5', 'W6', '001_974666ce637a126c.txt', '004_694564a0634c1f87.txt'],
    'H',
  ),
  'perp.maxLeverage': assumption(
    'guardrails [DEFAULT]: no SFC number exists; 10× as at comparable supervised venues (Coinbase International 10×, VARA retail 5×).',
    ['W46', 'W48'],
  ),
  'perp.marginModes': assumption(
    'The framework is silent on margin modes; isolated and cross both keep losses within the margin posted (P5).',
    ['W5'],
  ),
  'perp.tiers.BTC': assumption(
    'guardrails [DEFAULT]: maintenance 5% flat, half the initial margin at the 10× cap (Hyperliquid convention).',
    ['W39'],
  ),
  'perp.tiers.ETH': assumption(
    'guardrails [DEFAULT]: maintenance 5% flat, half the initial margin at the 10× cap (Hyperliquid convention).',
    ['W39'],
  ),
  'perp.listsAlt': published(
    'Perpetuals on BTC and ETH only at first (W9), as collateral is BTC and ETH only (A5); the framework’s scope (P3) would allow any VA the platform offers for retail spot trading (conflict noted).',
    ['W9', 'W5'],
    'M',
  ),
  'perp.tiers.ALT': assumption(
    'Not listed (P3, W9); should a custom rule set list it, the [DEFAULT] 5% flat as for BTC and ETH.',
    ['W39'],
  ),
  ...PERP_FEES_PROVENANCE,
  'perp.liquidationFeeRate': assumption(
    'No rate is published or in the [DEFAULT]: 0.5% of the amount closed goes to the insurance fund, the offshore preset’s clearance fee (B-LIQP) held equal, because a fee as large as the 5% maintenance rate would take each slice’s whole margin and turn every partial liquidation into a full one.',
    ['B-LIQP'],
  ),
  'perp.partialLiquidation': assumption(
    'guardrails [DEFAULT]: 20% slices for notionals above US$100k, Hyperliquid practice; a slice is larger when 20% would not bring the account back above maintenance.',
    ['W42'],
  ),
  'perp.markMethod': assumption(
    'guardrails [DEFAULT]: index from independent spot venues plus a clamped basis EMA, meeting P8 (transparent, independent prices).',
    ['W6'],
  ),
  'perp.markEmaSeconds': assumption('The [DEFAULT] gives no EMA length; 150 s is Hyperliquid’s mark EMA.', [
    'HL-robust-price-indices',
  ]),
  'perp.markBasisClamp': assumption(
    'The [DEFAULT] gives no clamp; 0.5% keeps a thin-book wick from dragging the mark far from the index.',
  ),
  'perp.funding.intervalHours': assumption(
    'guardrails [DEFAULT]: every 8 h (Binance practice), which meets P4 (convergence at least daily).',
    ['W5', 'W34'],
  ),
  'perp.funding.interest': assumption(
    'guardrails [DEFAULT]: 0.01% per 8 h, the Binance and Hyperliquid interest component.',
    ['W34', 'W41'],
  ),
  'perp.funding.clamp': assumption(
    'guardrails [DEFAULT]: premium clamp ±0.05%, the Binance and Hyperliquid formula.',
    ['W34', 'W41'],
  ),
  'perp.funding.cap': assumption(
    'guardrails [DEFAULT]: ±0.35% per interval, borrowing SGX’s ±35 bp cap as a regulated analogue.',
    ['W47'],
  ),
  'perp.funding.priceSource': assumption('Not published; funding on the mark price as at Binance.', [
    'B-FUND',
  ]),
  'perp.lossAllocation': assumption(
    'guardrails [DEFAULT]: insurance fund, then ADL ranked by PnL% × leverage (Binance style); P6 only requires a defined mechanism.',
    ['W32', 'W6'],
  ),
  'perp.negativeBalanceProtection': published(
    'Potential loss is limited to the margin posted (framework P5).',
    ['W5'],
    'H',
  ),
  'perp.insuranceFundStart': assumption(
    'Not used while extras.insuranceFundShareOfOpenInterest is set (the [DEFAULT] ties the fund to open interest); without it, US$1m per market as in every regime.',
  ),
  'financing.eligibleClasses': published(
    'Existing securities-margin clients with strong credit, retail or professional; the primary text does not say professional-only (A3).',
    ['W1', 'W4'],
    'H',
  ),
  'financing.collateral.BTC': published(
    'BTC is eligible VA collateral (A5) at a haircut of at least 60% (A6).',
    ['W1', 'W2', '002_77fb7649bbd2b217.txt'],
    'M',
  ),
  'financing.collateral.ETH': published(
    'ETH is eligible VA collateral (A5) at a haircut of at least 60% (A6).',
    ['W1', 'W2', '002_77fb7649bbd2b217.txt'],
    'M',
  ),
  'financing.collateral.other-crypto': published(
    'Only BTC and ETH are eligible VA collateral, so other crypto lends nothing (A5).',
    ['W1', '000_760c6478c75db79b.txt'],
    'H',
  ),
  'financing.collateral.securities': assumption(
    'Brokers set securities haircuts; 40% sits in the 30%–90% range one HK broker uses.',
    ['W21'],
  ),
  'financing.callLtv': assumption(
    'guardrails [DEFAULT]: margin call at LTV above 40% on the VA part: securities cover the loan first, up to their lending value, and the rest is called above 40% of the BTC and ETH held.',
  ),
  'financing.liquidationLtv': assumption(
    'guardrails [DEFAULT]: immediate forced sale at LTV ≥ 60%, a 33.3% fall from the 40% opening LTV.',
  ),
  'financing.targetLtv': assumption('guardrails [DEFAULT]: a forced sale brings LTV back to 40%.'),
  'financing.curePeriodMinutes': assumption(
    'guardrails [DEFAULT]: 24 h because crypto trades around the clock, replacing one broker’s one business day.',
    ['W21'],
  ),
  'financing.hourlyInterestRate': assumption(
    'One HK broker charges Prime + 4% a year within marginable value; Prime taken as 5.25% (not in the sources).',
    ['W21'],
  ),
  'financing.maxCryptoShareOfLendingValue': assumption(
    'guardrails [DEFAULT]: securities supply at least 50% of lending value, reading A4’s "sufficient securities collateral".',
    ['W1'],
  ),
  'financing.maxLoansToCapital': published(
    'SMF Guidelines: total margin loans at most 5× the broker’s capital (B3).',
    ['W13', 'W14'],
    'H',
  ),
  'financing.rehypothecationShare': published(
    'VA collateral must not be re-hypothecated, reused or encumbered (A7).',
    ['002_77fb7649bbd2b217.txt'],
    'M',
  ),
  ...SPOT_PROVENANCE,
  'marketMaker.affiliatedAllowed': published(
    'A platform’s affiliate may now make markets on it (M2).',
    ['W7', '001_974666ce637a126c.txt'],
    'H',
  ),
  'marketMaker.safeguards': published(
    'Functional independence, no access to client flow, client-first policies and independent reviews (M3, M4).',
    ['W7', '001_974666ce637a126c.txt', '002_77fb7649bbd2b217.txt'],
    'M',
  ),
  retailLeverageAppetite: assumption(
    'Baseline 1: no public measure of how much leverage retail traders want on a regulated venue.',
  ),
  'extras.maxLeverageByMarket': assumption(
    'No per-market cap: the [DEFAULT] 10× applies to BTC and ETH (and to ALT, should a custom rule set list it).',
  ),
  'extras.newAccountMaxLeverage': assumption('No separate cap for new accounts: the cap is already 10×.'),
  'extras.partialLiquidationCooldownSeconds': assumption(
    'guardrails [DEFAULT]: 30 s between slices, Hyperliquid practice.',
    ['W42'],
  ),
  'extras.backstopEquityShareOfMaintenance': assumption(
    'No backstop vault: the [DEFAULT] waterfall is insurance fund, then ADL.',
  ),
  'extras.insuranceFundShareOfOpenInterest': assumption(
    'guardrails [DEFAULT]: the fund starts at 1% of open interest, paid in by the operator as open interest grows, and is shown live (P11).',
    ['002_77fb7649bbd2b217.txt'],
  ),
  'extras.clientPositionLimitNotional': assumption(
    'guardrails [DEFAULT]: no client-level position limit; the framework publishes none.',
  ),
  'extras.professionalPortfolioMinUsd': derived(
    'HK$8m individual portfolio threshold (P1) at the 7.80 HKD/USD peg.',
    ['W23'],
    'H',
  ),
  'extras.financingExistingMarginClientsOnly': published(
    'Only the broker’s existing securities-margin clients may borrow for VA (A3).',
    ['W4', 'W1'],
    'H',
  ),
  'extras.financingStopsAdvancesOnCall': published(
    'SMF practice: clients with an outstanding margin call are stopped from further margin trading.',
    ['W20', 'W15'],
    'H',
  ),
  'extras.marketMakerSpreadBps': MARKET_MAKER_SPREAD_PROVENANCE,
};
