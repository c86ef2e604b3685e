/**
 * The summary's figures against the run's own event stream (every event kept): each count and sum the
 * summary folds as the run goes is recounted here from the events, per venue and market, so a figure that
 * counts the wrong scope (one venue, partial slices as traders, forced sales as liquidations) fails.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POPULATION } from '../population/settings.ts';
import { runScenario, type RunResult } from './run.ts';
import { summaryFigures } from './figure-paths.ts';
import type { RunConfig } from './config.ts';
import type { PresetId } from '../regimes/types.ts';

function run(
  regime: PresetId,
  leakage = 0,
  scenario: RunConfig['scenario'] = '2020-03-black-thursday',
): RunResult {
  return runScenario({
    scenario,
    regime,
    seed: 3,
    population: { ...DEFAULT_POPULATION, traders: 150, leakage },
    affiliatedMarketMaker: false,
  });
}

const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 6);

describe('outcome figures', () => {
  // HK with leakage: refused traders go to an offshore venue, so there are two perpetual venues and a broker.
  const hk = run('hk-sfc-2026', 0.5);
  const s = hk.summary;

  it('counts liquidations on every perpetual venue: events, distinct traders, by side, market and venue', () => {
    const liquidations = hk.events.filter((e) => e.type === 'liquidation');
    expect(liquidations.some((e) => e.venue === 'offshore')).toBe(true);
    expect(liquidations.some((e) => e.venue === 'onshore')).toBe(true);
    expect(s.liquidations.count).toBe(liquidations.length);
    expect(s.liquidations.traders).toBe(new Set(liquidations.map((e) => e.trader)).size);
    expect(s.liquidations.traders).toBeLessThan(s.liquidations.count);
    close(
      s.liquidations.notional,
      liquidations.reduce((sum, e) => sum + e.qty * e.markPrice, 0),
    );
    close(s.liquidations.longNotional + s.liquidations.shortNotional, s.liquidations.notional);
    close(
      s.liquidations.longNotional,
      liquidations.filter((e) => e.side === 'long').reduce((sum, e) => sum + e.qty * e.markPrice, 0),
    );
    for (const venue of ['onshore', 'offshore'] as const)
      for (const market of ['BTC', 'ETH'] as const) {
        const own = liquidations.filter((e) => e.venue === venue && e.market === market);
        const figures = s.venues[venue]!.markets[market]!.liquidations;
        expect(figures.count).toBe(own.length);
        expect(figures.traders).toBe(new Set(own.map((e) => e.trader)).size);
      }
    expect(s.markets.BTC!.liquidations.count).toBe(liquidations.filter((e) => e.market === 'BTC').length);
  });

  it('keeps the broker’s margin calls and forced sales apart from liquidations', () => {
    // Offshore: under Hong Kong's rules Black Thursday brings no margin call (the call is on the crypto part,
    // doc/model.md), so the broker's figures are checked where calls and forced sales happen.
    const offshore = run('offshore-cex');
    const o = offshore.summary;
    const calls = offshore.events.filter((e) => e.type === 'margin-call');
    const sales = offshore.events.filter((e) => e.type === 'forced-sale');
    expect(calls.length).toBeGreaterThan(0);
    expect(sales.length).toBeGreaterThan(0);
    expect(o.broker.marginCalls).toBe(calls.length);
    expect(o.broker.clientsCalled).toBe(new Set(calls.map((e) => e.trader)).size);
    expect(o.broker.forcedSales).toBe(sales.length);
    expect(o.broker.shortfall).toBe(o.brokerShortfall);
    const forcedOut = new Set([
      ...offshore.events.filter((e) => e.type === 'liquidation').map((e) => e.trader),
      ...sales.map((e) => e.trader),
    ]);
    expect(o.tradersForcedOut).toBe(forcedOut.size);
    expect(o.tradersForcedOut).toBeGreaterThan(o.liquidations.traders);
  });

  it('reads funding from the settlements: lowest and highest rate, what changed hands', () => {
    const funding = hk.events.filter((e) => e.type === 'funding');
    const rates = funding.map((e) => e.rate);
    expect(s.funding.settlements).toBe(funding.length);
    expect(s.funding.minRate).toBe(Math.min(...rates));
    expect(s.funding.maxRate).toBe(Math.max(...rates));
    close(
      s.funding.paid,
      funding.reduce((sum, e) => sum + Math.abs(e.paidByLongs), 0),
    );
  });

  it('adds losses by product up to the classes’ and places the largest dislocation', () => {
    const byProduct = Object.values(s.byProduct).reduce((sum, p) => sum + p.pnl, 0);
    const stayedOut = s.traders - Object.values(s.byProduct).reduce((sum, p) => sum + p.traders, 0);
    expect(stayedOut).toBeGreaterThanOrEqual(0);
    // Traders who stayed out keep what they brought: their PnL is 0, so the products add up to the classes.
    close(byProduct, s.byClass.retail.pnl + s.byClass.professional.pnl);
    const at = s.maxPriceDislocationAt;
    expect(s.venues[at.venue]!.markets[at.market]!.maxPriceDislocation).toEqual({
      value: s.maxPriceDislocation,
      minute: at.minute,
    });
    for (const venue of Object.values(s.venues))
      for (const market of Object.values(venue.markets))
        expect(market.maxPriceDislocation.value).toBeLessThanOrEqual(s.maxPriceDislocation);
  });

  it('adds the venues’ insurance funds, each tracked on its own', () => {
    const { onshore, offshore } = s.venues;
    close(s.insuranceFund.start, onshore.fund.start + offshore!.fund.start);
    close(s.insuranceFund.end, onshore.fund.end + offshore!.fund.end);
    expect(s.insuranceFund.min).toBeGreaterThanOrEqual(onshore.fund.min + offshore!.fund.min - 1e-6);
    expect(s.cfdProviderCapital).toBeNull();
  });

  it('counts what the fund paid out from the fund draws, visible where the fund is paid in as open interest grows', () => {
    // 10 Oct 2025, seed 17, 200 traders: the Hong Kong venue's fund pays for bankruptcies (doc/model.md
    // "Crashes"), but it is paid in as open interest grows, so its lowest is still its start (0).
    const drawnRun = runScenario({
      scenario: '2025-10-tariff-crash',
      regime: 'hk-sfc-2026',
      seed: 17,
      population: DEFAULT_POPULATION,
      affiliatedMarketMaker: false,
    });
    const d = drawnRun.summary;
    for (const [venue, figures] of Object.entries(d.venues)) {
      const draws = drawnRun.events.filter((e) => e.type === 'insurance-draw' && e.venue === venue);
      close(
        figures!.fund.drawn,
        draws.reduce((sum, e) => sum + (e.type === 'insurance-draw' ? e.amount : 0), 0),
      );
    }
    const onshore = d.venues.onshore.fund;
    expect(onshore.drawn).toBeGreaterThan(0);
    expect(onshore.min).toBe(onshore.start);
    close(
      d.insuranceFund.drawn,
      Object.values(d.venues).reduce((sum, v) => sum + v!.fund.drawn, 0),
    );
  });

  it('gives each fund’s drawdown as start − min and each class’s loss as −pnl floored at 0, as figure paths', () => {
    const esma = run('eu-esma-retail', 0.5, 'synthetic-calm').summary;
    const funds = [
      s.insuranceFund,
      ...Object.values(s.venues).map((v) => v!.fund),
      esma.cfdProviderCapital!,
      esma.insuranceFund,
    ];
    for (const f of funds) close(f.drawdown, f.start - f.min);
    const classes = [s.byClass.retail, s.byClass.professional, s.offshore!, esma.byClass.retail];
    for (const c of classes) expect(c.loss).toBe(c.pnl < 0 ? -c.pnl : 0);
    expect(s.byClass.retail.loss).toBeGreaterThan(0);
    const figures = summaryFigures(s);
    expect(figures['insuranceFund.drawdown']).toBe(s.insuranceFund.drawdown);
    expect(figures['byClass.retail.loss']).toBe(s.byClass.retail.loss);
    expect(figures['venues.offshore.fund.drawdown']).toBe(s.venues.offshore!.fund.drawdown);
  });

  it('labels the ESMA preset’s loss buffer as the CFD provider’s capital, never as an insurance fund', () => {
    const esma = run('eu-esma-retail', 0.5, 'synthetic-calm').summary;
    expect(esma.venues.onshore.lossBuffer).toBe('cfd-provider-capital');
    expect(esma.cfdProviderCapital!.start).toBe(esma.venues.onshore.fund.start);
    expect(esma.cfdProviderCapital!.start).toBeGreaterThan(100 * esma.venues.offshore!.fund.start);
    // The run's insurance fund is the offshore venue's only.
    expect(esma.insuranceFund.start).toBe(esma.venues.offshore!.fund.start);
  });
});
