/**
 * One number per broker asset (BTC, ETH, other crypto, securities) in an object of a hidden class of its own.
 *
 * V8 11.3 gives every object literal with the same keys in the same order one tree of hidden classes, and the
 * rule sets' per-asset tables (the collateral rules: an object per asset) share the literal's keys, so the
 * tree's fields are tagged: each fraction written into a literal `{ BTC, ETH, 'other-crypto', securities }`
 * was a new heap number (about 6 ns a store against 1.1 into a double field, in a scratch measure after an HK
 * run). An instance of this class starts from the class's own hidden class, with double fields (DOUBLE first,
 * fast/double-fields.ts). The keys are the literal's, in its order, so for…in and Object.keys see the same.
 */
import type { BrokerAsset } from '../broker/broker-state.ts';
import { DOUBLE } from '../fast/double-fields.ts';

export class AssetNumbers implements Record<BrokerAsset, number> {
  BTC = DOUBLE;
  ETH = DOUBLE;
  'other-crypto' = DOUBLE;
  securities = DOUBLE;

  constructor(btc: number, eth: number, otherCrypto: number, securities: number) {
    this.BTC = btc;
    this.ETH = eth;
    this['other-crypto'] = otherCrypto;
    this.securities = securities;
  }

  /** A copy of `values` (a literal, a spread or another AssetNumbers) with double fields. */
  static copyOf(values: Readonly<Record<BrokerAsset, number>>): AssetNumbers {
    return new AssetNumbers(values.BTC, values.ETH, values['other-crypto'], values.securities);
  }
}
