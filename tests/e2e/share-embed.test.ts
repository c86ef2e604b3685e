/**
 * Share links and the embed view (issue 8, "URL state", "Embed view", "Embed button"; issue 10, hostile
 * input), in Chromium:
 * (a) controls changed, Share pressed, the copied link opened in a new browser context: the same outcome;
 * (b) hostile hashes (garbage, __proto__, 20 KB, <script> in fields) run the defaults with a visible notice,
 *     no console error, no dialog and no script;
 * (c) the Embed dialog's iframe snippet, pasted into a page of another origin, shows the embed view and sizes
 *     the iframe from its height message (and ignores a forged one).
 * Screenshots go to test-results/.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, endText, launchChromium, watchPage } from './chromium.ts';
import { serveStatic } from './static-server.ts';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe.skipIf(!chromiumAvailable)('share links and the embed view in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const rootUrl = () => inject('rootUrl');
  const appOrigin = () => new URL(rootUrl()).origin;

  /** Waits until a comparison has been shown and nothing is computing or about to. */
  async function settled(page: Page): Promise<void> {
    await expect.poll(() => endText(page, 'outcome-liquidated-B'), { timeout: 20_000 }).toMatch(/\d+ of \d+/);
    // Past the controls' re-run delay, then no run in progress (the end shown again for a newer run).
    await page.waitForTimeout(600);
    await expect
      .poll(
        async () => {
          await endText(page, 'outcome-table');
          return page.locator('section[aria-labelledby="outcome-title"]').getAttribute('aria-busy');
        },
        { timeout: 20_000 },
      )
      .toBe('false');
  }

  /** What the outcome card says: the table (headers and numbers) and the sentence (its end shown). */
  async function outcome(page: Page): Promise<{ table: string; sentence: string | null }> {
    const sentence = await endText(page, 'outcome-sentence');
    return { table: await page.getByTestId('outcome-table').innerText(), sentence };
  }

  const scrubber = (page: Page) => page.getByRole('slider', { name: 'Market time' });

  it('reproduces the same outcome from a shared link in a new browser context', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appOrigin() });
    const page = await context.newPage();
    const watch = watchPage(page, appOrigin());
    await page.goto(rootUrl());
    await settled(page);

    // Scenario, rule set B (preset and one guardrail), population and seed.
    await page.getByLabel('Market episode').selectOption('synthetic-flash-crash');
    await expect
      .poll(() => scrubber(page).getAttribute('aria-valuetext'), { timeout: 10_000 })
      .toBe('day 1, 00:00');
    const ruleSetB = page.getByRole('region', { name: 'Rule set B' });
    await ruleSetB.getByLabel('Preset').selectOption('eu-esma-retail');
    // The haircut is among the most-used guardrails; traders and seed are behind their own summary.
    await ruleSetB.getByRole('group', { name: 'BTC as collateral' }).getByLabel('haircut (%)').fill('50');
    await page.getByText('Traders and seed', { exact: true }).click();
    await page.getByLabel('Number of traders').fill('150');
    await page.getByLabel('Seed', { exact: true }).fill('4242');
    await expect
      .poll(
        async () => {
          await endText(page, 'outcome-table');
          return page
            .getByRole('columnheader', { name: 'Rule set B: EU ESMA retail, BTC as collateral changed' })
            .count();
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    await expect.poll(() => endText(page, 'outcome-liquidated-A')).toMatch(/ of 150$/);
    await settled(page);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    const before = await outcome(page);
    const frameBefore = await scrubber(page).inputValue();
    expect(frameBefore).toBe('3');

    await page.getByRole('button', { name: 'Share link' }).click();
    await expect
      .poll(() => page.getByTestId('share-status').textContent())
      .toBe('Link copied. Anyone who opens it sees this comparison.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(
      new RegExp(`^${rootUrl().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#v1\\.[jz][\\w-]+$`),
    );
    // The page's own address follows the state too (replaceState, after a pause).
    await expect.poll(() => page.url(), { timeout: 5_000 }).toMatch(/#v1\.[jz]/);
    await page.screenshot({ path: 'test-results/share-before.png' });
    expect(watch.problems).toEqual([]);

    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const opened = await other.newPage();
    const otherWatch = watchPage(opened, appOrigin());
    await opened.goto(link);
    await expect
      .poll(
        async () => {
          await endText(opened, 'outcome-table');
          return opened
            .getByRole('columnheader', { name: 'Rule set B: EU ESMA retail, BTC as collateral changed' })
            .count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    await settled(opened);
    expect(await outcome(opened)).toEqual(before);
    expect(await scrubber(opened).inputValue()).toBe(frameBefore);
    expect(await opened.getByLabel('Market episode').inputValue()).toBe('synthetic-flash-crash');
    expect(await opened.getByLabel('Seed', { exact: true }).inputValue()).toBe('4242');
    expect(await opened.getByTestId('url-notice').textContent()).toBe('');
    await opened.screenshot({ path: 'test-results/share-opened.png' });
    expect(otherWatch.problems).toEqual([]);
    await other.close();
    await context.close();
  });

  it('runs the defaults with a visible notice for hostile hashes, without errors, dialogs or script', async () => {
    const plain = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await plain.goto(rootUrl());
    await settled(plain);
    const defaults = await outcome(plain);
    await plain.close();

    const proto = '{"__proto__":{"polluted":"yes"},"sc":"synthetic-calm","sd":1}';
    const script = JSON.stringify({
      sc: '<script>window.__pwned=1</script>',
      rs: [{ p: '<img src=x onerror="window.__pwned=2">' }, {}],
    });
    const cases: [string, string, RegExp][] = [
      ['garbage', '#v1.garbage!!<b>x</b>', /damaged or incomplete/],
      [
        'a truncated link',
        '#v1.z' + deflateRawSync(Buffer.from(proto)).toString('base64url').slice(0, 12),
        /damaged/,
      ],
      ['a __proto__ payload', '#v1.j' + b64(proto), /never allowed: "__proto__"/],
      [
        'a compressed __proto__ payload',
        '#v1.z' + deflateRawSync(Buffer.from(proto)).toString('base64url'),
        /__proto__/,
      ],
      ['a 20 KB hash', '#v1.j' + 'A'.repeat(20 * 1024), /longer than any link.*\(got 20485 characters\)/],
      [
        '<script> in a field',
        '#v1.j' + b64(script),
        /scenario must be one of .*\(got "<script>window\.__pwned=1<\/script>"\)/,
      ],
      ['a newer version', '#v2.j' + b64('{}'), /newer version of Leverage Lab \(link format v2\)/],
    ];
    for (const [name, hash, says] of cases) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const watch = watchPage(page, appOrigin());
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(rootUrl() + hash);
      const notice = page.getByTestId('url-notice');
      await expect
        .poll(() => notice.textContent(), { timeout: 10_000 })
        .toContain('This link could not be opened, so the default comparison is shown.');
      expect(await notice.textContent(), name).toMatch(says);
      expect(await notice.isVisible()).toBe(true);
      await settled(page);
      expect(await outcome(page), name).toEqual(defaults);
      const injected = await page.evaluate(() => ({
        pwned: window.__pwned,
        polluted: (Object.prototype as Record<string, unknown>).polluted,
        images: document.querySelectorAll('img[src="x"]').length,
        scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned'))
          .length,
      }));
      expect(injected, name).toEqual({ pwned: undefined, polluted: undefined, images: 0, scripts: 0 });
      expect(dialogs, name).toEqual([]);
      expect(watch.problems, name).toEqual([]);
      if (name === '<script> in a field') {
        await page.screenshot({ path: 'test-results/share-hostile-notice.png' });
        await notice.getByRole('button', { name: 'Dismiss' }).click();
        expect(await notice.textContent()).toBe('');
      }
      await context.close();
    }
  });

  it('embeds the view in a page of another origin, which sizes the iframe from the height message', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const watch = watchPage(page, appOrigin());
    await page.goto(rootUrl());
    await settled(page);
    await page.getByRole('region', { name: 'Rule set B' }).getByLabel('Preset').selectOption('us-cftc');
    await settled(page);
    const expected = await outcome(page);

    const opener = page.getByRole('button', { name: 'Embed' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Embed this comparison' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const iframeCode = await dialog.getByRole('textbox', { name: 'Frame (iframe)' }).inputValue();
    const figureCode = await dialog.getByRole('textbox', { name: 'Figure element' }).inputValue();
    expect(iframeCode).toMatch(
      /^<iframe id="leverage-lab-[a-z0-9]+" src="http:\/\/127\.0\.0\.1:\d+\/#v1\.[jz][\w-]+"/,
    );
    expect(figureCode).toBe(
      `<script type="module" src="${rootUrl()}leverage-lab-figure.js"></script>\n` +
        '<leverage-lab-figure scenario="2025-10-tariff-crash" regimes="hk-sfc-2026,us-cftc" seed="20251010" ' +
        'lang="en" metric="liquidations"></leverage-lab-figure>',
    );
    await page.screenshot({ path: 'test-results/embed-dialog.png' });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Embed');
    expect(watch.problems).toEqual([]);

    // An article on another origin (another port) with the snippet pasted as it is.
    const hostDir = await mkdtemp(join(tmpdir(), 'leverage-lab-host-'));
    await writeFile(
      join(hostDir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
<link rel="icon" href="data:,"></head>
<body style="margin:0;font-family:sans-serif"><main style="max-width:60rem;margin:0 auto;padding:1rem">
<h1>An article on another site</h1>
${iframeCode}
<p id="after">The text after the embed.</p>
</main></body></html>`,
    );
    const host = await serveStatic(hostDir, '/');
    expect(new URL(host.url).origin).not.toBe(appOrigin());
    const article = await context.newPage();
    const articleWatch = watchPage(article, new URL(host.url).origin);
    try {
      await article.goto(host.url);
      const frame = article.frameLocator('iframe');
      await expect.poll(() => frame.getByTestId('embed-view').count(), { timeout: 20_000 }).toBe(1);
      await expect
        .poll(() => frame.getByTestId('outcome-liquidated-B').textContent(), { timeout: 20_000 })
        .toMatch(/\d+ of 200/);
      await expect
        .poll(() => frame.getByTestId('outcome-table').innerText(), { timeout: 20_000 })
        .toBe(expected.table);
      await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Tariff crash, 10–11 October 2025',
      );
      const open = frame.getByRole('link', { name: /Open in Leverage Lab/ });
      expect(await open.getAttribute('target')).toBe('_blank');
      expect(await open.getAttribute('rel')).toBe('noopener');
      expect(await open.getAttribute('href')).toMatch(new RegExp(`^${rootUrl()}#v1\\.j[\\w-]+$`));

      const iframe = article.locator('iframe');
      const frameHeight = () => iframe.evaluate((el: HTMLIFrameElement) => el.style.height);
      const contentHeight = () =>
        frame.getByTestId('embed-view').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      // The iframe takes its content's height (from 720px in the snippet), and follows it when the page narrows.
      await expect.poll(frameHeight, { timeout: 20_000 }).not.toBe('720px');
      await expect.poll(async () => parseFloat(await frameHeight()) - (await contentHeight())).toBe(0);
      const wide = parseFloat(await frameHeight());
      await article.screenshot({ path: 'test-results/embed-other-origin-wide.png', fullPage: true });
      await article.setViewportSize({ width: 420, height: 900 });
      await expect
        .poll(async () => parseFloat(await frameHeight()), { timeout: 10_000 })
        .toBeGreaterThan(wide);
      await expect.poll(async () => parseFloat(await frameHeight()) - (await contentHeight())).toBe(0);
      const narrow = await frameHeight();
      await article.screenshot({ path: 'test-results/embed-other-origin-narrow.png', fullPage: true });

      // A forged message from the article itself (right shape, wrong window and origin) is ignored.
      await article.evaluate(() =>
        window.postMessage({ type: 'leverage-lab:height', version: 1, height: 5 }, '*'),
      );
      await article.waitForTimeout(300);
      expect(await frameHeight()).toBe(narrow);

      // Only the article's origin and the app's; nothing failed, no console error.
      expect(
        articleWatch.problems.filter((p) => !p.startsWith(`request to another origin: ${appOrigin()}/`)),
      ).toEqual([]);
    } finally {
      await context.close();
      await host.close();
      await rm(hostDir, { recursive: true, force: true });
    }
  });
});
