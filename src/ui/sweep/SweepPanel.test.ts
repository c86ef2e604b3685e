/**
 * The sweep view with the worker's own summary call run in-process (the worker pool's unit, production
 * settings): points drawn one by one as values finish, Stop, the sentence read against the table, the points
 * reached by keyboard, a point opening its comparison, and a refusal for a bad range.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import SweepPanel from './SweepPanel.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { engineApi } from '../../../workers/engine-api.ts';
import { REFRESH_MILLISECONDS, type SweepEngine } from './sweep-run.svelte.ts';
import type { SweepListener } from '../../lib/worker-pool.ts';
import { sweepPlan, sweepPoint } from '../../engine/run/sweep.ts';
import { runScenario } from '../../engine/run/run.ts';
import { sweepRequest } from '../../lib/sweep-choice.ts';

/**
 * The pool's unit, in process: one summary per config, in order, each a macrotask after the last (as workers
 * answer), reported as it finishes; Stop ends the call (as the pool's does).
 */
function inProcessSweep(pauseMs = 0): SweepEngine & { calls: number; stops: number; runs: number } {
  let stopped = false;
  const engine = {
    calls: 0,
    stops: 0,
    runs: 0,
    async sweepEach(configs: readonly Parameters<typeof engineApi.summary>[1][], listener: SweepListener) {
      engine.calls++;
      stopped = false;
      const out = [];
      for (const [k, config] of configs.entries()) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (stopped) throw new Error('the sweep was stopped');
        const summary = await engineApi.summary(k, config);
        engine.runs++;
        listener.result?.(k, summary);
        listener.done?.(k + 1, configs.length);
        out.push(summary);
        // A slow pool: the page's refresh comes round between runs, whatever the machine's speed.
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      return out;
    },
    stopSweep() {
      stopped = true;
      engine.stops++;
    },
  };
  return engine;
}

function smallApp(): AppState {
  const app = new AppState(inProcessEngine());
  app.scenario = 'synthetic-flash-crash';
  app.days = 1;
  app.seed = 1;
  app.population = { ...app.population, traders: 50 };
  return app;
}

async function setUp(user: ReturnType<typeof userEvent.setup>, steps: string) {
  const app = smallApp();
  const engine = inProcessSweep();
  render(SweepPanel, { app, engine, i18n: new I18n('en') });
  const stepsField = screen.getByLabelText('Values');
  await user.clear(stepsField);
  await user.type(stepsField, steps);
  return { app, engine };
}

describe('SweepPanel', () => {
  it('draws the points as values finish, and their numbers are the engine’s for the same state', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    const engine = inProcessSweep(REFRESH_MILLISECONDS + 50);
    render(SweepPanel, { app, engine, i18n: new I18n('en') });
    const choice = {
      ruleSet: 0 as const,
      guardrail: 'financing.collateral.BTC.haircut',
      from: 0,
      to: 0.9,
      steps: 3,
      seeds: 2,
      outcome: 'byClass.retail.loss' as const,
    };
    app.sweep = choice; // as a link sets it: the panel runs it (small, so not costly)
    const chart = await screen.findByTestId('sweep-chart');
    // Every count of points the chart showed while the sweep ran: some before the last value was in.
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(chart.getAttribute('data-points') ?? ''));
    observer.observe(chart, { attributes: true, attributeFilter: ['data-points'] });
    await expect.poll(() => chart.getAttribute('data-elapsed'), { timeout: 30_000 }).not.toBe('');
    observer.disconnect();
    expect(seen.some((count) => count === '1' || count === '2')).toBe(true);
    expect(seen.at(-1)).toBe('3');
    // One pool call for every value's seeds: the pool's lanes never drain between values.
    expect(engine.calls).toBe(1);
    expect(engine.runs).toBe(6);
    expect(chart.querySelectorAll('circle[role=button]')).toHaveLength(3);

    // The same points from the engine directly (the CLI's path): the table shows their medians.
    const request = sweepRequest(
      {
        run: {
          scenario: 'synthetic-flash-crash',
          days: 1,
          seed: 1,
          population: app.population,
          affiliatedMarketMaker: false,
        },
        ruleSets: [app.ruleSets[0], app.ruleSets[1]],
      },
      choice,
    );
    const expected = sweepPlan(request).map((s) =>
      sweepPoint(
        s.value,
        s.configs.map((c) => runScenario(c).summary),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Show data table' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    const usd = (v: number) =>
      new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(v);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(
      expected.map((p) => usd(p['byClass.retail.loss']!.median)),
    );
    // The sentence names a value of the table.
    const description = document.getElementById('sweep-chart-description')!.textContent!;
    expect(description).toMatch(/^The median of retail investors' losses /);
    expect(['0%', '45%', '90%'].some((v) => description.includes(v))).toBe(true);
  }, 60_000);

  it('moves between points with the arrow keys and opens one on the stage with Enter', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    const engine = inProcessSweep();
    render(SweepPanel, { app, engine, i18n: new I18n('en') });
    app.sweep = {
      ruleSet: 1,
      guardrail: 'perp.maxLeverage',
      from: 2,
      to: 20,
      steps: 2,
      seeds: 1,
      outcome: 'liquidations.traders',
    };
    const chart = await screen.findByTestId('sweep-chart');
    await expect.poll(() => chart.getAttribute('data-elapsed'), { timeout: 30_000 }).not.toBe('');
    const points = chart.querySelectorAll<SVGElement>('circle[role=button]');
    expect([...points].map((p) => p.getAttribute('tabindex'))).toEqual(['0', '-1']);
    points[0]!.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(points[1]);
    expect(points[1]!.getAttribute('tabindex')).toBe('0');
    await user.keyboard('{Enter}');
    expect(app.ruleSets[1].overrides).toEqual({ 'perp.maxLeverage': 20 });
    expect(app.ruleSets[0].overrides).toEqual({});
    expect(
      screen.getByText('On the stage: rule set B with a Maximum leverage on perpetuals of 20×.'),
    ).toBeInTheDocument();
  }, 60_000);

  it('sweeps a maintenance rate: the rule set’s first-tier rate marked, a point opening its table on the stage', async () => {
    const user = userEvent.setup();
    const app = smallApp(); // A: the SFC [DEFAULT]'s one 5% tier; B: Binance's 0.4% … 5% brackets
    const engine = inProcessSweep();
    render(SweepPanel, { app, engine, i18n: new I18n('en') });
    app.sweep = {
      ruleSet: 0,
      guardrail: 'perp.maintenanceRate.BTC',
      from: 0.02,
      to: 0.08,
      steps: 2,
      seeds: 1,
      outcome: 'liquidations.traders',
    };
    const chart = await screen.findByTestId('sweep-chart');
    await expect.poll(() => chart.getAttribute('data-elapsed'), { timeout: 30_000 }).not.toBe('');
    expect(screen.getByText('A as set: 5%')).toBeInTheDocument();
    expect(chart.querySelector('[data-mark=own]')).not.toBeNull(); // 5% lies in 2–8%: drawn
    expect(screen.getByText(/^B \(.+\): 0\.4%$/)).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Where A's 5% comes from: an assumption\. guardrails \[DEFAULT\]: maintenance 5% flat/,
      ),
    ).toBeInTheDocument();
    const points = chart.querySelectorAll<SVGElement>('circle[role=button]');
    points[1]!.focus();
    await user.keyboard('{Enter}');
    expect(app.ruleSets[0].overrides).toEqual({ 'perp.tiers.BTC': [{ floor: 0, mmr: 0.08 }] });
    expect(
      screen.getByText(
        'On the stage: rule set A with a BTC maintenance rate (first tier, others in proportion) of 8%.',
      ),
    ).toBeInTheDocument();
  }, 60_000);

  it('offers the maintenance rate and refuses one the leverage cap cannot take, in words', async () => {
    const user = userEvent.setup();
    const { engine } = await setUp(user, '3');
    await user.selectOptions(screen.getByTestId('sweep-guardrail'), 'perp.maintenanceRate.BTC');
    expect((screen.getByTestId('sweep-from') as HTMLInputElement).value).toBe('0.5');
    expect((screen.getByTestId('sweep-to') as HTMLInputElement).value).toBe('9.5');
    const to = screen.getByLabelText('To (%)');
    await user.clear(to);
    await user.type(to, '12');
    await user.click(screen.getByRole('button', { name: 'Run the sweep' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'BTC maintenance rate must be below 10% (1 ÷ the leverage cap: opening at the cap must leave equity above maintenance) (got 12%)',
    );
    expect(engine.calls).toBe(0);
  });

  it('refuses a range the rule set cannot take, in words, and runs nothing', async () => {
    const user = userEvent.setup();
    const { engine } = await setUp(user, '3');
    const to = screen.getByLabelText('To (%)');
    await user.clear(to);
    await user.type(to, '150');
    await user.click(screen.getByRole('button', { name: 'Run the sweep' }));
    expect(screen.getByRole('alert').textContent).toBe('BTC haircut must be between 0 and 1 (got 1.5)');
    expect(engine.calls).toBe(0);
  });

  it('stops: the pool is told at once and no later point is drawn', async () => {
    const user = userEvent.setup();
    const { engine } = await setUp(user, '5');
    await user.click(screen.getByRole('button', { name: 'Run the sweep' }));
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(engine.stops).toBe(1);
    expect(screen.getByRole('status').textContent).toMatch(/Stopped after 0 of 5 values/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByTestId('sweep-chart').getAttribute('data-points')).toBe('0');
  }, 60_000);
});
