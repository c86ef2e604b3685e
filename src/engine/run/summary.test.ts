/**
 * The summary's figures about traders against a plain recount in trader order: `summarize` reads each trader's
 * equity venue by venue in account order (for the cache), and its sums must still be the trader-order sums, bit
 * for bit, with every trader counted once: on the onshore venue, the offshore venue refused traders leak to,
 * the broker (spot and margin clients) and out of the market.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POPULATION } from '../population/settings.ts';
import { PERSONAS } from '../population/population.ts';
import { traderEquity } from './observe.ts';
import { createRun, VENUE, type RunState } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';
import { summarize } from './summary.ts';

function finishedRun(): RunState {
  const run = createRun({
    scenario: '2020-03-black-thursday',
    regime: 'hk-sfc-2026',
    seed: 5,
    population: { ...DEFAULT_POPULATION, traders: 300, leakage: 0.5 },
    affiliatedMarketMaker: false,
  });
  while (!isFinished(run)) stepRun(run);
  return run;
}

/** The summary's trader loop as it was, reading traderEquity in trader order. */
function recount(run: RunState) {
  const p = run.population;
  const sums = { retail: 0, professional: 0, spot: 0, margin: 0, perp: 0, offshore: 0, beyond: 0 };
  const pnlOf: number[] = [];
  for (let i = 0; i < p.count; i++) {
    const start = p.capital[i]! + p.securities[i]!;
    const equity = traderEquity(run, i);
    const pnl = equity - start;
    pnlOf.push(pnl);
    if (p.professional[i]) sums.professional += pnl;
    else sums.retail += pnl;
    const venueEquity = equity - run.reserve[i]!;
    if (venueEquity < -1e-9 * start) sums.beyond -= venueEquity;
    const venue = run.venueOf[i];
    if (venue === VENUE.onshore || venue === VENUE.offshore) sums.perp += pnl;
    if (venue === VENUE.broker) {
      if (run.broker.clients[run.accountOf[i]!]!.financing) sums.margin += pnl;
      else sums.spot += pnl;
    }
    if (venue === VENUE.offshore) sums.offshore += pnl;
  }
  return { sums, pnlOf };
}

describe('summary of traders', () => {
  it('gives the trader-order sums bit for bit with traders on every venue', () => {
    const run = finishedRun();
    const venues = new Set(run.venueOf);
    for (const venue of [VENUE.none, VENUE.onshore, VENUE.offshore, VENUE.broker])
      expect(venues).toContain(venue);
    const s = summarize(run);
    const { sums, pnlOf } = recount(run);
    expect(s.byClass.retail.pnl).toBe(sums.retail);
    expect(s.byClass.professional.pnl).toBe(sums.professional);
    expect(s.byProduct.spot.pnl).toBe(sums.spot);
    expect(s.byProduct.margin.pnl).toBe(sums.margin);
    expect(s.byProduct.perp.pnl).toBe(sums.perp);
    expect(s.offshore!.pnl).toBe(sums.offshore);
    expect(s.lossesBeyondDeposits).toBe(sums.beyond);
    expect(s.byProduct.margin.traders).toBeGreaterThan(0);
    expect(s.byProduct.spot.traders).toBeGreaterThan(0);
    for (const [name, i] of Object.entries(PERSONAS))
      expect(s.personas[name as keyof typeof PERSONAS].pnl).toBe(pnlOf[i]);
  });
});
