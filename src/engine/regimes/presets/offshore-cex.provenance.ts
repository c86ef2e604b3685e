/** Where each parameter of OFFSHORE_CEX (offshore-cex.ts) comes from. */
import type { RegimeProvenance } from '../types.ts';
import { assumption, derived, published } from '../provenance.ts';
import {
  SPOT_PROVENANCE,
  INSURANCE_FUND_START_NOTE,
  DEEP_BOOK_SPREAD_PROVENANCE,
} from './shared.provenance.ts';

const CROSS_3X_NOTE =
  'Binance 3× cross margin lets equity E borrow 2E, that is lends ⅔ of the collateral’s value: a haircut of ⅓.';

export const OFFSHORE_CEX_PROVENANCE: RegimeProvenance = {
  'perp.eligibleClasses': assumption(
    'guardrails §2 lists "global offshore users, not HK-licensed" without a source: anyone may open an account, retail included.',
    ['W31'],
  ),
  'perp.maxLeverage': published('125× on BTCUSDT for notionals up to 50,000 USDT.', ['W30'], 'H'),
  'perp.marginModes': published(
    'Isolated and cross margin, each with its own liquidation formula.',
    ['B-LIQ'],
    'H',
  ),
  'perp.tiers.BTC': published(
    'The 2021 BTCUSDT brackets, 0.4% up to 50k rising to 5% at 10m–20m USDT (first five brackets).',
    ['W30', 'B-LIQ-GIST'],
    'H',
  ),
  'perp.tiers.ETH': assumption(
    'No ETHUSDT bracket table in the sources; the BTCUSDT table stands in for it.',
    ['W30'],
  ),
  'perp.listsAlt': published(
    'Binance lists hundreds of altcoin perpetuals at up to 50× and more; the announcement with the BTCUSDT table raises six altcoins to 50×.',
    ['W30'],
    'H',
  ),
  'perp.tiers.ALT': published(
    'The 2021 altcoin 50× brackets: 1% up to 5k, 2.5% to 25k, 5% to 100k, 10% to 250k, 12.5% to 1m, 50% above.',
    ['W30'],
    'H',
  ),
  'perp.takerFeeRate': assumption(
    '0.05% taker, Binance’s base USDⓈ-M rate; the fee schedule is not among the sources.',
  ),
  'perp.makerFeeRate': assumption(
    '0.02% maker, Binance’s base USDⓈ-M rate; the fee schedule is not among the sources.',
  ),
  'perp.liquidationFeeRate': assumption(
    'A clearance fee on the amount liquidated goes to the insurance fund (B-LIQP); its rate is not in the sources, 0.5% assumed.',
    ['B-LIQP'],
  ),
  'perp.partialLiquidation': assumption(
    'Liquidation is partial where possible (W33); the slice is not published: half the position per step, whole within the first 50k bracket.',
    ['W33', 'B-LIQP'],
  ),
  'perp.markMethod': published(
    'Mark = median of the funding-adjusted index, index plus averaged basis, and last price.',
    ['B-MARK'],
    'H',
  ),
  'perp.markEmaSeconds': derived(
    'The basis is averaged over 30 one-second samples since Sept 2025, modelled as a 30 s EMA.',
    ['B-MARK'],
    'M',
  ),
  'perp.markBasisClamp': assumption(
    'No explicit clamp; the median with the funding-adjusted index keeps the mark near the index, a 0.5% clamp stands in.',
    ['B-MARK'],
  ),
  'perp.funding.intervalHours': published(
    'Funding every 8 h (00:00, 08:00, 16:00 UTC).',
    ['W34', 'B-FUND'],
    'H',
  ),
  'perp.funding.interest': published('Interest component 0.01% per 8 h.', ['W34', 'B-FUND'], 'H'),
  'perp.funding.clamp': published('F = P̄ + clamp(I − P̄, ±0.05%).', ['B-FUND'], 'H'),
  'perp.funding.cap': derived(
    'Capped rate ±0.75 × maintenance rate (B-CAP) on the first bracket’s 0.4% (W30): ±0.3%.',
    ['B-CAP', 'W30'],
    'M',
  ),
  'perp.funding.priceSource': published('Funding amount = mark price × size × rate.', ['B-FUND'], 'H'),
  'perp.lossAllocation': published(
    'Insurance fund, then ADL ranked by PnL% × margin ratio, closed at the bankruptcy price.',
    ['W32', 'B-ADL'],
    'H',
  ),
  'perp.negativeBalanceProtection': published(
    'In effect yes: the insurance fund tops a negative wallet back to 0.',
    ['W33', 'B-LIQP'],
    'M',
  ),
  'perp.insuranceFundStart': assumption(INSURANCE_FUND_START_NOTE),
  'financing.eligibleClasses': assumption('Margin accounts are open to any verified user, retail included.'),
  'financing.collateral.BTC': derived(CROSS_3X_NOTE, ['B-MGN'], 'M'),
  'financing.collateral.ETH': derived(CROSS_3X_NOTE, ['B-MGN'], 'M'),
  'financing.collateral.other-crypto': derived(
    'Binance 3× cross margin lends ⅔ of the whole account’s collateral value, other coins included: a haircut of ⅓.',
    ['B-MGN'],
    'L',
  ),
  'financing.collateral.securities': assumption('A crypto exchange takes no securities as collateral.'),
  'financing.callLtv': derived(
    'Margin call at margin level 1.3 on 3× cross margin (LTV 1/1.3 ≈ 76.9%); between 1.3 and 1.5 the account may not borrow but is not called.',
    ['B-MGN'],
    'M',
  ),
  'financing.liquidationLtv': derived(
    'Liquidation at margin level 1.1 on 3× cross margin: LTV 1/1.1 ≈ 90.9%.',
    ['B-MGN'],
    'M',
  ),
  'financing.targetLtv': assumption(
    'Sales stop at margin level 1.5, where borrowing resumes (B-MGN), that is LTV ⅔; Binance may instead sell everything.',
    ['B-MGN'],
  ),
  'financing.curePeriodMinutes': assumption(
    'The margin call is only a notice and the account is closed out at margin level 1.1 at once, so 30 days stands for no cure period: the close-out always comes first.',
    ['B-MGN'],
  ),
  'financing.hourlyInterestRate': published(
    '0.001% an hour, the rate in Binance’s own interest example (≈ 8.8% a year); real rates float.',
    ['B-MGN'],
    'L',
  ),
  'financing.maxCryptoShareOfLendingValue': assumption(
    'No concentration cap: crypto is the only collateral.',
  ),
  'financing.maxLoansToCapital': assumption(
    'No published limit on an offshore venue’s lending against its capital.',
  ),
  'financing.rehypothecationShare': assumption(
    'No rule like 26EC5’s A7 forbids re-use; assumed: the venue re-uses all client crypto collateral, so in a failure (FTX episode, 11 Nov 2022) its margin clients lose all of it, net of their debt.',
  ),
  ...SPOT_PROVENANCE,
  'marketMaker.affiliatedAllowed': assumption(
    'Offshore venues run in-house market making; no rule forbids it.',
  ),
  'marketMaker.safeguards': assumption(
    'No regulator imposes the SFC’s separation of an in-house market maker from client flow (M4).',
  ),
  retailLeverageAppetite: assumption(
    'model.md: retail appetite for leverage is higher offshore; with no public measure, twice the regulated baseline.',
  ),
  'extras.maxLeverageByMarket': assumption(
    'ETH’s cap is not in the sources, so the same 125× as BTC; ALT 50×, the first bracket of the altcoin table (W30).',
    ['W30'],
  ),
  'extras.newAccountMaxLeverage': published('Accounts younger than 60 days: at most 20×.', ['W31'], 'M'),
  'extras.partialLiquidationCooldownSeconds': assumption('No published pause between liquidation orders.'),
  'extras.backstopEquityShareOfMaintenance': assumption(
    'No backstop before bankruptcy: the insurance fund takes over at the bankruptcy price.',
    ['B-LIQP'],
  ),
  'extras.insuranceFundShareOfOpenInterest': assumption('The fund starts at perp.insuranceFundStart.'),
  'extras.clientPositionLimitNotional': assumption(
    'Bracket notional limits (W31) cap leverage, not size; no client position limit modelled.',
    ['W31'],
  ),
  'extras.professionalPortfolioMinUsd': assumption('No professional-investor threshold: retail may trade.'),
  'extras.financingExistingMarginClientsOnly': assumption('Any verified user may open a margin account.'),
  'extras.financingStopsAdvancesOnCall': derived(
    'No new borrowing at margin level ≤ 1.5, above the 1.3 call level, so a called client cannot borrow more.',
    ['B-MGN'],
    'M',
  ),
  'extras.marketMakerSpreadBps': DEEP_BOOK_SPREAD_PROVENANCE,
};
