/**
 * Liquidation and bankruptcy prices of a linear (USD-margined) position, isolated or cross.
 * One pure calculator shared by the engine and the position calculator in the interface.
 *
 * Definition (mechanics §1.8, Binance B-LIQ one-way mode): the liquidation price LP is where equity equals the
 * maintenance margin evaluated at LP, with the tier re-selected by the notional at LP:
 *   WB − TMM1 + UPNL1 + side·Q·(LP − EP) = Q·LP·MMR − cum
 *   LP = (WB − TMM1 + UPNL1 + cum − side·Q·EP) / (Q·MMR − side·Q)
 * Isolated: WB is the isolated margin and TMM1 = UPNL1 = 0.
 * Bankruptcy price (mechanics §1.9): equity = 0, BP = EP − side·(WB + UPNL1)/Q.
 */
import { above, check, finiteNumber } from '../validation/index.ts';
import { sideSign, type Side } from './side.ts';
import { tierIndexForNotional, type MaintenanceTier } from './tiers.ts';

const POSITIVE = above(0);

export interface LiquidationInput {
  side: Side;
  /** |position size| in coins, > 0. */
  qty: number;
  entryPrice: number;
  /** Isolated margin (isolated) or the account's wallet balance (cross), quote currency. */
  wallet: number;
  /** Cross only: maintenance margin of the account's other positions (TMM1). */
  otherMaintenance?: number;
  /** Cross only: unrealised PnL of the account's other positions (UPNL1). */
  otherUnrealisedPnl?: number;
  tiers: readonly MaintenanceTier[];
}

export interface LiquidationResult {
  /** null when no positive price liquidates the position (a long backed by more than its notional). */
  liquidationPrice: number | null;
  /** null when the position cannot go bankrupt at a positive price. */
  bankruptcyPrice: number | null;
  /** Index (from 0) of the tier in force at the liquidation price. */
  tierIndex: number;
}

function lpForTier(s: 1 | -1, q: number, entryPrice: number, tier: MaintenanceTier, buffer: number): number {
  return (buffer + tier.cum - s * q * entryPrice) / (q * tier.mmr - s * q);
}

const BRACKET_TOLERANCE = 1e-12;

function nearBracket(tiers: readonly MaintenanceTier[], i: number, notional: number): boolean {
  const floor = (tiers[i] as MaintenanceTier).floor;
  const next = tiers[i + 1];
  const slack = BRACKET_TOLERANCE * Math.max(1, notional);
  return notional >= floor - slack && (next === undefined || notional < next.floor + slack);
}

export function liquidationPrice(input: LiquidationInput): LiquidationResult {
  const { qty, entryPrice, tiers } = input;
  checkInputs(qty, entryPrice, input.wallet);
  const s = sideSign(input.side);
  const otherUpnl = input.otherUnrealisedPnl ?? 0;
  const buffer = input.wallet - (input.otherMaintenance ?? 0) + otherUpnl;
  let chosen = liquidationTier(s, qty, entryPrice, buffer, tiers);
  let lp = NaN;
  if (chosen >= 0) lp = lpForTier(s, qty, entryPrice, tiers[chosen]!, buffer);
  else {
    // No positive solution in any bracket (e.g. a long backed by more than its whole notional): it cannot be
    // liquidated at a positive price. Report the tier at entry so the interface can still show the table row.
    chosen = tierIndexForNotional(tiers, qty * entryPrice);
  }
  const bp = entryPrice - (s * (input.wallet + otherUpnl)) / qty;
  return {
    liquidationPrice: Number.isFinite(lp) ? lp : null,
    bankruptcyPrice: bp > 0 ? bp : null,
    tierIndex: chosen,
  };
}

/**
 * The liquidation price alone of a position with nothing else in its margin (isolated, or the only cross
 * position), NaN where liquidationPrice gives null: the same numbers from scalars, with no input or result
 * object (the liquidation index keys every holder with it, tens of thousands of times a large run).
 */
export function liquidationPriceOf(
  s: 1 | -1,
  qty: number,
  entryPrice: number,
  wallet: number,
  tiers: readonly MaintenanceTier[],
): number {
  checkInputs(qty, entryPrice, wallet);
  const buffer = wallet - 0 + 0; // liquidationPrice's buffer with no other positions (−0 becomes +0 there too)
  const chosen = liquidationTier(s, qty, entryPrice, buffer, tiers);
  if (chosen < 0) return NaN;
  const lp = lpForTier(s, qty, entryPrice, tiers[chosen]!, buffer);
  return Number.isFinite(lp) ? lp : NaN;
}

/** The checks, called only when a value fails: the liquidation index and every traced frame ask for this. */
function checkInputs(qty: number, entryPrice: number, wallet: number): void {
  if (!(qty > 0 && qty < Infinity)) check('qty', qty, POSITIVE);
  if (!(entryPrice > 0 && entryPrice < Infinity)) check('entry price', entryPrice, POSITIVE);
  if (!Number.isFinite(wallet)) check('wallet', wallet, finiteNumber);
}

/**
 * The tier whose bracket holds LP·Q, or −1 when no positive LP lies in any bracket. B-LIQ: "If there is a
 * discrepancy between the position notional (determined by the liquidation price calculation) and the assumed
 * margin level … recalculate": keep the tier whose bracket holds LP·Q.
 */
function liquidationTier(
  s: 1 | -1,
  qty: number,
  entryPrice: number,
  buffer: number,
  tiers: readonly MaintenanceTier[],
): number {
  for (let i = 0; i < tiers.length; i++) {
    const candidate = lpForTier(s, qty, entryPrice, tiers[i]!, buffer);
    if (candidate > 0 && tierIndexForNotional(tiers, candidate * qty) === i) return i;
  }
  // When LP·Q sits exactly on a tier floor, both neighbouring tiers give the same LP in exact arithmetic, but
  // rounding can push each candidate just outside its own bracket. Accept a candidate within a relative
  // tolerance of its bracket (MM is continuous there, so either tier's LP is right).
  for (let i = 0; i < tiers.length; i++) {
    const candidate = lpForTier(s, qty, entryPrice, tiers[i]!, buffer);
    if (candidate > 0 && nearBracket(tiers, i, candidate * qty)) return i;
  }
  return -1;
}
