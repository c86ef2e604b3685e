/**
 * A new user's first minute with the controls, in Chromium: the default comparison appears, scenario and rule
 * sets change the numbers, playback and its shortcuts move the time, and an event moves the scrubber.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, endText, launchChromium, watchPage } from './chromium.ts';

describe.skipIf(!chromiumAvailable)('the app’s controls in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * Opens the app and waits for the default comparison, its end-of-run table shown ("Show the end"); returns
   * the page, its problems and the wait.
   */
  async function openApp(viewport = { width: 1280, height: 900 }) {
    const page = await browser.newPage({ viewport });
    const watch = watchPage(page, new URL(inject('rootUrl')).origin);
    const started = Date.now();
    await page.goto(inject('rootUrl'));
    await expect.poll(() => endText(page, 'outcome-liquidated-B'), { timeout: 10_000 }).toMatch(/\d+ of \d+/);
    return { page, watch, waited: Date.now() - started };
  }

  const scrubber = (page: Page) => page.getByRole('slider', { name: 'Market time' });
  const frame = async (page: Page) => Number(await scrubber(page).inputValue());

  it('shows the default comparison, HK SFC 2026 beside an offshore exchange, within seconds and without errors', async () => {
    const { page, watch, waited } = await openApp();
    expect(waited).toBeLessThan(5_000);
    const table = page.getByRole('table', { name: /What each rule set led to/ });
    const headers = async () =>
      (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
    await expect.poll(headers).toEqual(['Measure', 'Rule set A: HK SFC 2026', 'Rule set B: Offshore CEX']);
    expect(await page.getByTestId('outcome-liquidated-A').textContent()).toBe('0 of 200');
    expect(await page.getByTestId('outcome-sentence').textContent()).toMatch(
      /^Rule set A \(HK SFC 2026\) liquidated none of the 200 traders, against \d+ under rule set B \(Offshore CEX\), mainly because it kept retail investors out of perpetual contracts/,
    );
    expect(await scrubber(page).getAttribute('aria-valuetext')).toBe('10 Oct 2025 12:00 UTC');
    await page.screenshot({ path: 'test-results/app-controls-default.png', fullPage: true });
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('changes the numbers when the scenario and rule set B change', async () => {
    const { page, watch } = await openApp();
    // Each new run hides its end until asked: the sentence read is the latest run's.
    const sentence = { textContent: () => endText(page, 'outcome-sentence') };
    const before = await sentence.textContent();
    await page.getByLabel('Market episode').selectOption('synthetic-flash-crash');
    await expect
      .poll(() => scrubber(page).getAttribute('aria-valuetext'), { timeout: 10_000 })
      .toBe('day 1, 00:00');
    await expect.poll(() => sentence.textContent(), { timeout: 10_000 }).not.toBe(before);
    const afterScenario = await sentence.textContent();

    const ruleSetB = page.getByRole('region', { name: 'Rule set B' });
    await ruleSetB.getByLabel('Preset').selectOption('eu-esma-retail');
    const columns = async (name: string) => {
      await endText(page, 'outcome-table');
      return page.getByRole('columnheader', { name }).count();
    };
    await expect.poll(() => columns('Rule set B: EU ESMA retail'), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => sentence.textContent(), { timeout: 10_000 }).not.toBe(afterScenario);

    // A guardrail edited in rule set B: a refused haircut shows the engine's message and holds the run.
    // The BTC haircut is one of the most-used guardrails the settings panel shows first (issue 18).
    const haircut = ruleSetB.getByRole('group', { name: 'BTC as collateral' }).getByLabel('haircut (%)');
    await haircut.fill('150');
    await expect
      .poll(() => ruleSetB.getByText('BTC haircut must be between 0 and 1 (got 1.5)').count())
      .toBe(1);
    await haircut.fill('50');
    await expect.poll(() => ruleSetB.getByText(/must be between/).count()).toBe(0);
    await expect
      .poll(() => columns('Rule set B: EU ESMA retail, BTC as collateral changed'), { timeout: 10_000 })
      .toBe(1);
    await page.screenshot({ path: 'test-results/app-controls-changed.png', fullPage: true });
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('plays, pauses, steps and resets, and the buttons say what they do', async () => {
    const { page, watch } = await openApp();
    expect(await frame(page)).toBe(0);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1);
    await expect.poll(() => frame(page)).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const paused = await frame(page);
    await page.waitForTimeout(300);
    expect(await frame(page)).toBe(paused);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    expect(await frame(page)).toBe(paused + 1);
    await page.screenshot({ path: 'test-results/app-controls-paused.png' });
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    expect(await frame(page)).toBe(0);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('answers the keyboard shortcuts and lists them in a dialog', async () => {
    const { page, watch } = await openApp();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1);
    await page.keyboard.press('k');
    await expect.poll(() => page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
    const paused = await frame(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await frame(page)).toBe(paused + 1);
    await page.keyboard.press('+');
    expect(await page.getByLabel('Speed').inputValue()).toBe('3');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(await page.getByLabel('Speed').inputValue()).toBe('1');
    await page.keyboard.press('r');
    expect(await frame(page)).toBe(0);

    // Keys typed into a field stay there.
    const traders = page.getByLabel('Number of traders');
    await traders.focus();
    await page.keyboard.press('r');
    expect(await page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
    await traders.blur();

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Play or pause');
    await page.screenshot({ path: 'test-results/app-controls-shortcuts.png' });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const opener = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await opener.click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => opener.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('moves the scrubber to an event clicked in the feed', async () => {
    const { page, watch } = await openApp();
    const feed = page.getByRole('region', { name: 'Event feed' });
    await feed.getByLabel('Only up to the current time').uncheck();
    await feed.getByLabel('Refusals').uncheck();
    const liquidations = feed.getByRole('button', { name: /was liquidated/ });
    await expect.poll(() => liquidations.count()).toBeGreaterThan(0);
    const first = liquidations.last();
    const when = (await first.locator('.when').textContent())!;
    await first.click();
    const moved = await frame(page);
    expect(moved).toBeGreaterThan(0);
    // The scrubber's market time is the event's (the feed shows it without year and zone).
    const [day, month, clock] = when.split(' ');
    expect(await scrubber(page).getAttribute('aria-valuetext')).toBe(`${day} ${month} 2025 ${clock} UTC`);
    // Enter on another event works as well.
    await liquidations.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => frame(page)).toBeGreaterThanOrEqual(moved);
    await feed.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/app-controls-events.png', fullPage: true });
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('speaks Traditional Chinese in its controls, and fits a phone', async () => {
    const { page, watch } = await openApp({ width: 390, height: 844 });
    await page.getByLabel('Language').selectOption('zh-Hant-HK');
    await expect.poll(() => page.getByRole('button', { name: '播放', exact: true }).count()).toBe(1);
    await expect.poll(() => endText(page, 'outcome-liquidated-A')).toBe('200 人中 0 人');
    expect(await scrubber(page).count()).toBe(0);
    expect(await page.getByRole('slider', { name: '市場時間' }).getAttribute('aria-valuetext')).toBe(
      '2025年10月10日 12:00（UTC）',
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/app-controls-zh-phone.png', fullPage: true });
    expect(watch.problems).toEqual([]);
    await page.close();
  });
});
