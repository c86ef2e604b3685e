/**
 * Tiered maintenance margin (mechanics §1.6; Binance B-LIQ, Hyperliquid HL-margin-tiers).
 * A table is given as floors and rates; the maintenance amount `cum` of each tier is derived from it, so the
 * maintenance margin is a continuous function of notional at every tier boundary (mechanics §4 item 8).
 */

import {
  Refusal,
  above,
  atLeast,
  between,
  check,
  described,
  isPlainRecord,
  listOf,
  oneOf,
} from '../validation/index.ts';

/** One bracket as published: it applies to notionals at or above `floor` (quote currency), rate `mmr`. */
export interface TierSpec {
  floor: number;
  mmr: number;
}

/** A bracket with its derived maintenance amount (the "cum" / maintenance deduction). */
export interface MaintenanceTier extends TierSpec {
  cum: number;
}

/** Published tables have a dozen tiers at most; a longer one is not a table a venue publishes. */
export const MAX_TIERS = 100;
const TABLE = listOf(described('an object with floor and mmr', isPlainRecord), {
  minLength: 1,
  maxLength: MAX_TIERS,
});
const FLOOR = atLeast(0);
const RATE = between(0, 1, { maxExcluded: true });
const FIRST_FLOOR = oneOf([0]);

/** Validates a table and derives each tier's maintenance amount: cum₁ = 0, cumₙ = cumₙ₋₁ + floorₙ·(MMRₙ − MMRₙ₋₁). */
export function deriveTiers(specs: readonly TierSpec[]): MaintenanceTier[] {
  check('tier table', specs, TABLE);
  const tiers: MaintenanceTier[] = [];
  specs.forEach((spec, i) => {
    check(`tier ${i + 1} floor`, spec.floor, FLOOR);
    check(`tier ${i + 1} maintenance rate`, spec.mmr, RATE);
    if (i === 0) {
      check("the first tier's floor", spec.floor, FIRST_FLOOR);
      tiers.push({ ...spec, cum: 0 });
      return;
    }
    const prev = tiers[i - 1]!;
    // Floors increase: each tier starts above the one before it.
    if (!(spec.floor > prev.floor))
      throw new Refusal(`tier ${i + 1} floor`, spec.floor, above(prev.floor).allowed);
    tiers.push({ ...spec, cum: prev.cum + spec.floor * (spec.mmr - prev.mmr) });
  });
  return tiers;
}

/** Index (from 0) of the tier whose bracket contains `notional`: the last tier whose floor ≤ notional. */
export function tierIndexForNotional(tiers: readonly MaintenanceTier[], notional: number): number {
  let index = 0;
  for (let i = 1; i < tiers.length; i++) {
    if ((tiers[i] as MaintenanceTier).floor <= notional) index = i;
    else break;
  }
  return index;
}

/** MM = N·MMR_tier − cum_tier (mechanics §1.6), with the tier chosen by the notional itself. */
export function maintenanceMargin(tiers: readonly MaintenanceTier[], notional: number): number {
  const tier = tiers[tierIndexForNotional(tiers, notional)] as MaintenanceTier;
  return notional * tier.mmr - tier.cum;
}

/**
 * The 2021 Binance altcoin 50× bracket table (W30, the announcement that carries the BTCUSDT table below: XEM,
 * COTI, CHR, MANA, HBAR, ALICE). Its 250k–1m bracket is published at 2× with a 12.5% maintenance rate, which
 * the simulator reads as 4× (1 / (2 · MMR), tiers.ts convention); the simulated traders' ALT positions stay
 * far below it.
 */
export const BINANCE_ALT_50X_2021: readonly TierSpec[] = [
  { floor: 0, mmr: 0.01 },
  { floor: 5_000, mmr: 0.025 },
  { floor: 25_000, mmr: 0.05 },
  { floor: 100_000, mmr: 0.1 },
  { floor: 250_000, mmr: 0.125 },
  { floor: 1_000_000, mmr: 0.5 },
];

/** The 2021 Binance BTCUSDT bracket table (B-LIQ-GIST), used by mechanics §3 vectors 8, 11, 13–17. */
export const BINANCE_BTCUSDT_2021: readonly TierSpec[] = [
  { floor: 0, mmr: 0.004 },
  { floor: 50_000, mmr: 0.005 },
  { floor: 250_000, mmr: 0.01 },
  { floor: 1_000_000, mmr: 0.025 },
  { floor: 10_000_000, mmr: 0.05 },
];

/**
 * The leverage a bracket allows: the venues' tables set each bracket's maintenance rate at half the initial
 * margin at its maximum leverage (Binance BTCUSDT 2021: 0.4% ↔ 125×, 0.5% ↔ 100×, 1% ↔ 50×, 2.5% ↔ 20×,
 * 5% ↔ 10×, W30; Hyperliquid HL-margin-tiers), so the table's max-leverage column is 1 / (2 · MMR).
 */
export function bracketMaxLeverage(tiers: readonly MaintenanceTier[], notional: number): number {
  return 1 / (2 * (tiers[tierIndexForNotional(tiers, notional)] as MaintenanceTier).mmr);
}

/**
 * The highest leverage, at most `wish` and `cap`, at which `margin` opens a notional whose bracket allows it:
 * how a trader resizes an order the door would refuse (issue 15, defect 3). Never below 1.
 */
export function leverageWithinBrackets(
  tiers: readonly MaintenanceTier[],
  cap: number,
  margin: number,
  wish: number,
): number {
  let best = 1;
  for (let k = 0; k < tiers.length; k++) {
    const tier = tiers[k] as MaintenanceTier;
    const next = tiers[k + 1];
    let leverage = Math.min(wish, cap, 1 / (2 * tier.mmr));
    // Within this bracket: below the next floor (a hair under, so rounding cannot cross it).
    if (next && margin * leverage >= next.floor) leverage = (next.floor * (1 - 1e-9)) / margin;
    if (margin * leverage < tier.floor) continue;
    best = Math.max(best, leverage);
  }
  return best;
}
