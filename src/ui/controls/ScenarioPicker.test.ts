import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ScenarioPicker from './ScenarioPicker.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';

function smallApp(): AppState {
  const app = new AppState(inProcessEngine());
  app.population.traders = 30;
  return app;
}

describe('ScenarioPicker', () => {
  it('groups historical episodes and synthetic markets, with the description and linked sources', async () => {
    const user = userEvent.setup();
    render(ScenarioPicker, { app: smallApp(), i18n: new I18n('en') });
    const select = screen.getByLabelText('Market episode');
    const historical = within(select).getByRole('group', { name: 'Historical episodes' });
    const synthetic = within(select).getByRole('group', { name: 'Synthetic markets' });
    expect(within(historical).getAllByRole('option')).toHaveLength(5);
    expect(
      within(synthetic)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toContain('Flash crash');
    expect(select).toHaveValue('2025-10-tariff-crash');
    expect(screen.getByText(/100% US tariff on Chinese imports/)).toBeInTheDocument();
    expect(screen.getByText('From 10 Oct 2025 12:00 UTC to 11 Oct 2025 12:00 UTC')).toBeInTheDocument();
    await user.click(screen.getByText('Sources (7)'));
    const link = screen.getByRole('link', { name: 'spectropunk (CoinGlass) (opens in a new tab)' });
    expect(link).toHaveAttribute('href', 'https://spectropunk.com/?p=179');
    // The note follows its source's name with no space before the colon.
    const item = link.closest('li')!.textContent!;
    expect(item).toMatch(/\): BTC −12%/);
    expect(item).not.toMatch(/\s:/);
    expect(screen.getByText(/\$3\.21bn in 60 s at 21:15 UTC/)).toBeInTheDocument();
    expect(screen.getByText(/wBETH as low as \$430 around 21:40 UTC/)).toBeInTheDocument();
    // A historical episode has a fixed length: no days field.
    expect(screen.queryByLabelText('Length (days)')).toBeNull();
  });

  it('runs the comparison again when another scenario is chosen', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    render(ScenarioPicker, { app, i18n: new I18n('en'), rerunDelayMs: 0 });
    await user.selectOptions(screen.getByLabelText('Market episode'), 'synthetic-flash-crash');
    expect(app.scenario).toBe('synthetic-flash-crash');
    await waitFor(() => expect(app.results?.[0].summary.scenario).toBe('synthetic-flash-crash'), {
      timeout: 5000,
    });
    expect(screen.getByText(/suddenly falls 22% to 30%/)).toBeInTheDocument();
    expect(screen.getByLabelText('Length (days)')).toHaveValue('2');
  });

  it('refuses a length outside 0.25–730 days with the engine’s message, and runs once it is fixed', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    app.scenario = 'synthetic-calm';
    const run = vi.spyOn(app, 'run');
    render(ScenarioPicker, { app, i18n: new I18n('en'), rerunDelayMs: 50 });
    const days = screen.getByLabelText('Length (days)');
    await user.clear(days);
    await user.type(days, '1000');
    expect(screen.getByText('Days must be between 0.25 and 730 (got 1000)')).toBeInTheDocument();
    expect(days).toHaveAttribute('aria-invalid', 'true');
    // "1", "10" and "100" were fine while typing, but the refusal cancels the pending run.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(run).not.toHaveBeenCalled();

    await user.clear(days);
    await user.type(days, '0.5');
    expect(screen.queryByText(/must be between/)).toBeNull();
    expect(app.days).toBe(0.5);
    await waitFor(() => expect(app.results?.[0].summary.steps).toBe(720), { timeout: 5000 });
  });

  it('speaks Traditional Chinese, refusals included', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    app.scenario = 'synthetic-volatile';
    render(ScenarioPicker, { app, i18n: new I18n('zh-Hant-HK') });
    expect(screen.getByRole('heading', { name: '情境' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: '波動市場' })).toBeInTheDocument();
    const days = screen.getByLabelText('長度（日）');
    await user.clear(days);
    await user.type(days, '0');
    expect(screen.getByText('長度（日）必須介乎 0.25 至 730（輸入了 0）')).toBeInTheDocument();
  });
});
