import { describe, expect, it } from 'vitest';
import { brokerExposure } from './broker-exposure.ts';
import { stepBroker } from './broker-step.ts';
import { openClient } from './clients.ts';
import { buyOnCredit } from './financing.ts';
import { NO_REACTION } from './reactions.ts';
import { fixedSpreadSpotSeam } from './spot-seam.ts';
import { OFFSHORE, PRICES, testBroker } from './test-support.ts';

describe('brokerExposure', () => {
  it('reports a shortfall as unsecured debt the broker may lose, never hidden', () => {
    const seam = fixedSpreadSpotSeam(0);
    const state = testBroker(OFFSHORE);
    const a = openClient(state, { investorClass: 'retail', cash: 60_000, financing: true });
    openClient(state, { investorClass: 'retail', cash: 60_000, financing: false });
    buyOnCredit(state, seam, a, 'BTC', 5, []);
    expect(brokerExposure(state)).toMatchObject({
      loansOutstanding: 240_000,
      unsecuredDebt: 0,
      clientsInShortfall: 0,
    });
    stepBroker(state, { ...PRICES, BTC: 30_000 }, seam, NO_REACTION, []);
    const exposure = brokerExposure(state);
    expect(exposure.unsecuredDebt).toBeCloseTo(90_002.4, 6);
    expect(exposure.loansOutstanding).toBeCloseTo(90_002.4, 6);
    expect(exposure).toMatchObject({ clientsInShortfall: 1, clientsUnderCall: 1, interestReceivable: 0 });
  });
});
