import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import TimeChart from './TimeChart.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { chartFormats, clock } from './chart-format.ts';
import { insuranceFundSeries, priceMarkers, priceSeries, type ChartContext } from './chart-data.ts';

const i18n = new I18n('en');
const formats = chartFormats('en');
const context: ChartContext = {
  t: i18n.t,
  formats,
  clock: clock('en', '2025-10-10T12:00:00Z', { day: (d) => `day ${d}`, dayTime: (d, t) => `day ${d}, ${t}` }),
};

describe('TimeChart', () => {
  let app: AppState;
  beforeAll(async () => {
    app = new AppState(inProcessEngine());
    app.population = { ...app.population, traders: 30 };
    await app.run();
  });
  afterEach(() => {
    app.pause();
    app.seek(0);
    vi.restoreAllMocks();
  });

  const renderPrice = () => {
    const results = app.results!;
    return render(TimeChart, {
      app,
      i18n,
      label: 'BTC price',
      minutes: results[0].frames.minute,
      series: priceSeries(context, results),
      markers: priceMarkers(results),
      yLabel: 'Price (USD)',
      tick: formats.money,
      clock: context.clock,
    });
  };

  it('draws a flat series at 0 within its flat span (a funding rate before its first settlement: not ±100%)', () => {
    const minutes = app.results![0].frames.minute;
    const flat = (flatSpan?: number) =>
      render(TimeChart, {
        app,
        i18n,
        label: 'Funding rate',
        minutes,
        series: [
          {
            id: 'a',
            label: 'A',
            values: new Float64Array(minutes.length),
            colour: '#000',
            format: formats.rate,
          },
        ],
        yLabel: 'Rate',
        tick: formats.rate,
        clock: context.clock,
        zero: true,
        ...(flatSpan === undefined ? {} : { flatSpan }),
      });
    const labels = (container: HTMLElement) =>
      [...container.querySelectorAll('text')].map((t) => t.textContent ?? '').filter((t) => t.endsWith('%'));
    const narrow = flat(0.001);
    expect(labels(narrow.container)).toContain('0.1000%');
    expect(labels(narrow.container).some((l) => l.includes('100.0000%'))).toBe(false);
    narrow.unmount();
    expect(labels(flat().container)).toContain('100.0000%');
  });

  it('draws one decimated path per series, the axis title and time ticks', () => {
    const { container } = renderPrice();
    const paths = container.querySelectorAll('g.played path[data-series]');
    expect(paths).toHaveLength(5);
    for (const path of paths) {
      const d = path.getAttribute('d') ?? '';
      expect(d.startsWith('M')).toBe(true);
      // 1,441 frames, 640 px wide: at most one min-max pair per pixel column.
      expect(d.split('L').length).toBeLessThanOrEqual(2 * 640 + 2);
    }
    expect(screen.getByText('Price (USD)')).toBeInTheDocument();
    expect(screen.getAllByText(/^\d\d:\d\d$|^\d+ Oct$/).length).toBeGreaterThan(2);
  });

  it('moves the playhead with app.frame and reads the values out at it', () => {
    const { container } = renderPrice();
    const playhead = screen.getByTestId('playhead');
    const slider = screen.getByRole('slider', { name: 'BTC price: time' });
    const x0 = Number(playhead.getAttribute('x1'));
    expect(slider).toHaveAttribute('aria-valuenow', '0');
    expect(slider.getAttribute('aria-valuetext')).toMatch(/^10 Oct 12:00 UTC: Index price \$122,000/);
    app.seek(720);
    flushSync();
    const x1 = Number(playhead.getAttribute('x1'));
    expect(x1).toBeGreaterThan(x0);
    expect(slider).toHaveAttribute('aria-valuenow', '720');
    expect(slider.getAttribute('aria-valuetext')).toContain('11 Oct 00:00 UTC');
    // The played part is clipped at the playhead.
    expect(Number(container.querySelector('clipPath rect')!.getAttribute('width'))).toBeCloseTo(x1);
  });

  it('seeks with the arrow, Page, Home and End keys', async () => {
    const user = userEvent.setup();
    renderPrice();
    const slider = screen.getByRole('slider');
    slider.focus();
    await user.keyboard('{ArrowRight}');
    expect(app.frame).toBe(1);
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(app.frame).toBe(11);
    await user.keyboard('{ArrowLeft}');
    expect(app.frame).toBe(10);
    await user.keyboard('{End}');
    expect(app.frame).toBe(app.frameCount - 1);
    await user.keyboard('{PageDown}');
    expect(app.frame).toBe(app.frameCount - 1 - Math.round(app.frameCount / 10));
    await user.keyboard('{Home}');
    expect(app.frame).toBe(0);
  });

  it('does not let the app-wide shortcuts see the arrow keys it handled', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    window.addEventListener('keydown', seen);
    renderPrice();
    screen.getByRole('slider').focus();
    await user.keyboard('{ArrowRight}');
    window.removeEventListener('keydown', seen);
    expect(seen).not.toHaveBeenCalled();
  });

  it('seeks to the frame under a click', async () => {
    renderPrice();
    const slider = screen.getByRole('slider');
    // jsdom lays nothing out (the plot's box starts at 0, the chart is drawn 640 px wide) and has no
    // PointerEvent: a MouseEvent of the same type carries the coordinates.
    await fireEvent(slider, new MouseEvent('pointerdown', { clientX: 630, button: 0, bubbles: true }));
    expect(app.frame).toBeGreaterThan(app.frameCount * 0.9);
  });

  it('marks liquidations where the rule set had them: x from the minute, y from the price', () => {
    const results = app.results!;
    const markers = priceMarkers(results).filter((m) => m.kind === 'liquidation');
    const minutes = results[0].frames.minute;
    const { container } = render(TimeChart, {
      app,
      i18n,
      label: 'BTC price',
      minutes,
      series: priceSeries(context, results),
      markers: priceMarkers(results),
      yLabel: 'Price (USD)',
      tick: (v: number) => String(v), // exact tick labels, so that the y axis can be read back
      clock: context.clock,
    });
    // The scales as the axes draw them: the baseline runs from the first minute to the last, and each grid
    // line sits at the height of the value its label gives.
    const base = container.querySelector('g.x-axis line.baseline')!;
    const [x0, x1] = [Number(base.getAttribute('x1')), Number(base.getAttribute('x2'))];
    const xOf = (minute: number) =>
      x0 + ((minute - minutes[0]!) / (minutes[minutes.length - 1]! - minutes[0]!)) * (x1 - x0);
    const grid = [...container.querySelectorAll('g.grid text')].map((t) => ({
      value: Number(t.textContent),
      px: Number(t.getAttribute('y')),
    }));
    expect(grid.length).toBeGreaterThanOrEqual(2);
    const [g0, g1] = [grid[0]!, grid[grid.length - 1]!];
    const yOf = (value: number) => g0.px + ((value - g0.value) / (g1.value - g0.value)) * (g1.px - g0.px);

    const shapes = [...container.querySelectorAll('g.played circle')].map((c) => ({
      cx: Number(c.getAttribute('cx')),
      cy: Number(c.getAttribute('cy')),
      ruleSet: c.getAttribute('fill') === c.getAttribute('stroke') ? 0 : 1, // rule set B is hollow
    }));
    expect(shapes.length).toBeGreaterThan(0);
    expect(shapes.length).toBeLessThanOrEqual(markers.length);
    const near = (a: { cx: number; cy: number }, m: (typeof markers)[number], px: number) =>
      Math.abs(a.cx - xOf(m.minute)) <= px && Math.abs(a.cy - yOf(m.value)) <= px;
    // Every shape stands exactly on a liquidation of its rule set; every liquidation has a shape within the
    // 4-pixel cell that merges a cascade.
    for (const shape of shapes)
      expect(
        markers.some((m) => m.ruleSet === shape.ruleSet && near(shape, m, 1e-6)),
        JSON.stringify(shape),
      ).toBe(true);
    for (const m of markers)
      expect(
        shapes.some((shape) => shape.ruleSet === m.ruleSet && near(shape, m, 4)),
        JSON.stringify(m),
      ).toBe(true);
  });

  it('draws a long series on a canvas (and survives a missing 2D context)', () => {
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const n = 5_000;
    const minutes = Float64Array.from({ length: n }, (_, i) => i);
    const values = Float64Array.from(minutes, (m) => 100 + Math.sin(m / 100));
    const results = app.results!;
    const series = insuranceFundSeries(context, results).map((s) => ({ ...s, values }));
    const { container } = render(TimeChart, {
      app,
      i18n,
      label: 'Long',
      minutes,
      series,
      yLabel: 'USD',
      tick: formats.money,
      clock: context.clock,
    });
    expect(container.querySelectorAll('canvas')).toHaveLength(2);
    expect(container.querySelectorAll('path[data-series]')).toHaveLength(0);
    expect(getContext).toHaveBeenCalled();
  });
});
