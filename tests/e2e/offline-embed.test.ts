/**
 * Share, embed and host (issue 8) and the locked-down page (issue 10), in Chromium:
 * (a) an article on one origin embeds the app (iframe) and two <leverage-lab-figure>s from another origin;
 * (b) a bad attribute shows the figure's visible error; figures start near the viewport and pause far from it;
 * (c) after one visit the service worker serves the app with the network off (and the server gone);
 * (d) the single-file build runs the default comparison from file:// with no network;
 * (e) no Content-Security-Policy violation on the app (run, exports) and the explainer page;
 * (f) no request leaves the origin.
 * Screenshots go to test-results/.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { chromiumAvailable, endText, launchChromium, watchPage } from './chromium.ts';
import { serveStatic, type RunningServer } from './static-server.ts';
import { compareRegimes } from '../../src/engine/run/run.ts';
import { DEFAULT_RUN } from '../../src/engine/run/config.ts';

const DIST = process.env.E2E_DIST ?? 'dist';
const SINGLE_DIST = process.env.E2E_SINGLE_DIST ?? 'dist-single';

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

/** Records every CSP violation of every document of the page (frames too) in window.__cspViolations. */
async function recordCspViolations(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile})`,
      ),
    );
  });
}

const violationsOf = (frame: Page | Frame) => frame.evaluate(() => window.__cspViolations);

/**
 * dist/ as a static host with CORS (as GitHub Pages and most CDNs serve files): a page on another origin may load
 * the element's ES module only if the response allows it. `extra` adds test pages on this origin.
 */
async function serveWithCors(
  rootDir: string,
  prefix: string,
  extra: Record<string, string> = {},
): Promise<RunningServer & { requests: string[] }> {
  const root = resolve(rootDir);
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
  };
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const headers = { 'access-control-allow-origin': '*' };
    if (Object.hasOwn(extra, path)) {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(extra[path]);
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!path.startsWith(prefix) || (file !== root && !file.startsWith(root + sep))) {
      res.writeHead(404, headers).end();
      return;
    }
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

interface FigureReport {
  state: string;
  metric: string | null;
  chartName: string;
  sentence: string;
  bars: number;
  link: string;
  text: string;
}

/** Each <leverage-lab-figure> of the page: state, chart's accessible name, sentence, bars, link, all text. */
function figures(page: Page): Promise<FigureReport[]> {
  return page.$$eval('leverage-lab-figure', (elements) =>
    elements.map((element) => {
      const root = element.shadowRoot!;
      const chart = root.querySelector('svg[role="img"]');
      const ids = (chart?.getAttribute('aria-labelledby') ?? '').split(' ');
      return {
        state: (element as HTMLElement & { state: string }).state,
        metric: element.getAttribute('metric'),
        chartName: ids.map((id) => root.getElementById(id)?.textContent ?? '').join(' | '),
        sentence: root.querySelector('.sentence')?.textContent ?? '',
        bars: root.querySelectorAll('rect.bar').length,
        link: root.querySelector('a')?.href ?? '',
        text: root.textContent ?? '',
      };
    }),
  );
}

async function figuresDone(page: Page, count: number): Promise<FigureReport[]> {
  await expect
    .poll(async () => (await figures(page)).map((f) => f.state), { timeout: 30_000 })
    .toEqual(Array(count).fill('done'));
  return figures(page);
}

/** The default comparison has finished: the outcome card shows both columns and no Stop is enabled (the
 * policy frontier keeps its own Stop, disabled while no sweep runs). */
async function defaultComparisonDone(page: Page): Promise<{ a: string; b: string }> {
  await expect.poll(() => endText(page, 'outcome-liquidated-B'), { timeout: 30_000 }).toMatch(/^\d+ of 200$/);
  await expect
    .poll(() => page.getByRole('button', { name: 'Stop', disabled: false }).count(), { timeout: 30_000 })
    .toBe(0);
  return {
    a: (await page.getByTestId('outcome-liquidated-A').textContent())!,
    b: (await page.getByTestId('outcome-liquidated-B').textContent())!,
  };
}

/** What the engine itself says in Node for the app's default comparison. */
function expectedDefaultOutcome(): { a: string; b: string } {
  const [a, b] = compareRegimes(DEFAULT_RUN, ['hk-sfc-2026', 'offshore-cex']).map((r) => r.summary);
  const ofTraders = (s: typeof a) => `${s!.liquidations.traders} of ${s!.traders}`;
  return { a: ofTraders(a), b: ofTraders(b) };
}

describe.skipIf(!chromiumAvailable)('embeds, offline and page security in Chromium', () => {
  let browser: Browser;
  let expected: { a: string; b: string };
  beforeAll(async () => {
    for (const file of [`${DIST}/leverage-lab-figure.js`, `${DIST}/sw.js`, `${SINGLE_DIST}/index.html`])
      if (!existsSync(file))
        throw new Error(
          `${file} is missing: run npm run build and npm run build:single (npm run test:e2e does)`,
        );
    browser = await launchChromium();
    expected = expectedDefaultOutcome();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    '(a) renders both embeds on a page of another origin than the app files',
    { timeout: 90_000 },
    async () => {
      // The app's files on one origin (under a sub-path), the article on another.
      const app = await serveWithCors(DIST, '/lab/', {
        '/lab/test-frame.html': '<!doctype html><title>frame</title><p>a stand-in for the embed view</p>',
      });
      const hostDir = await mkdtemp(join(tmpdir(), 'leverage-lab-host-'));
      const appOrigin = new URL(app.url).origin;
      // A strict policy on the article too: the figures need no inline script or style, only blob: workers.
      await writeFile(
        join(hostDir, 'index.html'),
        `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${appOrigin}; worker-src blob:; frame-src ${appOrigin}; style-src 'self'; img-src 'self'; connect-src 'self'">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>An article on another site</title>
<script type="module" src="${app.url}leverage-lab-figure.js"></script>
<script src="${app.url}explainer.js" defer></script>
</head><body><main>
<h1>An article on another site</h1>
<leverage-lab-figure metric="liquidations"></leverage-lab-figure>
<leverage-lab-figure metric="dislocation" lang="zh-Hant-HK"></leverage-lab-figure>
<iframe src="${app.url}index.html#view=embed" title="Leverage Lab" width="900" height="400" data-leverage-lab-embed></iframe>
<iframe src="${app.url}test-frame.html" title="stand-in" height="150" data-leverage-lab-embed id="stand-in"></iframe>
</main></body></html>`,
      );
      await writeFile(join(hostDir, 'favicon.svg'), await readFile(join(DIST, 'favicon.svg')));
      const host = await serveStatic(hostDir, '/');
      const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
      await recordCspViolations(context);
      const page = await context.newPage();
      const { problems } = watchPage(page, new URL(host.url).origin);
      const blobWorkers: string[] = [];
      page.on('worker', (worker) => {
        if (worker.url().startsWith('blob:')) blobWorkers.push(worker.url());
      });
      try {
        await page.goto(host.url);
        const [liquidations, dislocation] = await figuresDone(page, 2);
        expect(liquidations!.chartName).toContain('Traders liquidated');
        expect(liquidations!.chartName).toContain('Tariff crash, 10–11 October 2025');
        expect(liquidations!.sentence).toBe(
          `HK SFC 2026 liquidated ${expected.a} simulated traders; Offshore CEX liquidated ${expected.b}.`,
        );
        expect(liquidations!.bars).toBe(2);
        expect(liquidations!.link.startsWith(`${app.url}index.html#v1.j`)).toBe(true);
        expect(dislocation!.chartName).toContain('最大價格偏離');
        expect(dislocation!.sentence).toMatch(/%/);
        // Each figure ran its own inlined worker, started from a blob URL of the article's origin.
        expect(blobWorkers.length).toBeGreaterThanOrEqual(2);
        expect(blobWorkers.every((url) => url.startsWith(`blob:${new URL(host.url).origin}/`))).toBe(true);

        // The iframe shows the app from its own origin.
        const embed = page.frameLocator('iframe[title="Leverage Lab"]');
        await expect
          .poll(() => embed.locator('#app').innerText(), { timeout: 20_000 })
          .toContain('Leverage Lab');

        // explainer.js believes a height message only from an embed, from that embed's origin, of the right shape.
        const standIn = page.frame({ url: /test-frame\.html$/ })!;
        const post = (frame: Page | Frame, message: unknown) =>
          frame.evaluate((m) => window.parent.postMessage(m, '*'), message);
        const height = () => page.getAttribute('#stand-in', 'height');
        await post(page, { type: 'leverage-lab:height', version: 1, height: 600 }); // not from an embed
        await post(standIn, { type: 'leverage-lab:height', version: 2, height: 610 });
        await post(standIn, { type: 'leverage-lab:height', version: 1, height: 'tall' });
        await post(standIn, { type: 'leverage-lab:height', version: 1, height: 1e9 });
        await post(standIn, { type: 'something-else', version: 1, height: 620 });
        await post(standIn, { type: 'leverage-lab:height', version: 1, height: 640.2 });
        await expect.poll(height).toBe('641');

        await page.screenshot({ path: 'test-results/embed-other-origin.png', fullPage: true });
        expect(await violationsOf(page)).toEqual([]);
        // Only the article's origin and the app's: nothing else was asked for, nothing failed.
        expect(problems.filter((p) => !p.startsWith(`request to another origin: ${appOrigin}/`))).toEqual([]);
      } finally {
        await context.close();
        await host.close();
        await app.close();
        await rm(hostDir, { recursive: true, force: true });
      }
    },
  );

  it('(b) shows a visible error for bad attributes, computes nothing, and recovers when fixed', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const { problems } = watchPage(page, new URL(inject('rootUrl')).origin);
    await page.goto(`${inject('rootUrl')}explainer.html`);
    await page.waitForFunction(() => customElements.get('leverage-lab-figure') !== undefined);
    await page.evaluate(() => {
      const figure = document.createElement('leverage-lab-figure');
      figure.id = 'bad';
      figure.setAttribute('seed', '-1');
      figure.setAttribute('metric', 'profit');
      figure.setAttribute('regimes', '<img src=x onerror="document.title=\'owned\'">');
      document.querySelector('h1')!.after(figure);
    });
    const bad = page.locator('#bad');
    await expect
      .poll(() => bad.evaluate((el) => (el as HTMLElement & { state: string }).state))
      .toBe('invalid');
    const alert = bad.getByRole('alert');
    const text = (await alert.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('This Leverage Lab figure cannot be shown');
    expect(text).toContain('The seed attribute is "-1": use a whole number from 0 to 9007199254740991.');
    expect(text).toContain('The metric attribute is "profit": use one of liquidations, losses, dislocation.');
    expect(text).toContain('The regimes attribute is "<img src=x onerror="document.title=\'owned\'">"');
    expect(text).toContain('use two different rule-set ids separated by a comma, from hk-sfc-2026');
    // Shown as text: no element was made from the value, and nothing ran.
    expect(await bad.evaluate((el) => el.shadowRoot!.querySelectorAll('img, svg, figure').length)).toBe(0);
    expect(await page.title()).not.toBe('owned');
    await bad.screenshot({ path: 'test-results/figure-bad-attributes.png' });

    await page.evaluate(() => {
      const figure = document.getElementById('bad')!;
      figure.setAttribute('seed', '7');
      figure.setAttribute('metric', 'losses');
      figure.setAttribute('regimes', 'hk-sfc-2026,onchain-perp-dex');
    });
    await expect
      .poll(() => bad.evaluate((el) => (el as HTMLElement & { state: string }).state), { timeout: 30_000 })
      .toBe('done');
    expect(await bad.getByRole('img').getAttribute('aria-labelledby')).toBe('chart-title chart-desc');
    expect(problems).toEqual([]);
    await page.close();
  });

  it(
    '(b) starts a figure only near the viewport, pauses it far away and resumes it',
    { timeout: 90_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const { problems } = watchPage(page, new URL(inject('rootUrl')).origin);
      await page.goto(`${inject('rootUrl')}explainer.html`);
      await page.waitForFunction(() => customElements.get('leverage-lab-figure') !== undefined);
      await page.evaluate(() => {
        const spacer = document.createElement('div');
        spacer.id = 'spacer';
        spacer.setAttribute('aria-hidden', 'true');
        const far = document.createElement('leverage-lab-figure');
        far.id = 'far';
        far.setAttribute('traders', '2000');
        far.setAttribute('scenario', 'synthetic-volatile');
        document.body.append(spacer, far);
        // Far below everything: 6,000 px of empty space (a CSSOM style, which no CSP restricts).
        spacer.style.height = '6000px';
      });
      const far = page.locator('#far');
      const state = () => far.evaluate((el) => (el as HTMLElement & { state: string }).state);
      await page.waitForTimeout(1_500);
      expect(await state()).toBe('waiting');

      await far.scrollIntoViewIfNeeded();
      await expect.poll(state, { timeout: 10_000 }).toBe('computing');
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect.poll(state, { timeout: 10_000 }).toBe('paused');
      expect(await far.evaluate((el) => el.shadowRoot!.querySelector('.status')!.textContent)).toContain(
        'Paused while off screen',
      );

      await far.scrollIntoViewIfNeeded();
      await expect.poll(state, { timeout: 60_000 }).toBe('done');
      await far.screenshot({ path: 'test-results/figure-resumed.png' });
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it(
    '(c) serves the app and the explainer from the service worker with the network off',
    { timeout: 90_000 },
    async () => {
      // Our own server under a sub-path, so that it can be shut down: offline for real, not only emulated.
      const server = await serveStatic(DIST, '/classroom/lab/');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const { problems } = watchPage(page, new URL(server.url).origin);
      try {
        await page.goto(server.url);
        expect(await defaultComparisonDone(page)).toEqual(expected);
        const registration = await page.evaluate(async () => {
          const ready = await navigator.serviceWorker.ready;
          const manifest = (await (await fetch('precache-manifest.json')).json()) as { files: string[] };
          const names = await caches.keys();
          const cached = names.length === 1 ? (await (await caches.open(names[0]!)).keys()).length : -1;
          return { scope: ready.scope, names, files: manifest.files.length, cached };
        });
        expect(registration.scope).toBe(server.url);
        expect(registration.names).toHaveLength(1);
        expect(registration.names[0]).toMatch(/^leverage-lab\|.+\/classroom\/lab\/\|[0-9a-f]{16}$/);
        expect(registration.cached).toBe(registration.files);

        await server.close();
        await context.setOffline(true);
        await page.reload();
        expect(await defaultComparisonDone(page)).toEqual(expected);
        await page.screenshot({ path: 'test-results/offline-app.png' });

        await page.goto(`${server.url}explainer.html`);
        await page.locator('leverage-lab-figure >> nth=1').scrollIntoViewIfNeeded();
        await figuresDone(page, 2);
        await page.screenshot({ path: 'test-results/offline-explainer.png', fullPage: true });
        // Everything came from the service worker's cache: no request failed.
        expect(problems).toEqual([]);
      } finally {
        await context.close();
        await server.close().catch(() => undefined);
      }
    },
  );

  it('(d) runs the default comparison from the single file, opened from file:// with no network', async () => {
    const file = resolve(SINGLE_DIST, 'index.html');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.setOffline(true);
    await recordCspViolations(context);
    const page = await context.newPage();
    const { problems } = watchPage(page, 'file://');
    try {
      await page.goto(pathToFileURL(file).href);
      expect(await defaultComparisonDone(page)).toEqual(expected);
      await page.screenshot({ path: 'test-results/single-file.png' });
      expect(await violationsOf(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('(e, f) the app: no CSP violation while it runs and exports, and no request to another origin', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await recordCspViolations(context);
    const page = await context.newPage();
    const { problems } = watchPage(page, new URL(inject('rootUrl')).origin);
    try {
      await page.goto(inject('rootUrl'));
      expect(await defaultComparisonDone(page)).toEqual(expected);
      // The policy is live: an injected inline script is refused, and reported.
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.body.append(script);
        return (window as unknown as { __injected?: boolean }).__injected === true;
      });
      expect(ran).toBe(false);
      await expect.poll(() => violationsOf(page)).toHaveLength(1);
      expect(problems.splice(0)).toEqual([expect.stringMatching(/Content Security Policy/)]);
      await page.evaluate(() => (window.__cspViolations = []));

      const exports = page.getByTestId('export-panel');
      for (const name of ['Download CSV', 'Download JSON']) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          exports.getByRole('button', { name }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^leverage-lab_/);
      }
      const price = page.locator('[data-chart="chart-price"]');
      for (const name of [/^Download PNG image/, /^Download SVG image/]) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          price.getByRole('button', { name }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/\.(png|svg)$/);
      }
      expect(await violationsOf(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('(e, f) the explainer: figures and embed under its CSP, nothing from another origin', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await recordCspViolations(context);
    const page = await context.newPage();
    const { problems } = watchPage(page, new URL(inject('rootUrl')).origin);
    try {
      await page.goto(`${inject('rootUrl')}explainer.html`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        "Hong Kong's new crypto leverage rules, in a crash",
      );
      // Scroll through the article so that both figures and the iframe come near the viewport.
      for (const selector of ['leverage-lab-figure >> nth=1', 'iframe[data-leverage-lab-embed]'])
        await page.locator(selector).scrollIntoViewIfNeeded();
      const [liquidations, losses] = await figuresDone(page, 2);
      expect(liquidations!.chartName).toContain('Traders liquidated');
      expect(liquidations!.sentence).toContain(expected.b);
      expect(losses!.chartName).toContain("Retail investors' losses");
      expect(losses!.sentence).toMatch(
        /^Retail investors lost \$[\d,]+ under HK SFC 2026 and \$[\d,]+ under/,
      );
      const frame = page.frame({ url: /index\.html#view=embed$/ });
      expect(frame).not.toBeNull();
      await expect
        .poll(() => frame!.locator('#app').innerText(), { timeout: 20_000 })
        .toContain('Leverage Lab');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: 'test-results/explainer.png', fullPage: true });
      await page
        .locator('leverage-lab-figure')
        .first()
        .screenshot({ path: 'test-results/explainer-figure-1.png' });
      await page
        .locator('leverage-lab-figure')
        .nth(1)
        .screenshot({ path: 'test-results/explainer-figure-2.png' });
      expect(await violationsOf(page)).toEqual([]);
      expect(await violationsOf(frame!)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
