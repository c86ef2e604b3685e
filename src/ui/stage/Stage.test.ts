/**
 * The stage shows what has happened so far (issue 18: "a class can predict first"): before the end is shown, the
 * market chart draws the prices, and marks the liquidations and ADL, only up to the playhead; at the end, all.
 */
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Stage from './Stage.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { priceMarkers } from '../charts/chart-data.ts';

describe('the stage chart', () => {
  it('marks only the liquidations up to the playhead until the end is shown', async () => {
    const app = new AppState(inProcessEngine());
    app.scenario = 'synthetic-flash-crash';
    app.days = 0.25;
    app.population.traders = 30;
    await app.run();
    // Liquidations are drawn as circles (ADL as triangles).
    const markers = priceMarkers(app.results!).filter((m) => m.kind === 'liquidation');
    const first = Math.min(...markers.map((m) => m.minute));
    expect(markers.length).toBeGreaterThan(1);
    render(Stage, { app, i18n: new I18n('en'), onsettings: () => {}, settingsOpen: false });
    const shapes = () => screen.getByTestId('stage-chart').querySelectorAll('g.played circle');
    const minutes = app.results![0].frames.minute;

    app.frame = 0;
    flushSync();
    expect(shapes().length).toBe(0);

    // Just past the first marked minute: only the markers up to there.
    app.frame = minutes.findIndex((m) => m >= first);
    flushSync();
    const upTo = markers.filter((m) => m.minute <= minutes[app.frame]!).length;
    expect(upTo).toBeLessThan(markers.length);
    expect(shapes().length).toBe(upTo);

    app.frame = app.frameCount - 1;
    flushSync();
    expect(shapes().length).toBe(markers.length);
  });

  it('draws the prices only up to the playhead until the end is shown', async () => {
    const app = new AppState(inProcessEngine());
    app.scenario = 'synthetic-flash-crash';
    app.days = 0.25;
    app.population.traders = 30;
    await app.run();
    render(Stage, { app, i18n: new I18n('en'), onsettings: () => {}, settingsOpen: false });
    const chart = screen.getByTestId('stage-chart');
    const playheadX = () => Number(chart.querySelector('[data-testid="playhead"]')!.getAttribute('x1'));
    /** The rightmost point of any price line drawn, faint or strong. */
    const rightmost = () =>
      Math.max(
        ...[...chart.querySelectorAll('path[data-series]')].flatMap((path) =>
          [...(path.getAttribute('d') ?? '').matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1])),
        ),
      );
    const lineCount = () => chart.querySelectorAll('path[data-series]').length;

    app.frame = 0;
    flushSync();
    expect(lineCount()).toBeGreaterThan(0);
    expect(rightmost()).toBeLessThanOrEqual(playheadX() + 0.5);

    app.frame = Math.floor(app.frameCount / 3);
    flushSync();
    expect(rightmost()).toBeGreaterThan(playheadX() - 5);
    expect(rightmost()).toBeLessThanOrEqual(playheadX() + 0.5);

    // At the end the whole run is drawn, to the right edge of the plot.
    app.frame = app.frameCount - 1;
    flushSync();
    expect(rightmost()).toBeCloseTo(playheadX(), 0);
    app.frame = Math.floor(app.frameCount / 3);
    flushSync();
    expect(rightmost()).toBeGreaterThan(playheadX() + 100);
  });
});

describe('the stage chart in words', () => {
  it(
    'describes and tables what has happened so far, and all of it once the end is shown',
    { timeout: 20_000 },
    async () => {
      const app = new AppState(inProcessEngine());
      app.scenario = 'synthetic-flash-crash';
      app.days = 0.25;
      app.population.traders = 30;
      await app.run();
      const user = userEvent.setup();
      render(Stage, { app, i18n: new I18n('en'), onsettings: () => {}, settingsOpen: false });
      const figure = () =>
        screen.getByRole('figure', { name: "BTC price: index and each rule set's traded price" });
      const description = () => figure().getAttribute('aria-describedby')!;
      const words = () => document.getElementById(description())!.textContent!;
      const index = app.results![0].frames.btcIndex;
      const minutes = app.results![0].frames.minute;
      const low = Math.min(...index);
      const lowAt = index.indexOf(low);
      expect(lowAt).toBeGreaterThan(1);

      app.frame = 0;
      flushSync();
      expect(words()).toMatch(/^At .* the BTC index price stands at \$[\d,]+; nothing has moved yet/);
      // The day's low is not given away before it happens.
      const lowText = `$${Math.round(low).toLocaleString('en')}`;
      expect(words()).not.toContain(lowText);

      await user.click(within(figure()).getByRole('button', { name: 'Show data table' }));
      const rows = () => within(figure()).getAllByRole('row').slice(1);
      expect(rows()).toHaveLength(1);

      app.frame = lowAt + 5;
      flushSync();
      expect(words()).toMatch(/^So far, to .*, the BTC index price fell from/);
      expect(words()).toContain(lowText);
      expect(rows()).toHaveLength(Math.min(200, lowAt + 6));
      // The table's last row is the playhead's minute, no later.
      const lastTime = rows().at(-1)!.querySelector('th')!.textContent;
      expect(screen.getByTestId('time-chart').getAttribute('aria-valuetext')).toContain(`${lastTime}:`);

      app.frame = app.frameCount - 1;
      flushSync();
      expect(words()).toMatch(/^The BTC index price fell from .* and ended at/);
      // The whole run, thinned to at most 200 rows, up to the last minute.
      expect(rows().length).toBeGreaterThan(lowAt + 6);
      expect(rows().length).toBeLessThanOrEqual(200);
      const endTime = rows().at(-1)!.querySelector('th')!.textContent;
      expect(screen.getByTestId('time-chart').getAttribute('aria-valuetext')).toContain(`${endTime}:`);
      expect(minutes.length).toBe(app.frameCount);
    },
  );

  it('speaks Traditional Chinese', async () => {
    const app = new AppState(inProcessEngine());
    app.scenario = 'synthetic-flash-crash';
    app.days = 0.25;
    app.population.traders = 30;
    await app.run();
    render(Stage, { app, i18n: new I18n('zh-Hant-HK'), onsettings: () => {}, settingsOpen: false });
    app.frame = 0;
    flushSync();
    const figure = screen.getByRole('figure', { name: 'BTC 價格：指數及各規則組合的成交價' });
    expect(document.getElementById(figure.getAttribute('aria-describedby')!)!.textContent).toMatch(
      /BTC 指數價格為 .*尚未有任何變動/,
    );
    expect(within(figure).getByRole('button', { name: '顯示數據表' })).toBeInTheDocument();
  });
});
