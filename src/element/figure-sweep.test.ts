/**
 * The figure's frontier (`sweep` attribute): checked like every attribute (a refusal names it, the value and
 * what is allowed); its runs are the sweep view's runs for the same state (sweepPlan, the app's and the CLI's
 * path), its spreads the same medians, and its "Open in Leverage Lab" link opens that sweep in the app.
 */
import { describe, expect, it } from 'vitest';
import { readFigureAttributes, type FigureAttribute } from './attributes.ts';
import { sweepConfigs, sweepSpreads } from './figure-sweep.ts';
import { openInAppHref } from './open-link.ts';
import { figureText } from './figure-text.ts';
import { decodeHash } from '../lib/url-state/index.ts';
import { sweepPlan, sweepPoint } from '../engine/run/sweep.ts';
import { sweepRequest } from '../lib/sweep-choice.ts';
import { runScenario } from '../engine/run/run.ts';
import { DEFAULT_POPULATION } from '../engine/population/settings.ts';

const read = (attributes: Partial<Record<FigureAttribute, string>>) =>
  readFigureAttributes((name) => attributes[name] ?? null);
const SMALL = {
  scenario: 'synthetic-flash-crash',
  seed: '3',
  traders: '40',
  regimes: 'offshore-cex,hk-sfc-2026',
};

describe('the sweep attribute', () => {
  it('reads PATH,FROM,TO,VALUES[,SEEDS], 10 seeds when left out', () => {
    const reading = read({ sweep: ' perp.maxLeverage, 1, 20, 5 ' });
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    expect(reading.settings.sweep).toEqual({
      guardrail: 'perp.maxLeverage',
      from: 1,
      to: 20,
      steps: 5,
      seeds: 10,
    });
    const none = read({});
    expect(none.ok && none.settings.sweep).toBeNull();
  });

  it.each([
    'financing.collateral.BTC.haircut,0,0.9,5',
    'perp.tiers.BTC,0,1,5',
    // Rescaling a table needs the rule set's tiers, which the figure's script does not carry: the app sweeps it.
    'perp.maintenanceRate.BTC,0.01,0.09,5',
    'perp.maxLeverage,20,1,5',
    'perp.maxLeverage,1,20,1',
    'perp.maxLeverage,1,20,13',
    'perp.maxLeverage,1,20,5,31',
    'perp.maxLeverage,1,1e400,5',
    'perp.maxLeverage,1,20',
    '<img src=x onerror=alert(1)>',
  ])('refuses %j, naming the attribute and what is allowed', (value) => {
    const reading = read({ sweep: value });
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems).toHaveLength(1);
    const problem = reading.problems[0]!;
    expect(problem.attribute).toBe('sweep');
    expect(problem.value).toBe(value);
    const allowed = figureText('en', problem.allowed.key, problem.allowed.params);
    expect(allowed).toContain('perp.maxLeverage');
    expect(allowed).toContain('2 to 12 values');
  });
});

describe('the figure’s frontier', () => {
  it('runs what the sweep view runs for the same state, and reads the same medians', () => {
    const reading = read({ ...SMALL, sweep: 'perp.maxLeverage,2,50,3,2', metric: 'liquidations' });
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    const settings = reading.settings;
    const configs = sweepConfigs(settings, settings.sweep!);
    const plan = sweepPlan(
      sweepRequest(
        {
          run: {
            scenario: 'synthetic-flash-crash',
            seed: 3,
            population: { ...DEFAULT_POPULATION, traders: 40 },
            affiliatedMarketMaker: false,
          },
          ruleSets: [
            { preset: 'offshore-cex', overrides: {} },
            { preset: 'hk-sfc-2026', overrides: {} },
          ],
        },
        {
          ruleSet: 0,
          guardrail: 'perp.maxLeverage',
          from: 2,
          to: 50,
          steps: 3,
          seeds: 2,
          outcome: 'liquidations.traders',
        },
      ),
    );
    const strip = ({ eventLog: _e, ...config }: Record<string, unknown>) => config;
    expect(configs).toEqual(plan.flatMap((s) => s.configs).map((c) => strip(c as never)));

    const summaries = configs.map((c) => runScenario(c).summary);
    const spreads = sweepSpreads(settings, settings.sweep!, summaries);
    const points = plan.map((s, k) => sweepPoint(s.value, summaries.slice(k * 2, k * 2 + 2)));
    expect(spreads.map((p) => p.median)).toEqual(points.map((p) => p['liquidations.traders']!.median));
    expect(spreads.map((p) => p.value)).toEqual([2, 26, 50]);
  }, 60_000);

  it('opens the same sweep in the app', async () => {
    const reading = read({ ...SMALL, sweep: 'perp.maxLeverage,2,50,3,2', metric: 'losses' });
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    const href = new URL(openInAppHref(reading.settings, 'https://cdn.example/lab/leverage-lab-figure.js'));
    const result = await decodeHash(href.hash);
    if (!result.ok) throw new Error(result.notice.message);
    expect(result.state.sweep).toEqual({
      ruleSet: 0,
      guardrail: 'perp.maxLeverage',
      from: 2,
      to: 50,
      steps: 3,
      seeds: 2,
      outcome: 'byClass.retail.loss',
    });
  });
});
