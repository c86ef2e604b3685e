/**
 * The service worker stays in its lane (issue 19): deployed at a site's root beside other content, it neither
 * serves nor caches anything but the build's own files; the page comes from the network first, so a deploy is
 * seen at once; and a new build's worker waits with "A new version is available: reload".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium, requireChromiumInCi } from './chromium.ts';
import { serveStatic, type RunningServer } from './static-server.ts';

const DIST = 'dist';
requireChromiumInCi();

describe.skipIf(!chromiumAvailable)('the service worker at a site root beside other content', () => {
  let browser: Browser;
  let site: string;
  let server: RunningServer;
  beforeAll(async () => {
    if (!existsSync(`${DIST}/sw.js`)) throw new Error('dist/sw.js is missing: run npm run build first');
    site = await mkdtemp(join(tmpdir(), 'leverage-lab-site-'));
    await cp(DIST, site, { recursive: true });
    await mkdir(join(site, 'other'));
    await writeFile(join(site, 'other', 'news.html'), '<!doctype html><title>news</title><p>news v1</p>');
    server = await serveStatic(site, '/');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(site, { recursive: true, force: true });
  });

  it(
    'caches only the build, lets other pages through, and offers a reload after a deploy',
    { timeout: 90_000 },
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      await page.evaluate(() => navigator.serviceWorker.ready);
      // Controlled from the next load on.
      await page.reload();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

      // Another page of the site: not served from a cache, so a change on the server is seen.
      await page.goto(`${server.url}other/news.html`);
      await expect.poll(() => page.textContent('p')).toBe('news v1');
      await writeFile(join(site, 'other', 'news.html'), '<!doctype html><title>news</title><p>news v2</p>');
      await page.reload();
      expect(await page.textContent('p')).toBe('news v2');

      // Query strings and other files add nothing to the cache: it holds exactly the build's files.
      await page.goto(server.url);
      const counts = await page.evaluate(async () => {
        for (let i = 0; i < 20; i++) await fetch(`./?q=${i}`).catch(() => {});
        await fetch('./other/news.html');
        const manifest = (await (await fetch('precache-manifest.json')).json()) as { files: string[] };
        const names = await caches.keys();
        const cached = (await (await caches.open(names[0]!)).keys()).length;
        return { names: names.length, cached, files: manifest.files.length };
      });
      expect(counts).toEqual({ names: 1, cached: counts.files, files: counts.files });

      // A deploy: a new page and a new worker. The page is network first: the new one shows at once.
      const index = await readFile(join(site, 'index.html'), 'utf8');
      await writeFile(
        join(site, 'index.html'),
        index.replace('<title>', '<meta name="deploy" content="2" /><title>'),
      );
      const sw = await readFile(join(site, 'sw.js'), 'utf8');
      await writeFile(join(site, 'sw.js'), `${sw}\n// deploy 2\n`);
      await page.reload();
      expect(await page.locator('meta[name="deploy"]').count()).toBe(1);
      // The new worker waits, and the page says so; Reload hands over to it.
      const notice = page.getByTestId('update-notice');
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.textContent()).toContain('A new version is available.');
      await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
      expect(await page.getByTestId('update-notice').count()).toBe(0);
      await context.close();
    },
  );
});
