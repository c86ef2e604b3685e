import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RuleSetPanel from './RuleSetPanel.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { GUARDRAIL_KEYS } from '../../engine/regimes/index.ts';
import { translate } from '../../lib/i18n/translate.ts';
import { inProcessEngine } from '../test-support.ts';

function smallApp(): AppState {
  const app = new AppState(inProcessEngine());
  app.population.traders = 30;
  return app;
}

/** Opens a section of the panel by its name. */
async function openSection(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
  await user.click(screen.getByText(name));
}

describe('RuleSetPanel', () => {
  it('shows rule set A’s preset, its key facts, and a control for every guardrail', () => {
    render(RuleSetPanel, { app: smallApp(), i18n: new I18n('en'), index: 0 });
    expect(screen.getByRole('heading', { name: 'Rule set A' })).toBeInTheDocument();
    expect(screen.getByLabelText('Preset')).toHaveValue('hk-sfc-2026');
    const facts = screen.getByLabelText('At a glance');
    expect(within(facts).getByText('professional investors')).toBeInTheDocument();
    expect(within(facts).getByText('10×')).toBeInTheDocument();
    expect(within(facts).getByText('60%')).toBeInTheDocument();
    expect(within(facts).getByText('BTC and ETH only')).toBeInTheDocument(); // SFC framework P3
    // Every guardrail has its label in the panel.
    for (const key of GUARDRAIL_KEYS)
      expect(screen.getAllByText(translate('en', `regimes.guardrail.${key}`)).length).toBeGreaterThan(0);
    expect(screen.getByText('Perpetual contracts')).toBeInTheDocument();
    expect(screen.getByText('Margin financing')).toBeInTheDocument();
    expect(screen.getByText('Market making and spot')).toBeInTheDocument();
  });

  it('in the compact form, draws the guardrails behind "All rules" when it is first opened, and keeps them', async () => {
    const user = userEvent.setup();
    render(RuleSetPanel, { app: smallApp(), i18n: new I18n('en'), index: 0, compact: true });
    const funding = translate('en', 'regimes.guardrail.perp.funding.intervalHours');
    // The most-used guardrails are there at once; the rest are not drawn until "All rules" opens.
    expect(screen.getByText(translate('en', 'regimes.guardrail.perp.maxLeverage'))).toBeInTheDocument();
    expect(screen.queryByText(funding)).toBeNull();
    await user.click(screen.getByText('All rules'));
    await openSection(user, /^Perpetual contracts$/);
    expect(screen.getByText(funding)).toBeInTheDocument();
    // Closed again, the fields stay drawn (a draft or a refusal in them is kept).
    await user.click(screen.getByText('All rules'));
    expect(screen.getByText(funding)).toBeInTheDocument();
  });

  it('gives each control its value, its source links and an assumption or derived badge', async () => {
    const user = userEvent.setup();
    render(RuleSetPanel, { app: smallApp(), i18n: new I18n('en'), index: 0 });
    await openSection(user, /^Perpetual contracts$/);
    const leverage = screen.getByLabelText('Maximum leverage (×)');
    expect(leverage).toHaveValue('10');
    const item = leverage.closest('li')!;
    expect(within(item).getByText('assumption')).toBeInTheDocument();
    expect(
      await within(item).findByRole('link', {
        name: 'Source: Coinbase Help: How much leverage is available for perpetual futures (opens in a new tab)',
      }),
    ).toHaveAttribute(
      'href',
      'https://help.coinbase.com/en/international-exchange/margin-requirements/how-much-leverage-is-available-to-me-if-i-am-eligible-to-trade-perpetual-futures',
    );
    // A published rule has sources but no badge; a derived one is marked "derived".
    const protection = screen.getByLabelText('Negative-balance protection');
    expect(protection).toBeChecked();
    expect(within(protection.closest('li')!).queryByText('assumption')).toBeNull();
    expect(
      await within(protection.closest('li')!).findByRole('link', {
        name: /Source: Davis Polk: Hong Kong to permit/,
      }),
    ).toBeInTheDocument();
    const portfolio = screen.getByLabelText("Professional investor's portfolio at least (USD)");
    expect(within(portfolio.closest('li')!).getByText('derived')).toBeInTheDocument();
    expect(within(portfolio.closest('li')!).getByText('$1,025,641')).toBeInTheDocument();
    // Enumerations are selects, tier tables a read-only summary.
    expect(screen.getByLabelText('Funding interval')).toHaveValue('8');
    expect(
      screen.getByText('5% of notional, one tier', { selector: '[aria-labelledby$="perp-tiers-BTC"]' }),
    ).toBeInTheDocument();
  });

  it('refuses a bad haircut next to its control with the engine’s message and holds the re-run', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    const run = vi.spyOn(app, 'run');
    render(RuleSetPanel, { app, i18n: new I18n('en'), index: 0, rerunDelayMs: 150 });
    await openSection(user, /^Margin financing$/);
    const btc = screen.getByRole('group', { name: 'BTC as collateral' });
    // A percentage, as the summaries show it (issue 17): 60 is the engine's 0.6.
    const haircut = within(btc).getByLabelText('haircut (%)');
    expect(haircut).toHaveValue('60');
    await user.clear(haircut);
    await user.type(haircut, '120');
    expect(
      within(btc.closest('li')!).getByText('BTC haircut must be between 0 and 1 (got 1.2)'),
    ).toBeInTheDocument();
    expect(haircut).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('the comparison runs again once it is fixed');
    expect(app.ruleSets[0].overrides['financing.collateral.BTC']).not.toEqual({
      eligible: true,
      haircut: 1.2,
    });
    // "12" was fine while typing, but the refusal of "120" cancels the pending run.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(run).not.toHaveBeenCalled();

    await user.clear(haircut);
    await user.type(haircut, '70%');
    expect(screen.queryByText(/must be between/)).toBeNull();
    expect(app.ruleSets[0].overrides['financing.collateral.BTC']).toEqual({ eligible: true, haircut: 0.7 });
    await waitFor(() => expect(run).toHaveBeenCalled());
  });

  it('sets an override, marks it changed and resets it to the preset', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    // The run itself is the engine's business (and slow in jsdom): only that it is asked for matters here.
    const run = vi.spyOn(app, 'run').mockResolvedValue();
    render(RuleSetPanel, { app, i18n: new I18n('en'), index: 1, rerunDelayMs: 0 });
    expect(screen.getByLabelText('Preset')).toHaveValue('offshore-cex');
    await openSection(user, /^Perpetual contracts$/);
    const leverage = screen.getByLabelText('Maximum leverage (×)');
    await user.clear(leverage);
    await user.type(leverage, '20');
    expect(app.ruleSets[1].overrides).toEqual({ 'perp.maxLeverage': 20 });
    expect(within(leverage.closest('li')!).getByText('changed')).toBeInTheDocument();
    expect(screen.getByText('1 changed from the preset')).toBeInTheDocument();
    await waitFor(() => expect(run).toHaveBeenCalled());
    await user.click(screen.getByRole('button', { name: 'Reset Maximum leverage (×) to the preset' }));
    expect(app.ruleSets[1].overrides).toEqual({});
    expect(screen.getByLabelText('Maximum leverage (×)')).toHaveValue('125');
  });

  it('switches preset at once, dropping earlier changes', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    app.ruleSets[0].overrides = { 'perp.maxLeverage': 5 };
    const run = vi.spyOn(app, 'run').mockResolvedValue();
    render(RuleSetPanel, { app, i18n: new I18n('en'), index: 0, rerunDelayMs: 10_000 });
    await user.selectOptions(screen.getByLabelText('Preset'), 'eu-esma-retail');
    expect(app.ruleSets[0]).toEqual({ preset: 'eu-esma-retail', overrides: {} });
    expect(run).toHaveBeenCalledOnce();
    expect(screen.getByText(/at most 2:1 leverage/)).toBeInTheDocument();
    expect(screen.getByLabelText('At a glance')).toHaveTextContent('2×');
  });

  it('edits booleans, sets and choices, and accepts a value refused earlier once another makes it fit', async () => {
    const user = userEvent.setup();
    const app = smallApp();
    render(RuleSetPanel, { app, i18n: new I18n('en'), index: 0, rerunDelayMs: 1000 });
    await openSection(user, /^Perpetual contracts$/);
    await user.click(screen.getByLabelText('Negative-balance protection'));
    const who = screen.getByRole('group', { name: 'Who may trade perpetuals' });
    await user.click(within(who).getByLabelText('retail investors'));
    await user.selectOptions(screen.getByLabelText('Funding interval'), '1');
    expect(app.ruleSets[0].overrides).toEqual({
      'perp.negativeBalanceProtection': false,
      'perp.eligibleClasses': ['retail', 'professional'],
      'perp.funding.intervalHours': 1,
    });

    await openSection(user, /^Margin financing$/);
    const call = screen.getByLabelText('Margin call at loan-to-value');
    await user.clear(call);
    await user.type(call, '70');
    expect(
      screen.getByText(
        'LTV thresholds must be in the order: after a forced sale ≤ margin call < forced sale (got [0.4,0.7,0.6])',
      ),
    ).toBeInTheDocument();
    const forced = screen.getByLabelText('Forced sale at loan-to-value');
    await user.clear(forced);
    await user.type(forced, '80');
    expect(screen.queryByText(/LTV thresholds/)).toBeNull();
    expect(app.ruleSets[0].overrides['financing.callLtv']).toBe(0.7);
    expect(app.ruleSets[0].overrides['financing.liquidationLtv']).toBe(0.8);
  });

  it('speaks Traditional Chinese, refusals included', async () => {
    const user = userEvent.setup();
    render(RuleSetPanel, { app: smallApp(), i18n: new I18n('zh-Hant-HK'), index: 1 });
    expect(screen.getByRole('heading', { name: '規則組合 B' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: '香港證監會 2026 年護欄' })).toBeInTheDocument();
    await openSection(user, /^保證金融資$/);
    const btc = screen.getByRole('group', { name: '以 BTC 作抵押' });
    const haircut = within(btc).getByLabelText('扣減率（%）');
    await user.clear(haircut);
    await user.type(haircut, '200');
    expect(screen.getByText('以 BTC 作抵押必須介乎 0 至 1（輸入了 2）')).toBeInTheDocument();
    expect(within(btc.closest('li')!).getByText('已更改')).toBeInTheDocument();
    const eth = screen.getByRole('group', { name: '以 ETH 作抵押' });
    expect(within(eth.closest('li')!).getByText('推算')).toBeInTheDocument();
  });
});
