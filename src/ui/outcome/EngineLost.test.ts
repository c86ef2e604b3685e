import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import EngineLost from './EngineLost.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { EngineLostError, type EngineCalls } from '../../lib/engine-client.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';

/** An engine whose worker dies during the first comparison, and works again after (a fresh worker). */
function dyingOnce(): EngineCalls & { calls: number } {
  const engine = inProcessEngine();
  const dying = {
    ...engine,
    calls: 0,
    compare: (
      configs: Parameters<EngineCalls['compare']>[0],
      listener?: Parameters<EngineCalls['compare']>[1],
    ) => (++dying.calls === 1 ? Promise.reject(new EngineLostError()) : engine.compare(configs, listener)),
  };
  return dying;
}

describe('EngineLost', () => {
  it('says nothing while the engine is fine', async () => {
    const app = new AppState(inProcessEngine());
    app.population.traders = 30;
    render(EngineLost, { app, i18n: new I18n('en') });
    await app.run();
    flushSync();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(app.error).toBeNull();
  });

  it('says the engine stopped, not that the model failed, and "Run again" reruns the same settings', async () => {
    const engine = dyingOnce();
    const app = new AppState(engine);
    app.population.traders = 30;
    render(EngineLost, { app, i18n: new I18n('en') });
    await app.run();
    flushSync();
    expect(app.running).toBe(false);
    expect(app.results).toBeNull();
    expect(app.error).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent(/simulation engine stopped unexpectedly/);
    await fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    await expect.poll(() => app.results !== null).toBe(true);
    flushSync();
    expect(engine.calls).toBe(2);
    expect(app.results![0].summary.traders).toBe(30);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Run again' })).toBeNull();
  });

  it('speaks Traditional Chinese', async () => {
    const app = new AppState(dyingOnce());
    app.population.traders = 30;
    render(EngineLost, { app, i18n: new I18n('zh-Hant-HK') });
    await app.run();
    flushSync();
    expect(screen.getByRole('alert')).toHaveTextContent(/模擬引擎.*意外停止/);
    expect(screen.getByRole('button', { name: '再運行一次' })).toBeInTheDocument();
  });
});
