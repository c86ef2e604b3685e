/**
 * The altcoin in the offshore margin book (issue 21: ALT "accepted as margin collateral where that venue accepts
 * it"): the offshore broker takes venue-priced tokens as "other crypto", and a third of that basket is BNSOL,
 * priced off the SOL-like ALT index (scenarios/venue-collateral.ts). Hong Kong takes BTC and ETH only
 * (guardrails A5), so none of its clients holds the basket. Judged over seeds 1–20 at the app's default
 * population on 10 Oct 2025 (guardrails §3: SOL −31% within 45 min; wBETH and BNSOL below peg 21:36–22:16 UTC),
 * printing the share of seeds.
 */
import { describe, expect, it } from 'vitest';
import type { PresetId } from '../regimes/types.ts';
import { BNSOL_SHARE } from '../scenarios/venue-collateral.ts';
import { DEFAULT_RUN } from './config.ts';
import { createRun, type RunState } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';

const SCENARIO = '2025-10-tariff-crash';
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

interface Observed {
  run: RunState;
  /** Margin clients (broker client ids) who posted their deposit in the basket. */
  tokenClients: Set<number>;
  /** Of those, the ones the broker force-sold. */
  forceSold: Set<number>;
  /** Σ (1 − price) × units over the basket's forced sales: what the fall from $1 cost the sellers. */
  basketLossOnSales: number;
  /** Units of the basket force-sold. */
  unitsSold: number;
  /** The basket's lowest venue price, and BNSOL's share × ALT's own fall from its start at that minute. */
  basketLow: number;
  bnsolPartOfFall: number;
}

function observe(regime: PresetId, seed: number): Observed {
  const run = createRun({ ...DEFAULT_RUN, scenario: SCENARIO, regime, seed, eventLog: 'all' });
  while (!isFinished(run)) stepRun(run);
  // Broker client ids are not trader ids: brokerTraderOf maps one to the other.
  const tokenClients = new Set(
    run.broker.clients
      .filter((c) => c.financing && run.venueTokenHolder[run.brokerTraderOf[c.id]!] === 1)
      .map((c) => c.id),
  );
  const forceSold = new Set<number>();
  let basketLossOnSales = 0;
  let unitsSold = 0;
  for (const e of run.events)
    if (e.type === 'forced-sale' && e.asset === 'other-crypto') {
      forceSold.add(e.client);
      basketLossOnSales += (1 - e.price) * e.qty;
      unitsSold += e.qty;
    }
  let low = 0;
  for (let t = 1; t < run.venueCollateral.length; t++)
    if (run.venueCollateral[t]! < run.venueCollateral[low]!) low = t;
  return {
    run,
    tokenClients,
    forceSold,
    basketLossOnSales,
    unitsSold,
    basketLow: run.venueCollateral[low]!,
    bnsolPartOfFall: BNSOL_SHARE * (1 - run.path.alt[low]! / run.path.alt[0]!),
  };
}

function share(label: string, results: readonly Observed[], holds: (o: Observed) => boolean): number {
  const n = results.filter(holds).length;
  console.log(`${label}: ${n}/${results.length} seeds (${((100 * n) / results.length).toFixed(0)}%)`);
  return n / results.length;
}

describe('the altcoin as offshore margin collateral, 10 Oct 2025, seeds 1–20 (issue 21; guardrails §3, A5)', () => {
  it('offshore, clients who posted the basket are force-sold at its depegged price, and lose on it', () => {
    const offshore = SEEDS.map((seed) => observe('offshore-cex', seed));
    for (const o of offshore) expect(o.tokenClients.size, 'token-posting margin clients').toBeGreaterThan(0);
    // Only clients who posted the basket have it to sell.
    for (const o of offshore) for (const id of o.forceSold) expect(o.tokenClients.has(id)).toBe(true);
    expect(share('offshore token clients force-sold', offshore, (o) => o.forceSold.size > 0)).toBe(1);
    // The basket went at well under half its starting dollar (its trough ≈ 0.30 with BNSOL, 0.37 without).
    const lostPerUnit = (o: Observed) => o.basketLossOnSales / o.unitsSold;
    expect(
      share('offshore basket sold > $0.5 below its $1 start', offshore, (o) => lostPerUnit(o) > 0.5),
    ).toBe(1);
    const sold = offshore.reduce((n, o) => n + o.forceSold.size, 0);
    const posted = offshore.reduce((n, o) => n + o.tokenClients.size, 0);
    console.log(`offshore: ${sold} of ${posted} token-posting margin clients force-sold over 20 seeds`);
    // ALT's own fall reaches the basket through BNSOL: at the basket's low, ALT is below its start in every seed.
    expect(share('offshore basket low carries ALT’s fall', offshore, (o) => o.bnsolPartOfFall > 0)).toBe(1);
    for (const o of offshore) expect(o.basketLow).toBeLessThan(0.35);
  }, 180_000);

  it('Hong Kong clients hold no "other crypto" at all: nobody posts it and nothing of it is bought or sold', () => {
    const hk = SEEDS.map((seed) => observe('hk-sfc-2026', seed));
    for (const o of hk) {
      expect(o.run.venueTokenHolder.every((h) => h === 0)).toBe(true);
      expect(o.tokenClients.size).toBe(0);
      for (const c of o.run.broker.clients) expect(c.holdings['other-crypto']).toBe(0);
      expect(
        o.run.events.some(
          (e) => (e.type === 'forced-sale' || e.type === 'spot-trade') && e.asset === 'other-crypto',
        ),
      ).toBe(false);
    }
    expect(share('HK runs with any "other crypto" holder', hk, (o) => o.tokenClients.size > 0)).toBe(0);
  }, 180_000);
});
