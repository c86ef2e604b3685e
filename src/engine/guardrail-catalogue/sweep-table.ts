/**
 * The default range and scale of every guardrail a sweep can move (sweep-ranges.ts explains the choice): plain
 * data with no imports, so the embeddable figure's page script can check a `sweep` attribute without carrying
 * the rule sets.
 */
/** How a value is written: a fraction as a percentage, a multiple of margin, minutes as hours, dollars. */
export type SweepScale = 'percent' | 'times' | 'hours' | 'usd' | 'plain';

export interface SweepRange {
  from: number;
  to: number;
  scale: SweepScale;
}

/** Default ranges, in the guardrail's own unit (fractions, ×, minutes, USD). Assumption: see above. */
export const SWEEP_RANGES: Readonly<Record<string, SweepRange>> = {
  'financing.collateral.BTC.haircut': { from: 0, to: 0.9, scale: 'percent' },
  'financing.collateral.ETH.haircut': { from: 0, to: 0.9, scale: 'percent' },
  'financing.collateral.securities.haircut': { from: 0, to: 0.9, scale: 'percent' },
  'perp.maxLeverage': { from: 1, to: 125, scale: 'times' },
  'extras.maxLeverageByMarket.BTC': { from: 1, to: 125, scale: 'times' },
  'extras.maxLeverageByMarket.ETH': { from: 1, to: 125, scale: 'times' },
  'extras.maxLeverageByMarket.ALT': { from: 1, to: 125, scale: 'times' },
  'extras.newAccountMaxLeverage': { from: 1, to: 125, scale: 'times' },
  // A market's first-tier maintenance rate, the table's other rates in proportion (maintenance-rate.ts).
  'perp.maintenanceRate.BTC': { from: 0.005, to: 0.25, scale: 'percent' },
  'perp.maintenanceRate.ETH': { from: 0.005, to: 0.25, scale: 'percent' },
  'perp.maintenanceRate.ALT': { from: 0.005, to: 0.25, scale: 'percent' },
  'extras.insuranceFundShareOfOpenInterest': { from: 0, to: 0.05, scale: 'percent' },
  'financing.curePeriodMinutes': { from: 0, to: 72 * 60, scale: 'hours' },
  'perp.funding.cap': { from: 0.0005, to: 0.03, scale: 'percent' },
  'perp.liquidationFeeRate': { from: 0, to: 0.02, scale: 'percent' },
  'perp.takerFeeRate': { from: 0, to: 0.002, scale: 'percent' },
  'perp.partialLiquidation.sliceFraction': { from: 0.05, to: 1, scale: 'percent' },
  'perp.insuranceFundStart': { from: 0, to: 10_000_000, scale: 'usd' },
  'financing.callLtv': { from: 0.5, to: 0.9, scale: 'percent' },
  'financing.liquidationLtv': { from: 0.6, to: 0.95, scale: 'percent' },
  'financing.maxCryptoShareOfLendingValue': { from: 0, to: 1, scale: 'percent' },
  'extras.backstopEquityShareOfMaintenance': { from: 0.05, to: 1, scale: 'percent' },
  retailLeverageAppetite: { from: 0.25, to: 3, scale: 'plain' },
};
