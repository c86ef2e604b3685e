/**
 * Keyboard and screen-reader use in Chromium: a whole lesson walked with Tab, Enter, Space and N only (no
 * mouse), with visible focus at every stop; and the live region announcing the first liquidation, once,
 * while playback passes it.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_RUN } from '../../src/engine/run/config.ts';
import { runScenario } from '../../src/engine/run/run.ts';
import { chromiumAvailable, endText, launchChromium, watchPage } from './chromium.ts';

describe.skipIf(!chromiumAvailable)('keyboard and live region in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(suffix = '') {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    await page.goto(inject('rootUrl') + suffix);
    await page.getByTestId('lesson-panel').waitFor();
    return { page, watch };
  }

  /** Both rule sets ran (their end shown); then nothing keeps the focus, as on a page just loaded. */
  const ranBoth = async (page: Page) => {
    await expect.poll(() => endText(page, 'outcome-liquidated-B'), { timeout: 15_000 }).toMatch(/\d+ of \d+/);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  };

  /** What has the focus: its role-ish tag and its text, and whether the browser shows it as focused. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        type: el?.getAttribute('type') ?? '',
        text: (el?.innerText || el?.closest('label')?.innerText || '').trim(),
        visible: el ? el.matches(':focus-visible') : false,
      };
    });

  /** Presses Tab until the focused element's text matches `text` (at most `limit` presses). */
  async function tabTo(page: Page, text: RegExp, limit = 120) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (text.test(now.text)) {
        expect(now.visible, `focus on "${now.text}" is visible`).toBe(true);
        return now;
      }
    }
    throw new Error(`no focusable element matching ${text} within ${limit} Tab presses`);
  }

  const progress = (page: Page) => page.getByTestId('lesson-progress').textContent();

  it('walks a whole lesson with Tab, Enter, Space and N only', async () => {
    const { page, watch } = await open();
    await ranBoth(page);

    // Open the list of lessons and start the first one.
    await tabTo(page, /^Choose one of 6 guided lessons$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^What leverage does to a position$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => progress(page)).toBe('Step 1 of 4');
    expect((await focused(page)).text).toBe('What leverage does to a position');

    // Step 2 asks before it runs: Space picks the first choice, Enter on Check runs and reveals.
    await page.keyboard.press('n');
    await expect.poll(() => progress(page)).toBe('Step 2 of 4');
    const radio = await tabTo(page, /^A, capped at 2×$/);
    expect(radio).toMatchObject({ tag: 'input', type: 'radio' });
    await page.keyboard.press('Space');
    await tabTo(page, /^Check$/, 3);
    await page.keyboard.press('Enter');
    const feedback = page.getByTestId('lesson-feedback');
    await feedback.waitFor({ timeout: 15_000 });
    expect(await feedback.textContent()).toMatch(/^\s*Not quite: the answer is “B, up to 125×”\.\s*$/);
    // B's count is the engine's for the default comparison (the lesson's step runs it), not a copied figure.
    const underB = runScenario({ ...DEFAULT_RUN, regime: 'offshore-cex' }).summary.liquidations.traders;
    expect(await page.getByTestId('lesson-reveal').textContent()).toBe(
      `Under A (2×), 0 of 200 traders were liquidated; under B (125×), ${underB}. Bitcoin fell from $122,000 to $104,900.`,
    );
    await page.screenshot({ path: 'test-results/lesson-step-en.png' });

    // N from the Check button: the next step has no Check, and focus stays in the lesson.
    await page.keyboard.press('n');
    await expect.poll(() => progress(page)).toBe('Step 3 of 4');
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid="lesson-panel"]') !== null),
    ).toBe(true);

    // Step 4 asks about the same runs: Space on the first choice, Space on Check.
    await page.keyboard.press('n');
    await expect.poll(() => progress(page)).toBe('Step 4 of 4');
    await tabTo(page, /^Yes, they lost less under A$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Check$/, 3);
    await page.keyboard.press('Space');
    await expect.poll(() => feedback.textContent()).toMatch(/Correct\./);
    expect(await page.getByTestId('lesson-reveal').textContent()).toMatch(
      /^Retail investors lost \$[\d,]+ in all under A and \$[\d,]+ under B\./,
    );

    // Shift+N goes back; the link names the step.
    await page.keyboard.press('Shift+N');
    await expect.poll(() => progress(page)).toBe('Step 3 of 4');
    expect(await page.getByRole('link', { name: 'Link to this step' }).getAttribute('href')).toBe(
      '#lesson=leverage&step=3',
    );
    // "All lessons" leaves the lesson and focus lands on the list's heading, not on the page's start.
    await tabTo(page, /^All lessons$/, 10);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page).then((f) => f.text)).toBe('Lessons');
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('shows a lesson step in Traditional Chinese from its link', async () => {
    const { page, watch } = await open('?lang=zh-Hant-HK#lesson=funding&step=2');
    await expect.poll(() => progress(page)).toBe('第 2 步，共 4 步');
    await tabTo(page, /^持多倉者付給持空倉者$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^核對$/, 3);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('lesson-feedback').textContent(), { timeout: 15_000 })
      .toMatch(/答對了/);
    expect(await page.getByTestId('lesson-reveal').textContent()).toMatch(
      /^在 A 之下，經過 \d+ 次結算，持多倉者合共付給持空倉者 US\$[\d,]+。/,
    );
    await page.screenshot({ path: 'test-results/lesson-step-zh-hant-hk.png' });
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('announces the first liquidation once in the live region as playback passes it, and the outcome at the end', async () => {
    const { page, watch } = await open();
    await ranBoth(page);
    // Every text the live region takes, with when it took it.
    await page.evaluate(() => {
      const region = document.querySelector('[data-testid="live-region"]')!;
      const heard: { text: string; at: number }[] = [];
      (window as unknown as { heard: typeof heard }).heard = heard;
      new MutationObserver(() =>
        heard.push({ text: region.textContent!.trim(), at: performance.now() }),
      ).observe(region, { childList: true, characterData: true, subtree: true });
    });
    const heard = () =>
      page.evaluate(() => (window as unknown as { heard: { text: string; at: number }[] }).heard);
    expect(await page.getByTestId('live-region').getAttribute('aria-live')).toBe('polite');

    // Keyboard only: three times faster (480 market minutes a second), then play.
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    await page.keyboard.press('Space');
    await expect
      .poll(async () => (await heard()).map((h) => h.text), { timeout: 15_000 })
      .toContainEqual(
        expect.stringMatching(
          /^10 Oct 2025 \d\d:\d\d UTC: the first liquidation, under rule set B \(Offshore CEX\)\.$/,
        ),
      );
    await expect
      .poll(async () => (await heard()).at(-1)?.text, { timeout: 20_000 })
      .toMatch(/^End of the run\. Rule set A \(HK SFC 2026\) liquidated none of the 200 traders/);

    const messages = await heard();
    const texts = messages.map((m) => m.text);
    writeFileSync('test-results/live-region-heard.json', `${JSON.stringify(messages, null, 2)}\n`);
    expect(texts.filter((text) => text.includes('first liquidation'))).toHaveLength(1);
    // No flood: a handful of messages, each kind once, at least the throttle apart.
    expect(texts.length).toBeLessThanOrEqual(5);
    expect(new Set(texts).size).toBe(texts.length);
    for (let i = 1; i < messages.length; i++)
      expect(messages[i]!.at - messages[i - 1]!.at).toBeGreaterThan(1_900);
    // Playing it again announces nothing new for this run.
    await page.keyboard.press('Space');
    await page.waitForTimeout(4_000);
    expect((await heard()).length).toBe(messages.length);
    expect(watch.problems).toEqual([]);
    await page.close();
  });
});
