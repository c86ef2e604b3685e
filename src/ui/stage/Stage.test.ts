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

describe('the stage chart’s market', () => {
  /** HK SFC 2026 (no ALT perpetual) beside the offshore exchange on 10 Oct 2025, 60 traders. */
  async function hkBesideOffshore() {
    const app = new AppState(inProcessEngine());
    app.population.traders = 60;
    await app.run();
    render(Stage, { app, i18n: new I18n('en'), onsettings: () => {}, settingsOpen: false });
    app.frame = app.frameCount - 1;
    flushSync();
    return app;
  }
  const chart = () => screen.getByTestId('stage-chart');
  const lines = () =>
    [...chart().querySelectorAll('g.played path[data-series]')].map((p) => p.getAttribute('data-series'));
  const circles = () => [...chart().querySelectorAll('g.played circle')];
  const notes = () =>
    within(chart())
      .queryAllByTestId('legend-note')
      .map((n) => n.textContent);
  const words = () => {
    const figure = within(chart()).getByRole('figure');
    return document.getElementById(figure.getAttribute('aria-describedby')!)!.textContent!;
  };
  const onshoreEvents = (app: AppState, r: 0 | 1, market: string) =>
    app.results![r].events.filter(
      (e) => e.venue === 'onshore' && e.type === 'liquidation' && e.market === market,
    );

  it(
    'switches to ALT: the offshore ALT traded line, "not listed" for HK, and only ALT’s markers',
    { timeout: 20_000 },
    async () => {
      const app = await hkBesideOffshore();
      const user = userEvent.setup();
      const group = screen.getByRole('radiogroup', { name: 'Market' });
      expect(within(group).getByRole('radio', { name: 'BTC' })).toBeChecked();
      expect(lines()).toEqual(['index', 'traded-A', 'traded-B']);
      expect(notes()).toEqual([]);
      const btcLiquidations = onshoreEvents(app, 1, 'BTC');
      const altLiquidations = onshoreEvents(app, 1, 'ALT');
      // The offshore venue liquidates in both markets; HK lists no ALT, so it has none there.
      expect(btcLiquidations.length).toBeGreaterThan(altLiquidations.length);
      expect(altLiquidations.length).toBeGreaterThan(0);
      expect(onshoreEvents(app, 0, 'ALT')).toEqual([]);
      expect(new Set(altLiquidations.map((e) => e.step)).size).toBe(altLiquidations.length);

      await user.click(within(group).getByRole('radio', { name: 'ALT' }));
      expect(app.market).toBe('ALT');
      // B's traded ALT price; no line for A, whose frames hold the ALT index (no flat or made-up line).
      expect(lines()).toEqual(['index', 'traded-B']);
      const frame = app.frameCount - 1;
      const { altTraded, altIndex } = app.results![1].frames;
      const valueText = screen.getByTestId('time-chart').getAttribute('aria-valuetext')!;
      const price = (v: number) =>
        `$${v.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
      expect(valueText).toContain(`B traded price ${price(altTraded[frame]!)}`);
      expect(valueText).toContain(`Index price ${price(altIndex[frame]!)}`);
      expect(valueText).not.toContain('A traded price');
      expect(notes()).toEqual(['A (HK SFC 2026): ALT not listed']);
      // The legend keys B's liquidations only: A has no ALT line, so no ALT markers either.
      expect(within(chart()).queryByText('A liquidation')).toBeNull();
      expect(within(chart()).getByText('B liquidation')).toBeInTheDocument();
      // The y axis names the market.
      expect(within(chart()).getByText('ALT price (USD)')).toBeInTheDocument();
      // Only ALT's liquidations are marked, at ALT's prices: one circle each (none share a minute).
      expect(circles()).toHaveLength(altLiquidations.length);
      const ticks = [...chart().querySelectorAll('g.grid text')].map((n) => n.textContent!);
      for (const tick of ticks) expect(Number(tick.replace(/[$,]/g, ''))).toBeLessThan(1_000);
      // In words: the figure's name and description name ALT, and say A has no line.
      expect(within(chart()).getByRole('figure', { name: /^ALT price: index and each/ })).toBeInTheDocument();
      expect(words()).toMatch(/^The ALT index price fell from \$100\.00/);
      expect(words()).toContain('rule set A: it does not list the ALT perpetual, so no line is drawn for it');
      expect(words()).toContain(`Liquidation events on ALT`);
      expect(words()).not.toMatch(/NaN|\{/);

      // Back to BTC: both lines, BTC's markers.
      await user.click(within(group).getByRole('radio', { name: 'BTC' }));
      expect(lines()).toEqual(['index', 'traded-A', 'traded-B']);
      expect(notes()).toEqual([]);
      expect(circles().length).toBeGreaterThan(altLiquidations.length);
    },
  );

  it('marks ALT’s liquidations only up to the playhead until the end is shown', async () => {
    const app = new AppState(inProcessEngine());
    app.population.traders = 60;
    app.market = 'ALT';
    await app.run();
    render(Stage, { app, i18n: new I18n('en'), onsettings: () => {}, settingsOpen: false });
    app.frame = 0;
    flushSync();
    const minutes = app.results![0].frames.minute;
    const alt = onshoreEvents(app, 1, 'ALT');
    const first = Math.min(...alt.map((e) => e.step));
    expect(circles()).toHaveLength(0);
    app.frame = minutes.findIndex((m) => m >= first);
    flushSync();
    const upTo = alt.filter((e) => e.step <= minutes[app.frame]!).length;
    expect(upTo).toBeLessThan(alt.length);
    expect(circles()).toHaveLength(upTo);
    app.frame = app.frameCount - 1;
    flushSync();
    expect(circles()).toHaveLength(alt.length);
  });

  it('is ETH’s on the offshore and the HK venue alike (both list ETH)', async () => {
    const app = await hkBesideOffshore();
    app.market = 'ETH';
    flushSync();
    expect(lines()).toEqual(['index', 'traded-A', 'traded-B']);
    expect(notes()).toEqual([]);
    expect(words()).toMatch(/^The ETH index price fell/);
    expect(circles()).toHaveLength(onshoreEvents(app, 1, 'ETH').length + onshoreEvents(app, 0, 'ETH').length);
  });
});
