/**
 * `funding`: the funding rate for one settlement and, given a position, what it pays (mechanics §1.11, B-FUND).
 */
import { allowOnly, choice, optionalNumber, requireNumber, UsageError, type Flags } from '../args.ts';
import { fundingPayment, fundingRate } from '../../engine/perp/funding.ts';
import { Refusal, above, atLeast } from '../../engine/validation/index.ts';

export const usage = `funding --premium P [--interest 0.0001] [--clamp 0.0005] [--cap C] [--interval-hours 8]
        [--size Q --price X]
  Rate for one settlement: F = P + clamp(I − P, −clamp, +clamp) per 8 h, scaled to the interval (1, 2, 4 or 8
  hours), then limited to ±cap (per interval). Rates are fractions (0.0001 = 0.01%). With --size (negative for
  a short) and --price: the payment, > 0 when the position pays. Prints {"rate", "payment"} (payment null
  without a position).`;

/** The flags this command accepts (the fuzzer reads them too). */
export const FLAGS = ['premium', 'interest', 'clamp', 'cap', 'interval-hours', 'size', 'price'];
const INTERVAL_HOURS = ['1', '2', '4', '8'] as const;

export interface FundingOutput {
  rate: number;
  payment: number | null;
}

export function run(flags: Flags): FundingOutput {
  allowOnly(flags, FLAGS);
  const premium = requireNumber(flags, 'premium');
  const interest = optionalNumber(flags, 'interest');
  const clamp = optionalNumber(flags, 'clamp', atLeast(0));
  const cap = optionalNumber(flags, 'cap', atLeast(0));
  // B-FUND25: intervals of 8, 4 or 1 h at Binance; 1 h at Hyperliquid; 2 h completes the divisors of 8.
  const intervalHours = Number(choice(flags, 'interval-hours', INTERVAL_HOURS, '8'));
  const size = optionalNumber(flags, 'size');
  const price = optionalNumber(flags, 'price', above(0));
  if ((size === undefined) !== (price === undefined))
    throw new UsageError('--size and --price must be given together (or neither)');

  const rate = fundingRate({
    premium,
    intervalHours,
    ...(interest !== undefined ? { interest } : {}),
    ...(clamp !== undefined ? { clamp } : {}),
    ...(cap !== undefined ? { cap } : {}),
  });
  // A premium or interest near the largest double overflows the 8-hour scaling (found by the fuzzer: 2.2e307).
  if (!Number.isFinite(rate))
    throw new Refusal('funding rate (from --premium and --interest)', rate, {
      kind: 'words',
      text: 'a finite number: --premium or --interest is too large',
    });
  const payment = size !== undefined && price !== undefined ? fundingPayment(size, price, rate) : null;
  // null means "no position" (the help): a payment too large for a number is refused, not shown as null.
  if (payment !== null && !Number.isFinite(payment))
    throw new Refusal('funding payment (--size × --price × rate)', payment, {
      kind: 'words',
      text: 'a finite number: --size × --price is too large',
    });
  return { rate, payment };
}
