/**
 * A force-sold broker client found solvent until touched owes nothing at any later minute while the broker
 * leaves its cash, principal and holdings as they were (the hourly interest may move); one whose debt its
 * holdings at the lowest prices to come do not cover is not found so.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { lossBeyondDeposits } from './observe.ts';
import { createRun } from './run-state.ts';
import { solventUntilTouched } from './solvent-clients.ts';
import { isFinished, stepRun } from './step-run.ts';
import { VENUE } from './trader-codes.ts';

const CASES: RunConfig[] = [
  { ...DEFAULT_RUN, regime: 'offshore-cex' },
  {
    ...DEFAULT_RUN,
    scenario: 'synthetic-flash-crash',
    regime: 'us-cftc',
    days: 1,
    population: { ...DEFAULT_RUN.population, leakage: 0.5 },
  },
];

/** What the broker changes only with a touch: cash, principal and each holding. */
function untouchedState(run: ReturnType<typeof createRun>, clientId: number): string {
  const c = run.broker.clients[clientId]!;
  const h = c.holdings;
  return [c.cash, c.principal, h.BTC, h.ETH, h['other-crypto'], h.securities].join(' ');
}

describe('solvent force-sold clients', () => {
  for (const config of CASES)
    it(`${config.scenario} under ${config.regime}: found solvent, owes nothing until touched`, () => {
      const run = createRun(config);
      const parked = new Map<number, string>();
      let found = 0;
      while (!isFinished(run)) {
        stepRun(run);
        for (const i of run.tally.liquidatedTraders) {
          if (run.venueOf[i] !== VENUE.broker) continue;
          const clientId = run.accountOf[i]!;
          const state = untouchedState(run, clientId);
          const kept = parked.get(i);
          if (kept !== undefined && kept === state) expect(lossBeyondDeposits(run, i)).toBe(0);
          else if (solventUntilTouched(run, clientId, run.minute)) {
            parked.set(i, state);
            found++;
          } else parked.delete(i);
        }
      }
      if (config.regime === 'offshore-cex') expect(found).toBeGreaterThan(0);
    });

  it('a client whose debt its holdings at the lowest prices to come do not cover is not solvent', () => {
    const run = createRun({ ...DEFAULT_RUN, regime: 'offshore-cex' });
    const low = (path: Float64Array) => Math.min(...path.subarray(run.minute));
    // The first force-sold client whose holdings are worth a hundredth less at the lows to come than now.
    let found: { clientId: number; now: number; atLows: number } | null = null;
    while (!found && !isFinished(run)) {
      stepRun(run);
      for (const i of run.tally.liquidatedTraders) {
        if (run.venueOf[i] !== VENUE.broker) continue;
        const clientId = run.accountOf[i]!;
        const h = run.broker.clients[clientId]!.holdings;
        const p = run.broker.prices;
        const now =
          h.BTC * p.BTC + h.ETH * p.ETH + h['other-crypto'] * p['other-crypto'] + h.securities * p.securities;
        const atLows =
          h.BTC * low(run.path.btc) +
          h.ETH * low(run.path.eth) +
          h['other-crypto'] * low(run.venueCollateral) +
          h.securities * low(run.securities);
        if (atLows < now * 0.99) found = { clientId, now, atLows };
      }
    }
    expect(found).not.toBeNull();
    const { clientId, now, atLows } = found!;
    const client = run.broker.clients[clientId]!;
    // Debt between the holdings' value at the lows to come and their value now: covered now, not then.
    client.principal = client.cash + (atLows + now) / 2;
    client.interest = 0;
    expect(solventUntilTouched(run, clientId, run.minute)).toBe(false);
    client.principal = 0;
    expect(solventUntilTouched(run, clientId, run.minute)).toBe(true);
  });
});
