import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../population/population.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { isFinished, stepRun } from './step-run.ts';
import { createRun, VENUE, type RunState } from './run-state.ts';

const config = (over: Partial<RunConfig> = {}): RunConfig => ({
  ...DEFAULT_RUN,
  population: { ...DEFAULT_RUN.population, traders: 400 },
  ...over,
});

/** The run after its first hour: most traders have entered. */
function firstHour(over: Partial<RunConfig> = {}): RunState {
  const run = createRun(config(over));
  for (let m = 0; m < 60; m++) stepRun(run);
  return run;
}

function openLeverage(run: RunState, i: number): number | undefined {
  if (run.venueOf[i] !== VENUE.onshore) return undefined;
  const account = run.onshore.exchange.accounts[run.accountOf[i]!];
  return account?.positions.BTC?.leverage ?? account?.positions.ETH?.leverage;
}

describe('traders at the door', () => {
  it('a named persona keeps its stated leverage where the rules allow it (issue 15, defect 4)', () => {
    for (const regime of ['offshore-cex', 'onchain-perp-dex'] as const) {
      const run = firstHour({ regime });
      expect(openLeverage(run, PERSONAS.retailPerp20x), regime).toBe(20);
      expect(openLeverage(run, PERSONAS.professionalPerp5x), regime).toBe(5);
    }
  });

  it('the population appetite still scales the other retail traders’ wishes offshore', () => {
    const doubled = firstHour({ regime: 'offshore-cex' });
    const plain = firstHour({ regime: 'offshore-cex', overrides: { retailLeverageAppetite: 1 } });
    const p = doubled.population;
    let compared = 0;
    for (let i = 3; i < p.count; i++) {
      const a = openLeverage(doubled, i);
      const b = openLeverage(plain, i);
      if (p.professional[i] || a === undefined || b === undefined || p.leverageWish[i]! * 2 > 20) continue;
      if (p.newAccount[i]) continue;
      expect(a).toBeCloseTo(Math.min(2 * b, 125), 9);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('only professionals whose portfolio meets HK$8m enter HK perps (SFC framework P1, W23)', () => {
    const run = firstHour({ regime: 'hk-sfc-2026' });
    const p = run.population;
    const threshold = run.regime.extras.professionalPortfolioMinUsd!;
    let below = 0;
    let above = 0;
    for (let i = 0; i < p.count; i++) {
      if (!p.professional[i] || p.product[i] !== 2 || p.entryMinute[i]! >= 60) continue;
      const inPerps = run.venueOf[i] === VENUE.onshore;
      if (p.portfolio[i]! >= threshold) {
        expect(inPerps, `trader ${i}`).toBe(true);
        above++;
      } else {
        expect(inPerps, `trader ${i}`).toBe(false);
        below++;
      }
    }
    expect(below).toBeGreaterThan(above);
    expect(above).toBeGreaterThan(0);
    // Without the threshold every drawn professional is admitted.
    const open = firstHour({
      regime: 'hk-sfc-2026',
      overrides: { 'extras.professionalPortfolioMinUsd': null },
    });
    let admitted = 0;
    for (let i = 0; i < p.count; i++)
      if (
        p.professional[i] &&
        p.product[i] === 2 &&
        p.entryMinute[i]! < 60 &&
        open.venueOf[i] === VENUE.onshore
      )
        admitted++;
    expect(admitted).toBe(above + below);
  });

  it('new offshore accounts open at most 20× (W31); without the cap their wish stands', () => {
    const capped = firstHour({ regime: 'offshore-cex' });
    const free = firstHour({ regime: 'offshore-cex', overrides: { 'extras.newAccountMaxLeverage': null } });
    const p = capped.population;
    let above20 = 0;
    for (let i = 0; i < p.count; i++) {
      if (!p.newAccount[i]) continue;
      const a = openLeverage(capped, i);
      if (a === undefined) continue;
      expect(a).toBeLessThanOrEqual(20);
      if (openLeverage(free, i)! > 20) above20++;
    }
    expect(above20).toBeGreaterThan(0);
  });
});

describe('the events of a trader’s entry and exit', () => {
  it('name the trader whose account or client each one is (the look-up spared for the acting trader)', () => {
    const run = createRun(config({ regime: 'offshore-cex', eventLog: 'all' }));
    while (!isFinished(run)) stepRun(run);
    let fills = 0;
    let brokerEvents = 0;
    for (const e of run.events) {
      if (e.venue === 'broker') {
        const client = (e as { client?: number }).client;
        if (client === undefined) continue;
        expect(e.trader).toBe(run.brokerTraderOf[client]);
        brokerEvents++;
      }
      if (e.type !== 'fill') continue;
      const venue = e.venue === 'onshore' ? run.onshore : run.offshore!;
      const owner = venue.traderOf[e.account]!;
      expect(e.trader).toBe(owner === -1 ? null : owner);
      fills++;
    }
    expect(fills).toBeGreaterThan(100);
    expect(brokerEvents).toBeGreaterThan(100);
  });
});
