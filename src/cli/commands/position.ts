/**
 * `position`: liquidation and bankruptcy prices of a linear position (mechanics §1.8–§1.9, B-LIQ).
 */
import {
  allowOnly,
  choice,
  jsonArray,
  numberField,
  objectElement,
  optionalNumber,
  requireNumber,
  UsageError,
  type Flags,
} from '../args.ts';
import { liquidationPrice } from '../../engine/perp/liquidation-price.ts';
import {
  BINANCE_BTCUSDT_2021,
  deriveTiers,
  type MaintenanceTier,
  type TierSpec,
} from '../../engine/perp/tiers.ts';

export const usage = `position --side long|short --entry P --qty Q --wallet W [--margin isolated|cross]
         [--other-mm M] [--other-upnl U] [--tiers '[{"floor":0,"mmr":0.004},{"floor":50000,"mmr":0.005}]']
  Liquidation price (equity = maintenance margin at that price) and bankruptcy price (equity = 0).
  --wallet is the isolated margin, or the cross wallet balance; --other-mm and --other-upnl (maintenance
  margin and unrealised PnL of the account's other positions) need --margin cross. Default tiers: the 2021
  Binance BTCUSDT brackets. Prints {"liquidationPrice", "bankruptcyPrice", "tier"} (tier counted from 1;
  a price is null when no positive price reaches it).`;

const FLAGS = ['side', 'entry', 'qty', 'wallet', 'margin', 'other-mm', 'other-upnl', 'tiers'];

export interface PositionOutput {
  liquidationPrice: number | null;
  bankruptcyPrice: number | null;
  tier: number;
}

function parseTiers(flags: Flags): MaintenanceTier[] {
  const raw = jsonArray(flags, 'tiers');
  if (raw === undefined) return deriveTiers(BINANCE_BTCUSDT_2021);
  const specs: TierSpec[] = raw.map((element, i) => {
    const label = `--tiers[${i}]`;
    const tier = objectElement(label, element, ['floor', 'mmr']);
    return {
      floor: numberField(label, tier, 'floor', { min: 0 }),
      mmr: numberField(label, tier, 'mmr', { min: 0, exclusiveMax: 1 }),
    };
  });
  try {
    return deriveTiers(specs);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`--tiers: ${e.message}`);
    throw e;
  }
}

export function run(flags: Flags): PositionOutput {
  allowOnly(flags, FLAGS);
  const side = choice(flags, 'side', ['long', 'short'] as const);
  const entryPrice = requireNumber(flags, 'entry', { exclusiveMin: 0 });
  const qty = requireNumber(flags, 'qty', { exclusiveMin: 0 });
  const wallet = requireNumber(flags, 'wallet', { exclusiveMin: 0 });
  const margin = choice(flags, 'margin', ['isolated', 'cross'] as const, 'isolated');
  if (margin === 'isolated') {
    // B-LIQ: in isolated mode TMM1 = UPNL1 = 0; other positions cannot affect the price.
    for (const name of ['other-mm', 'other-upnl']) {
      if (flags.has(name)) throw new UsageError(`--${name} is only allowed with --margin cross`);
    }
  }
  const otherMaintenance = optionalNumber(flags, 'other-mm', { min: 0 }) ?? 0;
  const otherUnrealisedPnl = optionalNumber(flags, 'other-upnl') ?? 0;
  const result = liquidationPrice({
    side,
    qty,
    entryPrice,
    wallet,
    otherMaintenance,
    otherUnrealisedPnl,
    tiers: parseTiers(flags),
  });
  return {
    liquidationPrice: result.liquidationPrice,
    bankruptcyPrice: result.bankruptcyPrice,
    tier: result.tierIndex + 1,
  };
}
