/**
 * Accessibility in Chromium: axe-core (injected from node_modules) on the default view, a lesson (its question
 * and its revealed answer) and presentation mode, in English and in Traditional Chinese, must find no serious
 * or critical violation. Also: the landmarks and the skip link, and reduced motion. Every violation axe
 * reports, whatever its impact, is written to test-results/axe-results.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, watchPage, unfoldEverything } from './chromium.ts';

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Every axe result by view, for the report. */
const measured: Record<string, AxeSummary> = {};

/** Violations in full; rules passed, counted; rules axe could not decide alone ("needs review"), named. */
interface AxeSummary {
  violations: Violation[];
  passes: number;
  incomplete: string[];
}

async function runAxe(page: Page): Promise<AxeSummary> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
      passes: unknown[];
      incomplete: { id: string; nodes: unknown[] }[];
    }
    const results = await axe.run(document);
    return {
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
      })),
      passes: results.passes.length,
      incomplete: results.incomplete.map((r) => `${r.id} (${r.nodes.length})`),
    };
  });
}

describe.skipIf(!chromiumAvailable)('accessibility (axe-core in Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    writeFileSync('test-results/axe-results.json', `${JSON.stringify(measured, null, 2)}\n`);
    await browser?.close();
  });

  /**
   * Opens the app at `suffix`. The page's Content-Security-Policy forbids inline scripts, so the context
   * bypasses it: that is how axe gets in, and the app itself is unchanged.
   */
  async function open(suffix: string, options: BrowserContextOptions = {}) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
      ...options,
    });
    const page = await context.newPage();
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await page.goto(inject('rootUrl') + suffix);
    await page.getByTestId('lesson-panel').waitFor();
    return { page, watch, close: () => context.close() };
  }

  /**
   * Both rule sets ran, and the end-of-run table is shown: the stage keeps it hidden until the end (issue 18),
   * so "Show the end" (aria-controls="outcome", in either language) opens it.
   */
  const ranBoth = async (page: Page) => {
    const showEnd = page.locator('button[aria-controls="outcome"]');
    await expect.poll(() => showEnd.isEnabled(), { timeout: 15_000 }).toBe(true);
    if ((await showEnd.getAttribute('aria-expanded')) !== 'true') await showEnd.click();
    await expect
      .poll(() => page.getByTestId('outcome-liquidated-B').textContent(), { timeout: 15_000 })
      .toMatch(/\d/);
  };

  const LANGUAGES = [
    { lang: 'en', check: 'Check' },
    { lang: 'zh-Hant-HK', check: '核對' },
  ] as const;

  const VIEWS = [
    {
      name: 'default view, every section unfolded',
      suffix: '',
      prepare: async (page: Page) => {
        await ranBoth(page);
        await unfoldEverything(page);
        // The charts panel and the policy frontier draw a chart as it nears the viewport: scrolled through,
        // every chart is checked.
        await page.evaluate(() => document.getElementById('charts')?.scrollIntoView());
        await expect
          .poll(() => page.locator('#charts [data-testid="chart-waiting"]').count(), { timeout: 20_000 })
          .toBe(0);
        await page.evaluate(() => document.querySelector('[data-testid="sweep"]')?.scrollIntoView());
        await expect.poll(() => page.getByTestId('chart-waiting').count(), { timeout: 20_000 }).toBe(0);
      },
    },
    {
      name: 'lesson question',
      suffix: '#lesson=haircut&step=2',
      prepare: async (page: Page) => {
        await page.getByTestId('lesson-panel').getByRole('radio').first().waitFor();
      },
    },
    {
      name: 'lesson answer revealed',
      suffix: '#lesson=leverage&step=2',
      prepare: async (page: Page, check: string) => {
        await page.getByTestId('lesson-panel').getByRole('radio').nth(1).check();
        await page.getByRole('button', { name: check, exact: true }).click();
        await page.getByTestId('lesson-reveal').waitFor({ timeout: 15_000 });
      },
    },
    {
      name: 'presentation mode',
      suffix: '?present',
      prepare: async (page: Page) => {
        await ranBoth(page);
      },
    },
    {
      name: 'presentation mode with a lesson',
      suffix: '?present#lesson=professional-investors&step=2',
      prepare: async (page: Page, check: string) => {
        await page.getByTestId('lesson-panel').getByRole('radio').nth(2).check();
        await page.getByRole('button', { name: check, exact: true }).click();
        await page.getByTestId('lesson-reveal').waitFor({ timeout: 15_000 });
      },
    },
  ];

  const cases = LANGUAGES.flatMap((language) => VIEWS.map((view) => ({ ...view, ...language })));

  it.each(cases)(
    '$name ($lang): no serious or critical violation',
    async ({ name, suffix, lang, check, prepare }) => {
      // The language as a query parameter, before any hash.
      const [query = '', hash = ''] = suffix.split(/(?=#)/);
      const url = `${query ? `${query}&` : '?'}lang=${lang}${hash}`;
      const { page, watch, close } = await open(url);
      // Other languages load when chosen: wait for the switch.
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
      await prepare(page, check);
      const results = await runAxe(page);
      measured[`${name} (${lang})`] = results;
      const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(severe).toEqual([]);
      expect(watch.problems).toEqual([]);
      if (name === 'presentation mode with a lesson')
        await page.screenshot({ path: `test-results/presentation-lesson-${lang}.png` });
      if (name === 'presentation mode')
        await page.screenshot({ path: `test-results/presentation-${lang}.png` });
      await close();
    },
  );

  it('has labelled landmarks and a skip link that is the first stop and leads to the results', async () => {
    const { page, close } = await open('');
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Sections' }).count()).toBe(1);
    expect(await page.getByRole('main', { name: 'Results' }).count()).toBe(1);
    expect(await page.getByRole('complementary', { name: 'Settings' }).count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the results' });
    await expect.poll(() => skip.evaluate((link) => link === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab lands inside the results, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.closest('main') !== null)).toBe(true);
    await close();
  });

  it('gives every chart a title, a description and a data table, and the outcome as text', async () => {
    const { page, close } = await open('');
    await ranBoth(page);
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('figure[data-chart]')].map((figure) => {
        const byId = (attribute: string) =>
          document.getElementById(figure.getAttribute(attribute) ?? '')?.textContent?.trim() ?? '';
        const button = figure.querySelector('button[aria-controls]');
        return {
          chart: figure.getAttribute('data-chart'),
          title: byId('aria-labelledby'),
          description: byId('aria-describedby').length > 40,
          table: button !== null && document.getElementById(button.getAttribute('aria-controls')!) !== null,
        };
      }),
    );
    // The stage's market chart, the six charts below it and the policy frontier.
    expect(charts.map((chart) => chart.chart)[0]).toBe('stage-price');
    expect(charts).toHaveLength(8);
    for (const chart of charts) expect(chart, chart.chart!).toMatchObject({ description: true, table: true });
    expect(charts.every((chart) => chart.title.length > 0)).toBe(true);
    // A table for one chart, opened from the keyboard.
    const price = page.locator('figure[data-chart="chart-price"]');
    await price.getByRole('button', { name: 'Show data table' }).focus();
    await page.keyboard.press('Enter');
    expect(
      await price
        .getByRole('region', { name: /^Data table:/ })
        .locator('tbody tr')
        .count(),
    ).toBeGreaterThan(10);
    expect(await page.getByTestId('outcome-sentence').textContent()).toMatch(/^Rule set A \(HK SFC 2026\)/);
    // The stage's table holds what has been played until the end is shown: at minute 0, the first minute only.
    const stage = page.locator('figure[data-chart="stage-price"]');
    const stageRows = stage.getByRole('region', { name: /^Data table:/ }).locator('tbody tr');
    await stage.getByRole('button', { name: 'Show data table' }).click();
    const end = page.locator('button[aria-controls="outcome"]');
    if ((await end.getAttribute('aria-expanded')) === 'true') await end.click();
    await stage.getByTestId('time-chart').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => stageRows.count()).toBe(1);
    await page.keyboard.press('PageUp');
    await expect.poll(() => stageRows.count()).toBeGreaterThan(10);
    await close();
  });

  it('presentation mode keeps the stage (playback, the market chart, the counters), the outcome and the lesson, and hides the rest without unmounting it', async () => {
    const { page, close } = await open('?present');
    await ranBoth(page);
    const shown = async (selector: string) => page.locator(selector).first().isVisible();
    expect(await page.locator('html').getAttribute('class')).toContain('present');
    expect(await shown('[data-testid="lesson-panel"]')).toBe(true);
    expect(await page.getByRole('slider', { name: 'Market time' }).isVisible()).toBe(true);
    expect(await shown('[data-testid="outcome-table"]')).toBe(true);
    expect(await shown('[data-testid="stage-chart"] [data-testid="time-chart"]')).toBe(true);
    expect(await shown('[data-testid="stage-counters"]')).toBe(true);
    expect(await shown('[data-chart="chart-price"]')).toBe(false);
    expect(await shown('[data-chart="chart-fund"]')).toBe(false);
    expect(await shown('aside')).toBe(false);
    expect(await shown('#events')).toBe(false);
    expect(await shown('#calculator')).toBe(false);
    // Hidden, not gone: the set-up keeps its state, and switching back shows it.
    expect(await page.locator('aside select').count()).toBeGreaterThan(0);
    const fontSize = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(await fontSize()).toBeGreaterThanOrEqual(20);
    await page.getByRole('button', { name: 'Presentation mode' }).click();
    expect(await shown('aside')).toBe(true);
    expect(await fontSize()).toBe(16);
    await close();
  });

  it('respects prefers-reduced-motion: no animation or transition runs, no smooth scrolling', async () => {
    const { page, close } = await open('', { reducedMotion: 'reduce' });
    await ranBoth(page);
    await page.getByRole('button', { name: 'Presentation mode' }).click();
    await page.getByRole('link', { name: 'Skip to the results' }).focus();
    await page.getByRole('button', { name: 'Presentation mode' }).click();
    await page.getByRole('link', { name: 'Charts' }).click();
    const motion = await page.evaluate(() => ({
      animations: document.getAnimations().length,
      scroll: getComputedStyle(document.documentElement).scrollBehavior,
      transitions: [...document.querySelectorAll('*')].filter((el) =>
        getComputedStyle(el)
          .transitionDuration.split(',')
          .some((d) => parseFloat(d) > 0),
      ).length,
    }));
    expect(motion).toEqual({ animations: 0, scroll: 'auto', transitions: 0 });
    await close();
  });
});
