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
import { above, atLeast, between, isRefusal } from '../../engine/validation/index.ts';
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

/** The flags this command accepts (the fuzzer reads them too). */
export const FLAGS = ['side', 'entry', 'qty', 'wallet', 'margin', 'other-mm', 'other-upnl', 'tiers'];
const POSITIVE = above(0);
const FLOOR = atLeast(0);
const MMR = between(0, 1, { maxExcluded: true });

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
      floor: numberField(label, tier, 'floor', FLOOR),
      mmr: numberField(label, tier, 'mmr', MMR),
    };
  });
  try {
    return deriveTiers(specs);
  } catch (e) {
    if (isRefusal(e)) throw e.within('--tiers');
    if (e instanceof RangeError) throw new UsageError(`--tiers: ${e.message}`);
    throw e;
  }
}

export function run(flags: Flags): PositionOutput {
  allowOnly(flags, FLAGS);
  const side = choice(flags, 'side', ['long', 'short']);
  const entryPrice = requireNumber(flags, 'entry', POSITIVE);
  const qty = requireNumber(flags, 'qty', POSITIVE);
  const wallet = requireNumber(flags, 'wallet', POSITIVE);
  const margin = choice(flags, 'margin', ['isolated', 'cross'], 'isolated');
  if (margin === 'isolated') {
    // B-LIQ: in isolated mode TMM1 = UPNL1 = 0; other positions cannot affect the price.
    for (const name of ['other-mm', 'other-upnl']) {
      if (flags.has(name)) throw new UsageError(`--${name} is only allowed with --margin cross`);
    }
  }
  const otherMaintenance = optionalNumber(flags, 'other-mm', atLeast(0)) ?? 0;
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
