/**
 * Issue 15 defect 1: only eligible collateral covers a loan. The offshore preset counts pledged securities at
 * zero (a crypto venue takes none), so they are not in the LTV's denominator, and the account is closed out
 * at Binance's published liquidation margin level 1.1 (B-MGN, mechanics §2) at once, with no cure period.
 * The numbers are issue 15's margin persona at Black Thursday's low: 12.99 BTC at $3,900 = $50.66k of BTC
 * against $50.1k of debt (margin level 1.01), beside $100k of securities pledged at zero.
 */
import { describe, expect, it } from 'vitest';
import { OFFSHORE_CEX } from '../regimes/presets/offshore-cex.ts';
import type { BrokerEvent } from './broker-events.ts';
import { stepBroker } from './broker-step.ts';
import { assessClient } from './client-margin.ts';
import { clientOf, openClient } from './clients.ts';
import { lendCash } from './loan-ledger.ts';
import { NO_REACTION } from './reactions.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { PRICES, testBroker, worstInvariant } from './test-support.ts';

function persona() {
  const state = testBroker(OFFSHORE_CEX.financing);
  const client = clientOf(
    state,
    openClient(state, {
      investorClass: 'retail',
      cash: 0,
      financing: true,
      holdings: { BTC: 12.99, securities: 100_000 / PRICES.securities },
    }),
  );
  lendCash(state, client, 50_100);
  client.cash = 0; // spent on the BTC (test set-up: moved to the provider so cash stays conserved)
  state.liquidityProvider.cash += 50_100;
  return { state, client };
}

describe('only eligible collateral covers a loan (issue 15, defect 1)', () => {
  it('reads the persona at the low as Binance does: margin level 1.01, LTV 0.99, not 0.33', () => {
    const { state, client } = persona();
    state.prices.BTC = 3_900;
    const a = assessClient(state, client);
    expect(a.collateralValue).toBeCloseTo(12.99 * 3_900, 6);
    expect(a.ltv).toBeCloseTo(50_100 / (12.99 * 3_900), 9);
    expect(a.check.status).toBe('forced-sale');
  });

  it('closes the account out at once at margin level 1.1, selling BTC and not the pledged securities', () => {
    const { state, client } = persona();
    const events: BrokerEvent[] = [];
    const seam = fixedSpreadSpotSeam(0);
    // Margin level 1.2 (above 1.1): a call at most, no sale.
    const levelPrice = (level: number) => (level * 50_100) / 12.99;
    stepBroker(state, { ...PRICES, BTC: levelPrice(1.2) }, seam, NO_REACTION, events);
    expect(events.filter((e) => e.type === 'forced-sale')).toEqual([]);
    // Margin level 1.09: sold in the same step, whatever the cure period says.
    stepBroker(state, { ...PRICES, BTC: levelPrice(1.09) }, seam, NO_REACTION, events);
    const sales = events.filter((e) => e.type === 'forced-sale');
    expect(sales.map((e) => [e.step, e.asset, e.reason])).toEqual([[2, 'BTC', 'liquidation-ltv']]);
    expect(client.holdings.securities).toBe(100_000 / PRICES.securities);
    expect(assessClient(state, client).ltv!).toBeLessThanOrEqual(OFFSHORE_CEX.financing.targetLtv);
    expect(worstInvariant(state).error).toBeLessThan(1e-9);
  });
});
