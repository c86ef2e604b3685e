/**
 * The stage shows what has happened so far (issue 18: "a class can predict first"): before the end is shown, the
 * market chart marks only the liquidations and ADL up to the playhead; at the end it marks them all.
 */
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen } from '@testing-library/svelte';
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
    // Liquidations are drawn as circles (ADL as triangles), once in the chart's faint layer.
    const markers = priceMarkers(app.results!).filter((m) => m.kind === 'liquidation');
    const first = Math.min(...markers.map((m) => m.minute));
    expect(markers.length).toBeGreaterThan(1);
    render(Stage, { app, i18n: new I18n('en'), onsettings: () => {}, settingsOpen: false });
    const shapes = () => screen.getByTestId('stage-chart').querySelectorAll('g.future circle');
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
});
