/**
 * A guardrail the engine does not act on yet (the catalogue's `simulated: false`) is shown as "not simulated"
 * and cannot be edited; a simulated one stays editable (issue 15, "Every guardrail matters").
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RuleSetPanel from './RuleSetPanel.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { catalogueEntry } from '../../engine/guardrail-catalogue/index.ts';
import { inProcessEngine } from '../test-support.ts';

describe('guardrails that are not simulated', () => {
  it('are marked and disabled; simulated ones are not', async () => {
    expect(catalogueEntry('extras.clientPositionLimitNotional')?.simulated).toBe(false);
    expect(catalogueEntry('perp.maxLeverage')?.simulated).toBe(true);
    const user = userEvent.setup();
    render(RuleSetPanel, { app: new AppState(inProcessEngine()), i18n: new I18n('en'), index: 0 });
    await user.click(screen.getByText(/^Perpetual contracts$/));
    const portfolio = screen.getByLabelText('Position limit per client (USD)');
    expect(portfolio).toBeDisabled();
    expect(within(portfolio.closest('li')!).getByText('not simulated')).toBeInTheDocument();
    const leverage = screen.getByLabelText('Maximum leverage (×)');
    expect(leverage).toBeEnabled();
    expect(within(leverage.closest('li')!).queryByText('not simulated')).toBeNull();
  });

  it('say so in Traditional Chinese too', () => {
    render(RuleSetPanel, { app: new AppState(inProcessEngine()), i18n: new I18n('zh-Hant-HK'), index: 0 });
    expect(screen.getAllByText('未模擬').length).toBeGreaterThan(0);
  });
});
