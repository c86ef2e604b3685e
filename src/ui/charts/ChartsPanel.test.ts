import { beforeAll, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ChartsPanel from './ChartsPanel.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';

const TITLES = [
  'BTC price: index, mark and traded',
  'Insurance fund',
  'Open interest',
  'Funding rate (BTC)',
  'Equity by investor class',
  'Trader outcomes at the end',
];

describe('ChartsPanel', () => {
  let app: AppState;
  beforeAll(async () => {
    app = new AppState(inProcessEngine());
    app.population = { ...app.population, traders: 30 };
    await app.run();
  });

  it('waits for a run, then shows six charts with titles, descriptions and lines', async () => {
    const fresh = new AppState(inProcessEngine());
    fresh.population = { ...fresh.population, traders: 30 };
    const { container } = render(ChartsPanel, { app: fresh, i18n: new I18n('en') });
    expect(screen.getByText('The charts appear when the run has finished.')).toBeInTheDocument();
    expect(screen.queryAllByRole('figure')).toHaveLength(0);
    await fresh.run();
    // The charts follow the results one task later (Lagging), after the outcome card. The end is not shown yet
    // (issue 18: a class predicts first): five time charts drawn to the playhead, the outcomes held back.
    const before = await screen.findAllByRole('figure');
    expect(screen.queryByText('The charts appear when the run has finished.')).toBeNull();
    expect(before.map((f) => within(f).getByRole('heading', { level: 3 }).textContent)).toEqual(
      TITLES.slice(0, 5),
    );
    expect(screen.getByTestId('outcomes-hidden')).toHaveTextContent(
      'Each trader’s outcome at the end of the run: shown when the run reaches its end, or with “Show the end” above.',
    );
    expect(
      screen.getByText(/^At 10 Oct 12:00 UTC the BTC index price stands at \$122,000; nothing has moved yet/),
    ).toBeInTheDocument();
    fresh.endShownFor = fresh.results; // the stage's "Show the end"
    flushSync();
    const figures = screen.getAllByRole('figure');
    expect(screen.queryByTestId('outcomes-hidden')).toBeNull();
    expect(figures.map((f) => within(f).getByRole('heading', { level: 3 }).textContent)).toEqual(TITLES);
    figures.forEach((figure, k) => {
      const description = figure.getAttribute('aria-describedby') ?? '';
      expect(
        container.querySelector(`[id="${description.split(' ')[0]}"]`)?.textContent?.trim(),
      ).toBeTruthy();
      // Five time charts draw lines; the last is the outcome histogram, drawn as bars.
      if (k < 5) {
        const lines = [...figure.querySelectorAll('path[data-series]')];
        expect(lines.length, TITLES[k]).toBeGreaterThan(0);
        for (const line of lines) expect((line.getAttribute('d') ?? '').length).toBeGreaterThan(20);
      } else expect(figure.querySelectorAll('rect[data-rule-set]').length).toBeGreaterThan(0);
    });
  });

  it('tells only what has happened until the end is shown: lines, words and tables up to the playhead', async () => {
    const user = userEvent.setup();
    app.endShownFor = null;
    app.seek(600);
    const { container } = render(ChartsPanel, { app, i18n: new I18n('en') });
    expect(screen.getAllByRole('figure')).toHaveLength(5);
    // Nothing drawn past the playhead (TimeChart's future hidden, as on the stage).
    expect(container.querySelectorAll('g.future')).toHaveLength(0);
    expect(
      screen.getByText(
        /^So far, to 10 Oct 22:00 UTC, the BTC index price fell from \$122,000 to a low of \$104,900/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^So far, to 10 Oct 22:00 UTC, the insurance fund went from/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^So far, to 10 Oct 22:00 UTC, open interest peaked at/)).toBeInTheDocument();
    expect(screen.getByText(/^So far, to 10 Oct 22:00 UTC, the BTC funding rate/)).toBeInTheDocument();
    expect(
      screen.getByText(/^So far, to 10 Oct 22:00 UTC, retail investors' equity went from/),
    ).toBeInTheDocument();
    const fund = screen.getByRole('figure', { name: TITLES[1] });
    await user.click(within(fund).getByRole('button', { name: 'Show data table' }));
    expect(within(fund).getByRole('table').querySelector('caption')).toHaveTextContent(/of 601 points/);
    expect(screen.queryByText(/NaN|undefined/)).toBeNull();
    app.seek(0);
  });

  it('renders the six charts of a small run', () => {
    app.endShownFor = app.results;
    const { container } = render(ChartsPanel, { app, i18n: new I18n('en') });
    const figures = screen.getAllByRole('figure');
    expect(figures).toHaveLength(6);
    figures.forEach((figure, k) => {
      expect(within(figure).getByRole('heading', { level: 3 })).toHaveTextContent(TITLES[k]!);
      expect(figure.getAttribute('aria-describedby')).toBeTruthy();
      expect(within(figure).getByRole('button', { name: 'Show data table' })).toBeInTheDocument();
    });
    // Five time charts (equity has one per investor class) and the histogram.
    expect(screen.getAllByRole('slider')).toHaveLength(6);
    for (const path of container.querySelectorAll('g.played path[data-series]'))
      expect((path.getAttribute('d') ?? '').length).toBeGreaterThan(20);
    expect(container.querySelectorAll('[data-panel] rect[data-rule-set]').length).toBeGreaterThan(0);
    expect(
      screen.getByText(/^The BTC index price fell from \$122,000 to a low of \$104,900/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/NaN|undefined/)).toBeNull();
  });

  it('moves every playhead together with the app frame', () => {
    render(ChartsPanel, { app, i18n: new I18n('en') });
    app.seek(600);
    flushSync();
    for (const slider of screen.getAllByRole('slider').slice(0, 5))
      expect(slider).toHaveAttribute('aria-valuenow', '600');
    app.seek(0);
    flushSync();
  });

  it('opens a data table of at most 200 rows', async () => {
    const user = userEvent.setup();
    app.endShownFor = app.results;
    render(ChartsPanel, { app, i18n: new I18n('en') });
    const price = screen.getByRole('figure', { name: TITLES[0] });
    await user.click(within(price).getByRole('button', { name: 'Show data table' }));
    const table = within(price).getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows.length - 1).toBeLessThanOrEqual(200);
    expect(rows.length - 1).toBeGreaterThan(20);
    expect(table.querySelector('caption')).toHaveTextContent(/of 1,441 points/);
  });

  it('speaks Traditional Chinese', () => {
    render(ChartsPanel, { app, i18n: new I18n('zh-Hant-HK') });
    for (const title of ['保險基金', '未平倉合約', '資金費率（BTC）', '按投資者類別劃分的權益'])
      expect(screen.getByRole('heading', { name: title })).toBeInTheDocument();
    expect(screen.getAllByText('指數價格').length).toBeGreaterThan(0);
  });
});
