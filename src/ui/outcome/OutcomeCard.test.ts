import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import OutcomeCard from './OutcomeCard.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';

function smallApp(): AppState {
  const app = new AppState(inProcessEngine());
  app.population.traders = 30;
  return app;
}

describe('OutcomeCard', () => {
  it('reserves its table before the first run', () => {
    render(OutcomeCard, { app: smallApp(), i18n: new I18n('en') });
    const table = screen.getByRole('table', { name: /What each rule set led to/ });
    expect(within(table).getAllByRole('row')).toHaveLength(12);
    expect(within(table).getAllByText('—')).toHaveLength(22);
    // Nothing is running: the card says so rather than promising a computation (a lesson opened by a link).
    expect(screen.getByTestId('outcome-sentence')).toHaveTextContent('Not run yet for these settings.');
  });

  it('compares A and B at the end of the run, as a table with a caption, and says what changed and why', async () => {
    const app = smallApp();
    render(OutcomeCard, { app, i18n: new I18n('en') });
    await app.run();
    flushSync();
    const table = screen.getByRole('table', { name: /What each rule set led to/ });
    expect(within(table).getByRole('columnheader', { name: 'Rule set A: HK SFC 2026' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Rule set B: Offshore CEX' })).toBeInTheDocument();
    const [a, b] = app.results!;
    expect(screen.getByTestId('outcome-liquidated-A')).toHaveTextContent('0 of 30');
    expect(screen.getByTestId('outcome-liquidated-B')).toHaveTextContent(
      `${b.summary.liquidations.traders} of 30`,
    );
    expect(b.summary.liquidations.traders).toBeGreaterThan(0);
    expect(screen.getByTestId('outcome-refusedPerp-A')).toHaveTextContent(
      String(a.summary.refusedProducts.perp),
    );
    expect(screen.getByTestId('outcome-retailLosses-B')).toHaveTextContent(
      new I18n('en').usd(-b.summary.byClass.retail.pnl, 0),
    );
    expect(screen.getByTestId('outcome-lossesBeyond-A')).toHaveTextContent('none');
    const drawdown = b.summary.insuranceFund.start - b.summary.insuranceFund.min;
    expect(screen.getByTestId('outcome-fundDrawdown-B')).toHaveTextContent(new I18n('en').usd(drawdown, 0));
    // What the fund paid out, from the summary (outcome-figures.test.ts recounts it from the draws).
    const drawn = b.summary.insuranceFund.drawn;
    expect(drawn).toBeGreaterThanOrEqual(drawdown - 1e-6);
    expect(screen.getByTestId('outcome-fundDrawn-B')).toHaveTextContent(
      drawn > 0.005 ? new I18n('en').usd(drawn, 0) : 'none',
    );
    // ALT: Hong Kong lists BTC and ETH only (P3), the offshore venue lists it; refusals counted where unlisted.
    expect(screen.getByTestId('outcome-altLiquidations-A')).toHaveTextContent('not listed');
    expect(screen.getByTestId('outcome-altLiquidations-B')).toHaveTextContent(
      String(b.summary.markets.ALT!.liquidations.count),
    );
    expect(screen.getByTestId('outcome-refusedAlt-A')).toHaveTextContent(
      String(a.summary.refusedProducts.altPerp),
    );
    expect(screen.getByTestId('outcome-refusedAlt-B')).toHaveTextContent('0');
    // Which market (issue 17): one venue per rule set here, so no venue is named.
    const at = b.summary.maxPriceDislocationAt;
    expect(['BTC', 'ETH']).toContain(at.market);
    expect(screen.getByTestId('outcome-dislocation-B')).toHaveTextContent(
      new RegExp(`^\\d+(\\.\\d+)?% \\(${at.market}\\)$`),
    );
    // Named, then explained in one line (issue 17).
    expect(
      screen.getByRole('rowheader', {
        name: 'Broker shortfall What margin-loan clients still owed the broker after their collateral was sold.',
      }),
    ).toBeInTheDocument();
    const sentence = screen.getByTestId('outcome-sentence');
    expect(sentence).toHaveAttribute('aria-live', 'polite');
    expect(sentence).toHaveTextContent(
      `Rule set A (HK SFC 2026) liquidated none of the 30 traders, against ${b.summary.liquidations.traders} under ` +
        `rule set B (Offshore CEX), mainly because it kept retail investors out of perpetual contracts ` +
        `(${a.summary.refusedProducts.perp} refused).`,
    );
  });

  it('names a changed rule set by what changed and updates the sentence after a new run', async () => {
    const app = smallApp();
    render(OutcomeCard, { app, i18n: new I18n('en') });
    await app.run();
    flushSync();
    const before = screen.getByTestId('outcome-sentence').textContent;
    app.ruleSets[0] = { preset: 'offshore-cex', overrides: { 'perp.maxLeverage': 5 } };
    await app.run();
    flushSync();
    expect(
      screen.getByRole('columnheader', { name: 'Rule set A: Offshore CEX, leverage cap 5×' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('outcome-sentence').textContent).not.toBe(before);
    expect(screen.getByTestId('outcome-sentence')).toHaveTextContent(/5× against 125×|differ/);
  });

  it('names the venue of the largest dislocation where a rule set ran two (leakage offshore)', async () => {
    const app = smallApp();
    app.population.leakage = 1;
    render(OutcomeCard, { app, i18n: new I18n('en') });
    await app.run();
    flushSync();
    const a = app.results![0].summary;
    expect(a.venues.offshore).toBeDefined();
    const { market, venue } = a.maxPriceDislocationAt;
    const where = venue === 'offshore' ? 'offshore exchange' : 'own exchange';
    expect(screen.getByTestId('outcome-dislocation-A')).toHaveTextContent(
      new RegExp(`^\\d+(\\.\\d+)?% \\(${market}, ${where}\\)$`),
    );
  });

  it('speaks Traditional Chinese', async () => {
    const app = smallApp();
    render(OutcomeCard, { app, i18n: new I18n('zh-Hant-HK') });
    await app.run();
    flushSync();
    expect(screen.getByRole('columnheader', { name: '規則組合 A：香港證監會 2026' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: '被強制平倉的交易者' })).toBeInTheDocument();
    expect(screen.getByTestId('outcome-liquidated-A')).toHaveTextContent('30 人中 0 人');
    expect(screen.getByTestId('outcome-sentence')).toHaveTextContent(/^規則組合 A（香港證監會 2026）/);
    const market = app.results![1].summary.maxPriceDislocationAt.market;
    expect(screen.getByTestId('outcome-dislocation-B')).toHaveTextContent(new RegExp(`%（${market}）$`));
  });
});

describe('OutcomeCard over 30 seeds', () => {
  it(
    'runs the comparison over seeds on one press, shows each figure’s range and a verdict, and hides them when off',
    { timeout: 120_000 },
    async () => {
      const app = smallApp();
      render(OutcomeCard, { app, i18n: new I18n('en') });
      await app.run();
      flushSync();
      const toggle = await screen.findByRole('button', { name: 'Ranges over 30 seeds' });
      expect(toggle).toHaveAttribute('aria-pressed', 'false');
      expect(screen.queryByTestId('outcome-liquidated-A-spread')).toBeNull();
      toggle.click();
      flushSync();
      expect(toggle).toHaveAttribute('aria-pressed', 'true');
      // While the seeds come back: progress and a Stop of its own (not the run's "Stop").
      expect(screen.getByRole('progressbar', { name: 'Seeds run' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Stop the seeds' })).toBeInTheDocument();
      await vi.waitFor(() => expect(app.seeds.running).toBe(false), { timeout: 100_000, interval: 50 });
      flushSync();
      expect(app.seeds.done).toBe(30);
      expect(screen.getByTestId('seed-status')).toHaveTextContent(
        `Over seeds ${app.seed}–${app.seed + 29}, computed in`,
      );
      // The chosen seed's figure stays, with the median and 10th–90th percentile range beneath it.
      const spread = app.seeds.spreads![1]['liquidations.traders']!;
      expect(screen.getByTestId('outcome-liquidated-B')).toHaveTextContent(
        `${app.results![1].summary.liquidations.traders} of 30`,
      );
      expect(screen.getByTestId('outcome-liquidated-B-spread')).toHaveTextContent(
        `median ${spread.median} (p10–p90 ${spread.p10}–${spread.p90})`,
      );
      const a = app.seeds.spreads![0]['liquidations.traders']!;
      const overlap = a.p10 <= spread.p90 && spread.p10 <= a.p90;
      expect(screen.getByTestId('outcome-liquidated-verdict')).toHaveTextContent(
        overlap
          ? 'Ranges overlap: a difference here may be luck.'
          : 'Ranges apart: the difference holds across seeds.',
      );
      toggle.click();
      flushSync();
      expect(toggle).toHaveAttribute('aria-pressed', 'false');
      expect(screen.queryByTestId('outcome-liquidated-B-spread')).toBeNull();
    },
  );
});

describe('OutcomeCard over seeds of a large population', () => {
  it('asks before running seeds estimated to take long (issue 19), and runs nothing until then', async () => {
    const engine = inProcessEngine();
    const calls: number[] = [];
    const sweepEach = engine.sweepEach!;
    engine.sweepEach = (configs, listener) => {
      calls.push(configs.length);
      return sweepEach(configs, listener);
    };
    const app = new AppState(engine);
    app.population.traders = 30;
    render(OutcomeCard, { app, i18n: new I18n('en') });
    await app.run();
    flushSync();
    await screen.findByRole('button', { name: 'Ranges over 30 seeds' });
    // The same comparison with 100,000 traders, as the seeds would run it.
    const large = app.resultConfigs!.map((c) => ({
      ...c,
      population: { ...c.population, traders: 100_000 },
    }));
    app.resultConfigs = [large[0]!, large[1]!];
    await app.seeds.start(app.resultConfigs);
    flushSync();
    expect(calls).toEqual([]);
    expect(screen.getByTestId('seed-costly')).toHaveTextContent(
      /30 seeds would take about \d+ (seconds|minutes|hours)/,
    );
    expect(screen.getByRole('button', { name: 'Run it anyway' })).toBeInTheDocument();
    app.seeds.off();
    flushSync();
    expect(screen.queryByTestId('seed-costly')).toBeNull();
  });
});
