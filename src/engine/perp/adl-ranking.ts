/**
 * Auto-deleveraging queue (mechanics §1.14): which opposite-side positions are closed first when a bankrupt
 * position cannot be absorbed by the insurance fund. Higher score = deleveraged earlier.
 */
import { Refusal, above, between, check, finiteNumber, wholeNumber, type Rule } from '../validation/index.ts';
import { sideSign, type Side } from './side.ts';
import { maintenanceMargin, type MaintenanceTier } from './tiers.ts';

export type AdlMethod = 'binance' | 'bitmex' | 'hyperliquid';

export interface AdlCandidate {
  id: string;
  side: Side;
  /** |position size| in coins, > 0. */
  qty: number;
  entry: number;
  mark: number;
  /** Margin behind the position (isolated margin, or the wallet balance it draws on). */
  wallet: number;
  /** Maintenance margin rate: MM = qty × mark × mmr. */
  mmr: number;
}

const POSITIVE = above(0);
const MMR = between(0, 1, { maxExcluded: true });
const LIGHTS_TOTAL = wholeNumber(1);

function validate(p: AdlCandidate): void {
  const require = (name: string, v: number, rule: Rule<number>) => {
    if (!rule.accepts(v)) throw new Refusal(`position ${p.id}, ${name}`, v, rule.allowed);
  };
  require('qty', p.qty, POSITIVE);
  require('entry', p.entry, POSITIVE);
  require('mark', p.mark, POSITIVE);
  require('wallet', p.wallet, finiteNumber);
  require('mmr', p.mmr, MMR);
}

function unrealisedPnl(p: AdlCandidate): number {
  return sideSign(p.side) * p.qty * (p.mark - p.entry); // §1.2
}

/** B-ADL: LeveragePnL = PnL% × MarginRatio, PnL% = max(0, UPnL)/max(1, WB), MarginRatio = MM/(WB + UPnL). */
export function binanceLeveragePnl(unrealisedPnl: number, wallet: number, maintenanceMargin: number): number {
  const pnlFraction = Math.max(0, unrealisedPnl) / Math.max(1, wallet);
  const balance = wallet + unrealisedPnl;
  const marginRatio = balance > 0 ? maintenanceMargin / balance : 0;
  return pnlFraction * marginRatio;
}

/**
 * BM-ADL: PnL% × EffLev if PnL% > 0, PnL% / EffLev otherwise.
 * Values are side-signed notionals; BankruptValue uses BP = entry − side × wallet / qty, so
 * MarkValue − BankruptValue = wallet + UPnL. A position at or below bankruptcy (no positive equity) has no
 * effective leverage; it is being liquidated, not deleveraged, so it goes last (−∞).
 */
export function bitmexAdlScore(p: AdlCandidate): number {
  return bitmexScore(sideSign(p.side), p.qty, p.entry, p.mark, p.wallet);
}

/** bitmexAdlScore from scalars (`s` = +1 long, −1 short): the same arithmetic, no candidate object. */
export function bitmexScore(s: 1 | -1, qty: number, entry: number, mark: number, wallet: number): number {
  const markValue = s * qty * mark;
  const entryValue = s * qty * entry;
  const bankruptValue = s * qty * (entry - (s * wallet) / qty);
  const equity = markValue - bankruptValue;
  if (!(equity > 0)) return -Infinity;
  const pnlFraction = (markValue - entryValue) / Math.abs(entryValue);
  const effectiveLeverage = Math.abs(markValue) / equity;
  return pnlFraction > 0 ? pnlFraction * effectiveLeverage : pnlFraction / effectiveLeverage;
}

/**
 * HL-auto-deleveraging: (mark_price / entry_price) × (notional_position / account_value), account value =
 * wallet + UPnL. The doc gives no side; it ranks "by unrealized pnl and leverage", so for a short the price ratio
 * is read as entry/mark (a short's profit grows as the mark falls). Taken literally, mark/entry would put the
 * most profitable shorts last. A position with no positive account value goes last (−∞), as for BitMEX.
 */
export function hyperliquidAdlScore(p: AdlCandidate): number {
  return hyperliquidScore(sideSign(p.side), p.qty, p.entry, p.mark, p.wallet);
}

/** hyperliquidAdlScore from scalars (`s` = +1 long, −1 short): the same arithmetic, no candidate object. */
export function hyperliquidScore(
  s: 1 | -1,
  qty: number,
  entry: number,
  mark: number,
  wallet: number,
): number {
  const accountValue = wallet + s * qty * (mark - entry);
  if (!(accountValue > 0)) return -Infinity;
  const priceRatio = s > 0 ? mark / entry : entry / mark;
  return (priceRatio * qty * mark) / accountValue;
}

/**
 * adlScore from scalars, for the queue's passes over a book (adl.ts): the same validation and arithmetic, no
 * candidate object and no id text unless a value is refused. The maintenance rate (MM ÷ notional on `tiers`)
 * is worked out only when the method uses it (Binance, on a position in profit: otherwise the score is 0
 * whatever the rate).
 */
export function adlScoreOf(
  id: number,
  s: 1 | -1,
  qty: number,
  entry: number,
  mark: number,
  wallet: number,
  method: AdlMethod,
  tiers: readonly MaintenanceTier[],
): number {
  if (!(qty > 0 && entry > 0 && mark > 0 && Number.isFinite(wallet)))
    validate({ id: String(id), side: s > 0 ? 'long' : 'short', qty, entry, mark, wallet, mmr: 0 });
  if (method === 'bitmex') return bitmexScore(s, qty, entry, mark, wallet);
  if (method === 'hyperliquid') return hyperliquidScore(s, qty, entry, mark, wallet);
  const pnl = s * qty * (mark - entry); // §1.2, as unrealisedPnl(candidate)
  if (!(pnl > 0)) return 0; // PnL% = max(0, UPnL) / max(1, WB) = 0, so LeveragePnL = 0 (binanceLeveragePnl)
  const notional = qty * mark;
  const mmr = notional > 0 ? maintenanceMargin(tiers, notional) / notional : 0;
  // MMR's own test (finite, 0 ≤ mmr < 1), written out: the rule's closure is called only to refuse.
  if (!(mmr >= 0 && mmr < 1) && !MMR.accepts(mmr))
    validate({ id: String(id), side: s > 0 ? 'long' : 'short', qty, entry, mark, wallet, mmr });
  return binanceLeveragePnl(pnl, wallet, qty * mark * mmr);
}

export function adlScore(p: AdlCandidate, method: AdlMethod): number {
  validate(p);
  switch (method) {
    case 'binance':
      return binanceLeveragePnl(unrealisedPnl(p), p.wallet, p.qty * p.mark * p.mmr);
    case 'bitmex':
      return bitmexAdlScore(p);
    case 'hyperliquid':
      return hyperliquidAdlScore(p);
  }
}

export interface AdlRanking {
  /** Ids, first to be deleveraged first. */
  order: string[];
  /** Scores in the same order as `order`. */
  scores: number[];
  /** Each side's ids in queue order. */
  bySide: Record<Side, string[]>;
}

/**
 * Ranks positions, highest score first, ties broken by id so the queue is deterministic.
 * Binance and Hyperliquid rank everything given in one list; BitMEX ranks longs and shorts separately
 * (BM-ADL), so `order` lists the longs' queue then the shorts' queue. Callers normally pass one side only:
 * ADL always closes positions opposite to the bankrupt one.
 */
export function rankForAdl(positions: readonly AdlCandidate[], method: AdlMethod): AdlRanking {
  const seen = new Set<string>();
  positions.forEach((p, i) => {
    if (seen.has(p.id))
      throw new Refusal(`position ${i + 1} id`, p.id, { kind: 'words', text: 'an id no other position has' });
    seen.add(p.id);
  });
  const scored = positions.map((p) => ({ id: p.id, side: p.side, score: adlScore(p, method) }));
  scored.sort((a, b) => {
    if (method === 'bitmex' && a.side !== b.side) return a.side === 'long' ? -1 : 1;
    if (a.score !== b.score) return b.score - a.score;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return {
    order: scored.map((x) => x.id),
    scores: scored.map((x) => x.score),
    bySide: {
      long: scored.filter((x) => x.side === 'long').map((x) => x.id),
      short: scored.filter((x) => x.side === 'short').map((x) => x.id),
    },
  };
}

/**
 * The 1–5 indicator lights exchanges show (BM-ADL: 20% quintiles): 5 for the first fifth of the queue.
 * `rank` counts from 1 (first in the queue).
 */
export function adlLights(rank: number, total: number): number {
  // LIGHTS_TOTAL's test written out (a frame asks it for every followed trader): its closure only to refuse.
  if (!(Number.isSafeInteger(total) && total >= 1)) check('total', total, LIGHTS_TOTAL);
  if (!(Number.isInteger(rank) && rank >= 1 && rank <= total))
    throw new Refusal('rank', rank, wholeNumber(1, total).allowed);
  return 5 - Math.floor(((rank - 1) * 5) / total);
}
