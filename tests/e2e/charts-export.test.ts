import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, watchPage } from './chromium.ts';

const TITLES = [
  'BTC price: index, mark and traded',
  'Insurance fund',
  'Open interest',
  'Funding rate (BTC)',
  'Equity by investor class',
  'Trader outcomes at the end',
];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/**
 * Scrolls to the charts panel's heading: the whole panel is then within the 800 px the charts are drawn ahead
 * of the viewport. (Not scrollIntoViewIfNeeded figure by figure: it waits for each to be stable, while the
 * panels around it take their drawn size.)
 */
async function showChartsPanel(page: Page): Promise<void> {
  await page.evaluate(() => document.getElementById('charts')?.scrollIntoView());
  await expect
    .poll(() => page.locator('[data-testid="charts-panel"] [data-testid="chart-waiting"]').count(), {
      timeout: 20_000,
    })
    .toBe(0);
}

/**
 * Until the end is shown (issue 18: a class predicts first) the charts are drawn to the playhead and the outcomes
 * at the end are held back: five figures. The stage's "Show the end" shows all six.
 */
async function showTheEnd(page: Page): Promise<void> {
  const figures = page.locator('[data-testid="charts-panel"] figure[data-chart]');
  await expect.poll(() => figures.count(), { timeout: 20_000 }).toBe(5);
  expect(await page.getByTestId('outcomes-hidden').count()).toBe(1);
  await page.getByRole('button', { name: 'Show the end' }).click();
}

/**
 * Waits for the default comparison's charts: six figures, the price chart's lines drawn. The panel's charts are
 * drawn as they come near the viewport, so the page is scrolled through them as a reader would.
 */
async function openCharts(page: Page): Promise<void> {
  await page.goto(inject('rootUrl'));
  await showTheEnd(page);
  const figures = page.locator('[data-testid="charts-panel"] figure[data-chart]');
  await expect.poll(() => figures.count(), { timeout: 20_000 }).toBe(6);
  await showChartsPanel(page);
  await page
    .locator('[data-chart="chart-price"] g.played path[data-series]')
    .first()
    .waitFor({ timeout: 20_000 });
}

describe.skipIf(!chromiumAvailable)('charts and exports in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws six non-empty charts whose playheads follow the frame together', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await openCharts(page);

    const panel = page.getByTestId('charts-panel');
    const figures = panel.getByRole('figure');
    await expect.poll(() => figures.count()).toBe(6);
    for (const [k, title] of TITLES.entries())
      expect(await figures.nth(k).getByRole('heading', { level: 3 }).textContent()).toBe(title);

    // Every line has data: a path of hundreds of points, inside the plot and not a flat zero-length stroke.
    const lines = await page.$$eval('[data-testid="charts-panel"] g.played path[data-series]', (paths) =>
      paths.map((path) => {
        const box = (path as SVGPathElement).getBBox();
        return { points: (path.getAttribute('d') ?? '').split('L').length, width: box.width };
      }),
    );
    expect(lines.length).toBe(5 + 2 + 2 + 2 + 4);
    for (const line of lines) {
      expect(line.points).toBeGreaterThan(100);
      expect(line.width).toBeGreaterThan(200);
    }
    expect(await page.locator('[data-chart="chart-outcomes"] rect[data-rule-set]').count()).toBeGreaterThan(
      3,
    );
    // A canvas layer, where a series is long enough to get one, has pixels drawn on it.
    const blankCanvases = await page.$$eval(
      '[data-testid="charts-panel"] canvas',
      (canvases) =>
        (canvases as HTMLCanvasElement[]).filter((canvas) => {
          const context = canvas.getContext('2d');
          if (!context) return true;
          const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
          return !data.some((value, i) => i % 4 === 3 && value > 0);
        }).length,
    );
    expect(blankCanvases).toBe(0);

    const price = page.locator('[data-chart="chart-price"]');
    const slider = price.getByRole('slider');
    const playheadX = () => price.getByTestId('playhead').getAttribute('x1').then(Number);
    const x0 = await playheadX();
    await page.screenshot({ path: 'test-results/charts-start.png', fullPage: true });

    // Click three quarters of the way along the price chart: the playhead jumps there.
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
    const x1 = await playheadX();
    expect(x1).toBeGreaterThan(x0 + box.width * 0.5);
    const frame = Number(await slider.getAttribute('aria-valuenow'));
    expect(frame).toBeGreaterThan(0);
    // Keyboard: one frame on.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe(String(frame + 1));
    expect(await playheadX()).toBeGreaterThan(x1);
    // Every time chart shows the same frame.
    const frames = await page.$$eval('[data-testid="charts-panel"] [role="slider"]', (sliders) =>
      sliders.map((s) => s.getAttribute('aria-valuenow')),
    );
    expect(new Set(frames)).toEqual(new Set([String(frame + 1)]));

    // The playback bar's scrubber moves every playhead too.
    const scrubber = page.locator('#playback-scrubber');
    if ((await scrubber.count()) > 0) {
      await scrubber.focus();
      await page.keyboard.press('End');
      await expect
        .poll(() => slider.getAttribute('aria-valuenow'))
        .toBe(await slider.getAttribute('aria-valuemax'));
      expect(await playheadX()).toBeCloseTo(box.width - 14, 0);
      await page.keyboard.press('Home');
      await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('0');
      expect(await playheadX()).toBeCloseTo(x0, 0);
      await scrubber.fill(String(Math.round(frame / 2)));
      await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe(String(Math.round(frame / 2)));
    }

    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    await price.screenshot({ path: 'test-results/charts-price.png' });
    await page.locator('[data-chart="chart-equity"]').screenshot({ path: 'test-results/charts-equity.png' });
    await page
      .locator('[data-chart="chart-outcomes"]')
      .screenshot({ path: 'test-results/charts-outcomes.png' });
    await page.getByTestId('charts-panel').screenshot({ path: 'test-results/charts-panel.png' });

    // The data table opens under the chart.
    await price.getByRole('button', { name: 'Show data table' }).click();
    const rows = await price.getByRole('table').getByRole('row').count();
    expect(rows).toBeGreaterThan(20);
    expect(rows).toBeLessThanOrEqual(201);
    await price.screenshot({ path: 'test-results/charts-price-table.png' });

    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('downloads CSV and JSON of the run that parse back', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await openCharts(page);
    const frames =
      1 +
      Number(await page.locator('[data-chart="chart-price"] [role="slider"]').getAttribute('aria-valuemax'));
    const panel = page.getByTestId('export-panel');

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^leverage-lab_2025-10-tariff-crash_.+\.csv$/);
    const csv = (await saved(csvDownload)).toString('utf8').trimEnd().split('\r\n');
    const header = csv[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['rule_set', 'regime', 'minute', 'btcIndex']);
    expect(csv).toHaveLength(1 + 2 * frames);
    expect(csv.filter((line) => line.startsWith('A,'))).toHaveLength(frames);
    expect(csv.filter((line) => line.startsWith('B,'))).toHaveLength(frames);
    const firstRow = csv[1]!.split(',');
    expect(firstRow).toHaveLength(header.length);
    expect(Number(firstRow[header.indexOf('btcIndex')])).toBe(122_000);

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
    const run = JSON.parse((await saved(jsonDownload)).toString('utf8'));
    expect(run.runs).toHaveLength(2);
    expect(run.runs.map((r: { ruleSet: string }) => r.ruleSet)).toEqual(['A', 'B']);
    for (const r of run.runs) {
      expect(r.summary.scenario).toBe('2025-10-tariff-crash');
      expect(r.summary.traders).toBe(r.config.population.traders);
      expect(r.frames.minute).toHaveLength(frames);
      expect(Array.isArray(r.events)).toBe(true);
    }
    expect(run.runs[0].summary.regime).toBe('hk-sfc-2026');
    expect(run.runs[1].summary.regime).toBe('offshore-cex');
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('downloads each chart as a real PNG and as SVG', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await openCharts(page);
    for (const chart of ['chart-price', 'chart-equity', 'chart-outcomes']) {
      const figure = page.locator(`[data-chart="${chart}"]`);
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        figure.getByRole('button', { name: /^Download PNG image/ }).click(),
      ]);
      expect(png.suggestedFilename()).toMatch(/\.png$/);
      const bytes = await saved(png);
      expect([...bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
      // IHDR: width and height of the image, drawn at twice the chart's size plus a 12 px margin.
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      const box = (await figure.locator('.body').boundingBox())!;
      expect(width).toBe(2 * (Math.ceil(box.width) + 24));
      expect(height).toBeGreaterThan(2 * box.height);
      await png.saveAs(`test-results/charts-export-${chart}.png`);
    }

    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('[data-chart="chart-price"]')
        .getByRole('button', { name: /^Download SVG image/ })
        .click(),
    ]);
    const text = (await saved(svg)).toString('utf8');
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text).toContain('BTC price: index, mark and traded');
    expect(text).toMatch(/<path [^>]*d="M[\d.]+,[\d.]+L/);
    // Styles are inline: the file draws the same without the page's stylesheet.
    expect(text).toContain('stroke:');
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('draws the panel’s charts only near the viewport, and a download draws a chart not drawn yet', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await page.goto(inject('rootUrl'));
    await showTheEnd(page);
    const figures = page.locator('[data-testid="charts-panel"] figure[data-chart]');
    await expect.poll(() => figures.count(), { timeout: 20_000 }).toBe(6);
    // At the top of the page, the panel (below the stage, the lessons, the traders and the feed) is far away:
    // its figures have their headings and descriptions, and an empty frame of the chart's height.
    const waiting = page.locator('[data-testid="charts-panel"] [data-testid="chart-waiting"]');
    expect(await waiting.count()).toBe(6);
    expect(await page.locator('[data-testid="charts-panel"] svg').count()).toBe(0);
    // A download of a chart not drawn yet (the click sent without scrolling) draws it first.
    const outcomes = page.locator('[data-chart="chart-outcomes"]');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      outcomes.getByRole('button', { name: /^Download SVG image/ }).dispatchEvent('click'),
    ]);
    const text = (await saved(svg)).toString('utf8');
    expect(text).toContain('Trader outcomes at the end');
    expect(text.match(/data-rule-set/g)?.length ?? 0).toBeGreaterThan(3);
    // Scrolled to, the others are drawn.
    await showChartsPanel(page);
    await expect
      .poll(() => page.locator('[data-chart="chart-price"] g.played path[data-series]').count())
      .toBe(5);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('labels the charts in Traditional Chinese', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openCharts(page);
    await page.getByLabel('Language').selectOption('zh-Hant-HK');
    await expect.poll(() => page.locator('[data-chart="chart-fund"] h3').textContent()).toBe('保險基金');
    await page.getByTestId('charts-panel').screenshot({ path: 'test-results/charts-panel-zh-hant-hk.png' });
    await page.close();
  });
});
