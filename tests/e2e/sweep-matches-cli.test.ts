/**
 * The policy frontier in Chromium against the command line (issue 20, "checked by"): a state link with a sweep
 * opens the frontier, which runs in the worker pool; its JSON download holds the same points as `cli sweep`
 * run in Node for the same state. The summary sentence is read against the data table.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium, watchPage } from './chromium.ts';

/** A small state: 1 day of the synthetic flash crash, 50 traders, HK SFC 2026 as A; A's BTC haircut swept. */
const STATE = {
  sc: 'synthetic-flash-crash',
  dy: 1,
  rs: [{ p: 'hk-sfc-2026' }, { p: 'offshore-cex' }],
  po: { n: 50, r: 0.7, l: 0, c: 'spot' },
  sd: 1,
  mm: false,
  lg: 'en',
  sw: { r: 0, g: 'financing.collateral.BTC.haircut', f: 0, t: 0.9, n: 4, s: 3, o: 'byClass.retail.loss' },
};
const link = `#v1.j${Buffer.from(JSON.stringify(STATE)).toString('base64url')}`;

describe.skipIf(!chromiumAvailable)('the sweep against the command line', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the points cli sweep prints for the same state', { timeout: 180_000 }, async () => {
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'sweep',
        ...['--scenario', 'synthetic-flash-crash', '--days', '1', '--seed', '1', '--traders', '50'],
        ...['--regime', 'hk-sfc-2026', '--guardrail', 'financing.collateral.BTC.haircut'],
        ...['--from', '0', '--to', '0.9', '--steps', '4', '--seeds', '3'],
      ],
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const expected = (JSON.parse(cli.stdout) as { points: Record<string, unknown>[] }).points;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { problems } = watchPage(page, new URL(inject('rootUrl')).origin);
    await page.goto(`${inject('rootUrl')}${link}`);
    // The frontier is drawn once it comes near the viewport, as a reader scrolls to it.
    await page.getByTestId('sweep').waitFor({ state: 'attached' });
    await page.evaluate(() => document.querySelector('[data-testid="sweep"]')!.scrollIntoView());
    const chart = page.getByTestId('sweep-chart');
    await expect.poll(() => chart.getAttribute('data-elapsed'), { timeout: 150_000 }).not.toBe('');
    expect(await chart.getAttribute('data-points')).toBe('4');
    expect(await chart.locator('circle[role=button]').count()).toBe(4);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the sweep as JSON' }).click(),
    ]);
    const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      points: Record<string, unknown>[];
    };
    expect(saved.points).toEqual(expected);

    // The sentence names a value whose row and every later row read zero, or describes the ends of the table.
    await page.locator('button[aria-controls="sweep-chart-table"]').click();
    const rows = await page
      .locator('#sweep-chart-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(rows.map((r) => r[0])).toEqual(['0%', '30%', '60%', '90%']);
    const sentence = (await page.locator('#sweep-chart-description').textContent()) ?? '';
    const median = (k: number) => rows[k]![1]!;
    if (sentence.includes('falls to zero')) {
      const k = rows.findIndex((r) => sentence.includes(` ${r[0]} and above`));
      expect(k).toBeGreaterThan(0);
      for (const r of rows.slice(k)) expect(r[1]).toBe('$0');
    } else {
      expect(sentence).toContain(`from ${median(0)} at`);
      expect(sentence).toContain(`to ${median(3)} at 90%`);
    }
    await page.locator('#sweep').screenshot({ path: 'test-results/sweep.png' });
    expect(problems).toEqual([]);
    await page.close();
  });
});
