import { beforeAll, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import FollowTrader from './FollowTrader.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { PERSONAS } from '../../engine/population/population.ts';

// One comparison for the whole file: the default crash, HK SFC 2026 (A) beside the offshore exchange (B).
let app: AppState;
beforeAll(async () => {
  app = new AppState(inProcessEngine());
  app.population = { ...app.population, traders: 30 };
  await app.run();
});

describe('FollowTrader', () => {
  it('shows the retail 20× trader refused perpetuals under HK rules but trading them offshore', () => {
    app.followedTrader = PERSONAS.retailPerp20x;
    app.seek(600);
    render(FollowTrader, { app, i18n: new I18n('en') });
    const [a, b] = app.results!;
    expect(a.summary.personas.retailPerp20x.venue).not.toBe('onshore');
    expect(b.summary.personas.retailPerp20x.venue).toBe('onshore');

    const venueA = screen.getByTestId('venue-A');
    expect(venueA.dataset.venue).not.toBe('onshore');
    expect(venueA).toHaveTextContent('Refused perpetuals: retail investors are excluded.');
    expect(venueA).toHaveTextContent('Buys BTC spot through a broker instead.');
    const venueB = screen.getByTestId('venue-B');
    expect(venueB.dataset.venue).toBe('onshore');
    expect(venueB).toHaveTextContent("Perpetuals on this rule set's exchange.");
    // Side by side: one table, a column per rule set, a row per fact.
    expect(screen.getByRole('columnheader', { name: 'A HK SFC 2026' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'B Offshore exchange' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Where they trade' })).toBeInTheDocument();
  });

  it('keeps the ending until the stage shows it (a class predicts first)', () => {
    app.followedTrader = PERSONAS.retailPerp20x;
    app.endShownFor = null;
    app.seek(600);
    render(FollowTrader, { app, i18n: new I18n('en') });
    expect(screen.queryByTestId('fate-A')).toBeNull();
    expect(screen.queryByTestId('fate-B')).toBeNull();
    expect(screen.getByTestId('fate-hidden')).toHaveTextContent(
      'Shown when the run reaches its end, or with “Show the end” above: predict it first.',
    );
    app.endShownFor = app.results; // the stage's "Show the end", or its playhead reaching the last frame
    flushSync();
    expect(screen.queryByTestId('fate-hidden')).toBeNull();
    expect(screen.getByTestId('fate-B')).toHaveTextContent(/^B B Offshore exchange: Liquidated at/);
  });

  it('tells how it ends in one sentence built from the numbers', () => {
    app.followedTrader = PERSONAS.retailPerp20x;
    app.endShownFor = app.results;
    render(FollowTrader, { app, i18n: new I18n('en') });
    const offshore = app.results![1].summary.personas.retailPerp20x;
    expect(offshore.liquidated).toBe(true);
    const loss = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(-offshore.pnl);
    const fate = screen.getByTestId('fate-B');
    expect(fate).toHaveTextContent(
      /^B B Offshore exchange: Liquidated at \d+ Oct, \d\d:\d\d UTC, with the mark at \$[\d,.]+;/,
    );
    expect(fate).toHaveTextContent(`the run ends with a loss of ${loss}.`);
    const hk = app.results![0].summary.personas.retailPerp20x;
    expect(hk.liquidated).toBe(false);
    expect(screen.getByTestId('fate-A')).toHaveTextContent(
      /Still open at the end of the run, with a (loss|gain) of/,
    );
  });

  it('moves with the playhead: position, equity, margin ratio and the liquidation line at the frame shown', async () => {
    app.followedTrader = PERSONAS.professionalPerp5x;
    app.seek(200);
    render(FollowTrader, { app, i18n: new I18n('en') });
    const trace = app.results![1].traces.find((tr) => tr.trader === PERSONAS.professionalPerp5x)!;
    const usd = (v: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(v);
    expect(screen.getByTestId('equity-B')).toHaveTextContent(usd(trace.columns.equity[200]!));
    expect(screen.getByTestId('liquidation-B')).toHaveTextContent(usd(trace.columns.liquidationPrice[200]!));
    const before = screen.getByTestId('equity-B').textContent;

    app.seek(900);
    flushSync();
    expect(screen.getByTestId('equity-B')).toHaveTextContent(usd(trace.columns.equity[900]!));
    expect(screen.getByTestId('equity-B').textContent).not.toBe(before);
    const gauge = screen.getByRole('meter', { name: 'Margin ratio B' });
    const ratio = trace.columns.marginRatio[900]!;
    expect(gauge).toHaveAttribute('aria-valuenow', String(Math.round(ratio * 100)));
    expect(gauge.getAttribute('aria-valuetext')).toMatch(
      /^\d+\.\d%: maintenance margin as a share of equity/,
    );
    expect(screen.getByTestId('position-B')).toHaveTextContent(/^Long 4\.9693 BTC at \$/);
    const chart = screen.getByRole('img', { name: 'Mark price and liquidation lines' });
    expect(chart.querySelector('path.line.liquidation[data-rule-set="B"]')!.getAttribute('d')).toMatch(/^M/);
  });

  it('shows the margin-financed holder’s loan-to-value against the call and forced-sale levels', async () => {
    app.followedTrader = PERSONAS.marginFinancedBtcHolder;
    app.seek(700);
    render(FollowTrader, { app, i18n: new I18n('en') });
    const gauge = screen.getByTestId('ltv-A');
    expect(gauge).toHaveAttribute('role', 'meter');
    expect(gauge.getAttribute('aria-valuetext')).toMatch(
      /^\d+\.\d%: margin call at 40%, forced sale at 60%\.$/,
    );
    expect(screen.getByTestId('venue-A')).toHaveTextContent('BTC through a broker, on a margin loan.');
  });

  it('picks a trader with the keyboard-operable list and follows one picked from the run', async () => {
    const user = userEvent.setup();
    app.followedTrader = PERSONAS.retailPerp20x;
    render(FollowTrader, { app, i18n: new I18n('en') });
    const list = screen.getByLabelText('Trader');
    await user.selectOptions(list, 'Professional investor at 5×');
    expect(app.followedTrader).toBe(PERSONAS.professionalPerp5x);
    expect(screen.getByText(/A professional investor with US\$250,000/)).toBeInTheDocument();

    await app.followTrader(17);
    flushSync();
    expect(app.follow).toContain(17);
    expect(screen.getByRole('option', { name: 'Trader 17' })).toBeInTheDocument();
    // The panel reads the new results a few tasks after they arrive (a task of its own); their end shown.
    app.endShownFor = app.results;
    await waitFor(() => expect(screen.getByTestId('fate-A')).toBeInTheDocument());
    expect(screen.getByTestId('fate-B')).toBeInTheDocument();
  });

  it('speaks Traditional Chinese', () => {
    app.followedTrader = PERSONAS.retailPerp20x;
    app.endShownFor = app.results;
    render(FollowTrader, { app, i18n: new I18n('zh-Hant-HK') });
    expect(screen.getByRole('heading', { name: '跟蹤一名交易者' })).toBeInTheDocument();
    expect(screen.getByTestId('venue-A')).toHaveTextContent('被拒買賣永續合約');
    expect(screen.getByRole('columnheader', { name: 'A 香港證監會 2026' })).toBeInTheDocument();
    expect(screen.getByTestId('fate-B')).toHaveTextContent(/被強制平倉.+虧損 US\$/);
    expect(screen.getAllByText('強制平倉價格').length).toBeGreaterThan(0);
  });
});
