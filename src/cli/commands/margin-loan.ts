/**
 * `margin-loan`: a loan against one collateral asset, its LTV and the prices at which LTV reaches the call
 * and forced-sale thresholds (mechanics §2, B-LTV; guardrails §1A).
 */
import { allowOnly, optionalNumber, requireNumber, type Flags } from '../args.ts';
import { above, atLeast, below, between, check, Refusal } from '../../engine/validation/index.ts';
import {
  lendingValue,
  type CollateralHolding,
  type CollateralRules,
} from '../../engine/margin/collateral.ts';
import { forcedSalePrice, loanToValue, marginCallPrice, maxLoan } from '../../engine/margin/loan-to-value.ts';

export const usage = `margin-loan --collateral-qty Q --price P --loan D [--haircut 0.6] [--call-ltv 0.4]
        [--liquidation-ltv 0.6]
  A loan of D (principal + interest) against Q units of one asset priced P. LTV = D / (Q·P); lending value
  = Q·P·(1 − haircut), the most the broker lends. Prints {"ltv", "lendingValue", "maxLoan", "marginCallPrice",
  "forcedSalePrice"}: the prices at which LTV reaches the call and liquidation thresholds, D / (t·Q).
  Defaults: SFC circular 26EC5's minimum 60% haircut on BTC/ETH; call at 40% and forced sale at 60% LTV
  (simulator defaults, not SFC numbers).`;

/** The flags this command accepts (the fuzzer reads them too). */
export const FLAGS = ['collateral-qty', 'price', 'loan', 'haircut', 'call-ltv', 'liquidation-ltv'];

// SFC circular 26EC5 (guardrails A6): VA collateral haircut at least 60%.
const DEFAULT_HAIRCUT = 0.6;
// guardrails §1A [DEFAULT] (not SFC numbers): margin call at LTV > 40%, immediate forced sale at LTV ≥ 60%.
const DEFAULT_CALL_LTV = 0.4;
const DEFAULT_LIQUIDATION_LTV = 0.6;

export interface MarginLoanOutput {
  ltv: number;
  lendingValue: number;
  maxLoan: number;
  marginCallPrice: number;
  forcedSalePrice: number;
}

export function run(flags: Flags): MarginLoanOutput {
  allowOnly(flags, FLAGS);
  const qty = requireNumber(flags, 'collateral-qty', above(0));
  const price = requireNumber(flags, 'price', above(0));
  const debt = requireNumber(flags, 'loan', atLeast(0));
  const haircut = optionalNumber(flags, 'haircut', between(0, 1)) ?? DEFAULT_HAIRCUT;
  const callLtv = optionalNumber(flags, 'call-ltv', above(0, 1)) ?? DEFAULT_CALL_LTV;
  const liquidationLtv = optionalNumber(flags, 'liquidation-ltv', above(0, 1)) ?? DEFAULT_LIQUIDATION_LTV;
  check('--call-ltv', callLtv, below(liquidationLtv, 'the --liquidation-ltv'));

  // One asset: every kind is given the same rule, so which kind the holding is does not matter.
  const rule = { eligible: true, haircut };
  const rules: CollateralRules = { BTC: rule, ETH: rule, 'other-crypto': rule, securities: rule };
  const holdings: CollateralHolding[] = [{ asset: 'BTC', qty, price }];
  const output: MarginLoanOutput = {
    ltv: loanToValue(debt, qty * price),
    lendingValue: lendingValue(holdings, rules),
    maxLoan: maxLoan(holdings, rules),
    marginCallPrice: marginCallPrice({ debt, qty, callLtv }),
    forcedSalePrice: forcedSalePrice({ debt, qty, liquidationLtv }),
  };
  // Each figure is a quotient or a product of the flags: extreme ones (a call LTV of 5e-324, found by the
  // fuzzer) overflow to Infinity or underflow a value to 0. Refused, never printed as null.
  for (const [figure, value] of Object.entries(output))
    if (!Number.isFinite(value))
      throw new Refusal(figure, value, {
        kind: 'words',
        text: 'a finite number: --loan, --collateral-qty, --price and the LTV thresholds are too far apart',
      });
  return output;
}
