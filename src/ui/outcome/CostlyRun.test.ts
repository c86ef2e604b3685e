import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import CostlyRun from './CostlyRun.svelte';
import OutcomeCard from './OutcomeCard.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { RunStoppedError, type EngineCalls } from '../../lib/engine-client.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';

/**
 * The in-process engine, counting the comparisons it was asked for. A large one is answered as stopped
 * rather than run: in process, Stop cannot interrupt it, and only that it was asked for matters here.
 */
function counting(): EngineCalls & { calls: number } {
  const engine = inProcessEngine();
  const counted = {
    ...engine,
    calls: 0,
    compare: (...args: Parameters<EngineCalls['compare']>) => {
      counted.calls++;
      if (args[0][0]!.population.traders > 1_000) return Promise.reject(new RunStoppedError());
      return engine.compare(...args);
    },
  };
  return counted;
}

describe('a costly comparison waits for the user (issue 19)', () => {
  it('the issue link (a million traders × 730 days) does not start; the notice says how long', async () => {
    const engine = counting();
    const app = new AppState(engine);
    app.scenario = 'synthetic-volatile';
    app.days = 730;
    app.population.traders = 1_000_000;
    render(CostlyRun, { app, i18n: new I18n('en') });
    await app.run();
    flushSync();
    expect(engine.calls).toBe(0);
    expect(app.running).toBe(false);
    expect(screen.getByTestId('costly-run')).toHaveTextContent(/it will take about \d+ (minutes|hours)/);
    await fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByTestId('costly-run')).toBeNull();
    expect(engine.calls).toBe(0);
  });

  it('"Run it anyway" runs; a small comparison runs without asking', async () => {
    const engine = counting();
    const app = new AppState(engine);
    app.population.traders = 30;
    render(CostlyRun, { app, i18n: new I18n('zh-Hant-HK') });
    await app.run();
    expect(engine.calls).toBe(1);
    expect(screen.queryByTestId('costly-run')).toBeNull();
    app.scenario = 'synthetic-volatile';
    app.days = 730;
    app.population.traders = 500_000;
    await app.run();
    flushSync();
    expect(engine.calls).toBe(1);
    expect(screen.getByTestId('costly-run')).toHaveTextContent(/約 \d+ 秒/);
    await app.run({ confirmed: true });
    expect(engine.calls).toBe(2);
    expect(app.costlyRun).toBeNull();
  });
});

describe('the outcome card without results (issue 19)', () => {
  it('no longer says "Computing the comparison…" after a first run was stopped', async () => {
    const app = new AppState({
      ...inProcessEngine(),
      compare: () => Promise.reject(new RunStoppedError()),
    });
    render(OutcomeCard, { app, i18n: new I18n('en') });
    await app.run();
    flushSync();
    expect(screen.getByTestId('outcome-sentence')).toHaveTextContent('Not run yet for these settings.');
    expect(screen.getByTestId('outcome-sentence')).not.toHaveTextContent('Computing');
  });
});
