/**
 * Margin level of spot trading on margin, the ratio venues use instead of LTV (mechanics §2).
 *
 *   Kraken (KR):   margin level = equity / used margin; call at ≈ 80%, automatic liquidation at ≈ 40%.
 *                  Used margin = position cost / leverage; a short's is fixed in the borrowed coin, so it is
 *                  revalued with the price (vector 66).
 *   Binance (B-MGN): margin level = total asset value / (liabilities + outstanding interest).
 */
import { Refusal, below, check, finiteNumber } from '../validation/index.ts';
import { requireNonNegative, requirePositive } from './validate.ts';

/** KR: MarginLevel = Equity / UsedMargin (vector 65: 7,199.95 / 9,000 = 79.999%). */
export function marginLevel(equity: number, usedMargin: number): number {
  check('equity', equity, finiteNumber);
  requirePositive('used margin', usedMargin);
  return equity / usedMargin;
}

/** B-MGN: MarginLevel = TotalAssetValue / (TotalLiabilities + OutstandingInterest); Infinity with no debt. */
export function assetMarginLevel(totalAssetValue: number, liabilities: number, interest: number): number {
  requireNonNegative('total asset value', totalAssetValue);
  requireNonNegative('liabilities', liabilities);
  requireNonNegative('interest', interest);
  const debt = liabilities + interest;
  return debt === 0 ? Infinity : totalAssetValue / debt;
}

export interface KrakenPosition {
  side: 'long' | 'short';
  /** coins */
  qty: number;
  entryPrice: number;
  leverage: number;
}

/** KR: used margin in quote. Long: cost / leverage, fixed. Short: (qty / leverage) coins valued at `price`. */
export function krakenUsedMargin(position: KrakenPosition, price: number): number {
  requirePositive('qty', position.qty);
  requirePositive('entry price', position.entryPrice);
  requirePositive('leverage', position.leverage);
  requirePositive('price', price);
  const marginPrice = position.side === 'long' ? position.entryPrice : price;
  return (position.qty / position.leverage) * marginPrice;
}

export type KrakenMarginState = 'ok' | 'margin-call' | 'liquidation';

/**
 * KR: the call fires when the level "reaches" ≈ 80% (vector 65: 79.999% → call) and liquidation is certain
 * at "≈ 40% or lower"; both thresholds are inclusive here.
 */
export function krakenMarginState(level: number, callLevel = 0.8, liquidationLevel = 0.4): KrakenMarginState {
  if (!(liquidationLevel < callLevel))
    throw new Refusal('liquidation level', liquidationLevel, below(callLevel, 'the call level').allowed);
  if (level <= liquidationLevel) return 'liquidation';
  return level <= callLevel ? 'margin-call' : 'ok';
}
