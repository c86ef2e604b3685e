/**
 * The ALT perpetual in a run (issue 21; doc/model.md "ALT"): where a venue lists it, the traders who want it
 * trade it, and money and open interest balance at every step; where the rules list BTC and ETH only (Hong Kong,
 * SFC framework P3), each wish is refused and counted, and the run is otherwise the run it would be had nobody
 * wanted ALT: the same events and the same checksum.
 */
import { describe, expect, it } from 'vitest';
import { MARKET_IDS } from '../perp/market.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { resultOf, runScenario } from './run.ts';
import { createRun, VENUE } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';

const crash = (regime: RunConfig['regime'], seed: number): RunConfig => ({
  ...DEFAULT_RUN,
  scenario: '2025-10-tariff-crash',
  regime,
  seed,
  population: { ...DEFAULT_RUN.population, traders: 200 },
});

/** The run, optionally with nobody wanting ALT (the wishes cleared after createRun drew them). */
function runOf(config: RunConfig, clearWishes = false) {
  const run = createRun(config);
  if (clearWishes) run.wantsAlt.fill(0);
  while (!isFinished(run)) stepRun(run);
  return { run, result: resultOf(run) };
}

describe('the ALT perpetual', () => {
  it('under Hong Kong rules a refused ALT wish is counted and changes nothing else, checksum included', () => {
    // Seed 8: two professional investors (the only perpetual traders HK admits) want ALT.
    const config = crash('hk-sfc-2026', 8);
    const wished = runOf(config);
    const none = runOf(config, true);
    const refused = wished.result.summary.refusedProducts.altPerp;
    expect(refused).toBeGreaterThan(0);
    expect(none.result.summary.refusedProducts.altPerp).toBe(0);
    // Each refused trader trades the BTC or ETH perpetual it drew, as if it had never wanted ALT.
    expect(wished.result.summary.checksum).toBe(none.result.summary.checksum);
    const withoutRefusals = (events: typeof wished.result.events) =>
      events.filter((e) => !(e.type === 'product-refused' && e.product === 'altPerp'));
    expect(withoutRefusals(wished.result.events)).toEqual(none.result.events);
    expect(wished.result.events.length - none.result.events.length).toBe(refused);
    expect({ ...wished.result.summary, refusedProducts: null, events: null }).toEqual({
      ...none.result.summary,
      refusedProducts: null,
      events: null,
    });
    expect(wished.result.summary.markets.ALT).toBeUndefined();
  });

  it('offshore, the traders who want ALT trade it, and money and open interest balance after every step', () => {
    const { run, result } = runOf({ ...crash('offshore-cex', 1), invariantEvery: 1 });
    expect(result.summary.conservationError).toBeLessThan(1e-9);
    let altTraders = 0;
    for (let i = 0; i < run.population.count; i++) {
      if (run.venueOf[i] !== VENUE.onshore) continue;
      expect(MARKET_IDS[run.perpMarket[i]!], `trader ${i}`).toBe(
        run.wantsAlt[i] ? 'ALT' : run.population.asset[i] ? 'ETH' : 'BTC',
      );
      altTraders += run.wantsAlt[i]!;
    }
    expect(altTraders).toBeGreaterThan(0);
    expect(result.summary.markets.ALT!.liquidations.count).toBeGreaterThan(0);
  });

  it('the fast and the reference engine agree on a run with ALT liquidations and ADL', () => {
    const config = crash('onchain-perp-dex', 1);
    const fast = runScenario({ ...config, engine: 'fast' });
    const reference = runScenario({ ...config, engine: 'reference' });
    expect(fast.summary.markets.ALT!.liquidations.count).toBeGreaterThan(0);
    expect(fast.summary.checksum).toBe(reference.summary.checksum);
    expect(fast.summary).toEqual(reference.summary);
  });
});
