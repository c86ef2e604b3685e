/**
 * The stage chart's market (issue 21) in Chromium: on 10–11 Oct 2025, HK SFC 2026 beside the offshore exchange,
 * a keyboard user moves from the chart to the market choice and picks ALT with the arrow keys. The chart's name,
 * description and legend then speak of ALT, say rule set A (HK) does not list it and draw no line for it; the
 * choice is kept in the link, so a reload shows ALT again.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, watchPage } from './chromium.ts';
import { stageReady as ready } from './stage.ts';

/** The stage chart's figure, its accessible name and its description (the text alternative). */
async function figureText(page: Page): Promise<{ name: string; description: string }> {
  return page.locator('figure[data-chart="stage-price"]').evaluate((figure) => ({
    name: document.getElementById(figure.getAttribute('aria-labelledby')!)!.textContent!.trim(),
    description: document.getElementById(figure.getAttribute('aria-describedby')!)!.textContent!.trim(),
  }));
}

describe.skipIf(!chromiumAvailable)('the stage chart’s market', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'picks ALT with the keyboard on 10 Oct 2025: ALT named, HK "not listed", kept in the link',
    { timeout: 90_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const { problems } = watchPage(page, new URL(inject('rootUrl')).origin);
      await page.goto(inject('rootUrl'));
      await ready(page);
      const chart = page.getByTestId('stage-chart');
      const choice = chart.getByRole('radiogroup', { name: 'Market' });
      expect(await choice.getByRole('radio', { name: 'BTC' }).isChecked()).toBe(true);
      expect((await figureText(page)).name).toBe("BTC price: index and each rule set's traded price");

      // From the chart (a slider), Tab reaches the chosen market; the arrow keys move the choice.
      await chart.getByTestId('time-chart').focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('BTC');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('ALT');
      expect(await choice.getByRole('radio', { name: 'ALT' }).isChecked()).toBe(true);

      const { name, description } = await figureText(page);
      expect(name).toBe("ALT price: index and each rule set's traded price");
      expect(description).toMatch(/^At .* the ALT index price stands at \$100\.00/);
      expect(description).toContain(
        'rule set A: it does not list the ALT perpetual, so no line is drawn for it',
      );
      expect(description).toContain('Liquidation events on ALT');
      expect(description).not.toMatch(/NaN|\{/);
      expect(await chart.getByTestId('legend-note').allTextContents()).toEqual([
        'A (HK SFC 2026): ALT not listed',
      ]);
      const lines = await chart
        .locator('g.played path[data-series]')
        .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-series')));
      expect(lines).toEqual(['index', 'traded-B']);

      // At the end: the offshore venue's ALT gap and liquidations, in words.
      await page.locator('#playback-scrubber').fill('100000');
      await expect
        .poll(async () => (await figureText(page)).description)
        .toMatch(/^The ALT index price fell/);
      const end = (await figureText(page)).description;
      expect(end).toMatch(/rule set B: −\d+(\.\d+)?% at 10 Oct/);
      expect(end).toMatch(/Liquidation events on ALT .*: 0 under rule set A and [1-9]\d* under rule set B/);

      // The choice is in the link: a reload opens the stage on ALT.
      await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5_000 }).toMatch(/^#v1\./);
      expect(problems).toEqual([]);
      // A reload cancels what the page still had in flight (Chromium fetches the icon again after the hash is
      // rewritten: a CI run saw favicon.png aborted); any other problem after it still fails the test.
      const beforeReload = problems.length;
      await page.reload();
      await ready(page);
      expect(await page.getByTestId('market-choice').getByRole('radio', { name: 'ALT' }).isChecked()).toBe(
        true,
      );
      expect((await figureText(page)).name).toBe("ALT price: index and each rule set's traded price");
      expect(problems.slice(beforeReload).filter((p) => !p.endsWith('(net::ERR_ABORTED)'))).toEqual([]);
      await page.close();
    },
  );
});
