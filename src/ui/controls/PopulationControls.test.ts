import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PopulationControls from './PopulationControls.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';

function smallApp(): AppState {
  const app = new AppState(inProcessEngine());
  app.population.traders = 30;
  return app;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PopulationControls', () => {
  it('shows the population, the leakage labelled an assumption, and the refused traders’ choice', () => {
    const app = smallApp();
    render(PopulationControls, { app, i18n: new I18n('en') });
    expect(screen.getByLabelText('Number of traders')).toHaveValue('30');
    expect(screen.getByLabelText('Retail investors (%)')).toHaveValue('70');
    const leakage = screen.getByLabelText(/Refused traders who go offshore/);
    expect(leakage).toHaveValue('0');
    expect(leakage.closest('.field')).toHaveTextContent('assumption');
    expect(screen.getByLabelText('buy spot instead')).toBeChecked();
    expect(screen.getByRole('switch', { name: 'Affiliated market maker on the venue' })).not.toBeChecked();
    expect(screen.getByLabelText('Seed')).toHaveValue('20251010');
  });

  it('refuses a population the engine refuses, next to the control, and runs nothing until fixed', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    const run = vi.spyOn(app, 'run');
    render(PopulationControls, { app, i18n: new I18n('en'), rerunDelayMs: 100 });
    const traders = screen.getByLabelText('Number of traders');
    await user.clear(traders);
    await user.type(traders, '2');
    expect(screen.getByText('Traders must be a whole number from 3 to 1000000 (got 2)')).toBeInTheDocument();
    expect(traders).toHaveAttribute('aria-invalid', 'true');
    const share = screen.getByLabelText('Retail investors (%)');
    await user.clear(share);
    await user.type(share, '120');
    expect(screen.getByText('Retail share must be between 0% and 100% (got 120%)')).toBeInTheDocument();
    await pause(200);
    expect(run).not.toHaveBeenCalled();
    expect(app.population.traders).toBe(30);

    await user.clear(share);
    await user.type(share, '50');
    await user.clear(traders);
    await user.type(traders, '40');
    expect(screen.queryByText(/must be/)).toBeNull();
    expect(app.population).toMatchObject({ traders: 40, retailShare: 0.5 });
    await waitFor(() => expect(app.results?.[0].summary.traders).toBe(40), { timeout: 5000 });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs again when the refused traders’ choice or the market-maker switch changes', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    const run = vi.spyOn(app, 'run');
    render(PopulationControls, { app, i18n: new I18n('en') });
    await user.click(screen.getByLabelText('stay out of the market'));
    expect(app.population.refusedChoice).toBe('stay-out');
    await user.click(screen.getByRole('switch', { name: 'Affiliated market maker on the venue' }));
    expect(app.affiliatedMarketMaker).toBe(true);
    expect(run).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(app.running).toBe(false));
  });

  it('draws a new seed on request and refuses a negative one', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    const run = vi.spyOn(app, 'run');
    render(PopulationControls, { app, i18n: new I18n('en') });
    await user.click(screen.getByRole('button', { name: 'New seed' }));
    expect(app.seed).not.toBe(20251010);
    expect(screen.getByLabelText('Seed')).toHaveValue(String(app.seed));
    expect(run).toHaveBeenCalledOnce();
    const seed = screen.getByLabelText('Seed');
    await user.clear(seed);
    await user.type(seed, '-1');
    expect(screen.getByText('Seed must be a whole number ≥ 0 (got -1)')).toBeInTheDocument();
    await waitFor(() => expect(app.running).toBe(false));
  });

  it('speaks Traditional Chinese, refusals included', async () => {
    const user = userEvent.setup();
    render(PopulationControls, { app: smallApp(), i18n: new I18n('zh-Hant-HK') });
    expect(screen.getByRole('heading', { name: '交易者' })).toBeInTheDocument();
    const traders = screen.getByLabelText('交易者人數');
    await user.clear(traders);
    await user.type(traders, '1');
    expect(screen.getByText('交易者人數必須是 3 至 1000000 之間的整數（輸入了 1）')).toBeInTheDocument();
  });
});
