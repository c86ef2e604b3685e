import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { UrlSync } from './url-sync.svelte.ts';
import {
  decodeHash,
  defaultSharedState,
  encodeState,
  runConfigsOf,
  type SharedState,
} from '../../lib/url-state/index.ts';
import { base64urlEncode } from '../../lib/url-state/transport.ts';
import { fakeEnvironment, quickState, until, type FakeEnvironment } from './test-support.ts';

const BASE = 'https://lab.example/explainers/leverage/';
const syncs: UrlSync[] = [];

function open(
  url: string,
  writeDelayMs = 20,
): { app: AppState; i18n: I18n; sync: UrlSync; env: FakeEnvironment } {
  const app = new AppState(inProcessEngine());
  const i18n = new I18n('en');
  const env = fakeEnvironment(url);
  const sync = new UrlSync(app, i18n, { environment: env, writeDelayMs });
  syncs.push(sync);
  return { app, i18n, sync, env };
}

/** What App.svelte does on mount: read the link, then run. */
async function startAndRun(sync: UrlSync, app: AppState): Promise<void> {
  await sync.start();
  await app.run();
  flushSync();
}

afterEach(() => {
  for (const sync of syncs.splice(0)) sync.dispose();
});

const changed: SharedState = quickState({
  ruleSets: [
    {
      preset: 'hk-sfc-2026',
      overrides: { 'perp.eligibleClasses': ['retail', 'professional'], 'perp.maxLeverage': 5 },
    },
    { preset: 'eu-esma-retail', overrides: { 'financing.collateral.BTC': { eligible: true, haircut: 0.7 } } },
  ],
  affiliatedMarketMaker: true,
  follow: [11],
  followedTrader: 11,
  frame: 40,
  speed: 240,
  lang: 'zh-Hant-HK',
  market: 'ALT',
});

describe('UrlSync opening a link', () => {
  it('applies every field of the link and runs it: the same configs, the same checksums', async () => {
    const { app, i18n, sync, env } = open(BASE + (await encodeState(changed)));
    await startAndRun(sync, app);
    expect(sync.notices).toEqual([]);
    expect(sync.refused).toBe(false);
    expect(app.configs()).toEqual(runConfigsOf(changed));
    expect(app.resultConfigs).toEqual(runConfigsOf(changed));
    expect(app.followedTrader).toBe(11);
    expect(app.speed).toBe(240);
    expect(app.market).toBe('ALT');
    expect(app.frame).toBe(40);
    expect(i18n.locale).toBe('zh-Hant-HK');
    expect(sync.view).toBe('app');
    expect(sync.snapshot()).toEqual(changed);
    // Opening a link writes nothing back.
    expect(env.writes).toEqual([]);

    // The shared link, opened in a second app, gives the same results.
    const second = open(await sync.link());
    await startAndRun(second.sync, second.app);
    expect(second.app.resultConfigs).toEqual(app.resultConfigs);
    for (const i of [0, 1] as const)
      expect(second.app.results![i].summary.checksum).toBe(app.results![i].summary.checksum);
  });

  it('runs the defaults with a refusal notice for a hostile link', async () => {
    for (const hash of [
      '#v1.%3Cscript%3Ealert(1)%3C/script%3E',
      '#v1.jeyJfX3Byb3RvX18iOnsieCI6MX19',
      '#v9.jAAAA',
    ]) {
      const { app, sync } = open(BASE + hash);
      const defaults = new AppState(inProcessEngine());
      await startAndRun(sync, app);
      expect(sync.refused).toBe(true);
      expect(sync.notices).toHaveLength(1);
      expect(sync.notices[0]!.message).toMatch(/ must .+ \(got .+\)$/);
      expect(app.configs()).toEqual(defaults.configs());
      expect(app.results).not.toBeNull();
    }
  });

  it('keeps the link’s run and drops a bad display field with a notice', async () => {
    const json = '{"sc":"synthetic-calm","dy":0.25,"po":{"n":10},"sp":7}';
    const { app, sync } = open(`${BASE}#v1.j${base64urlEncode(new TextEncoder().encode(json))}`);
    await sync.start();
    expect(sync.refused).toBe(false);
    expect(sync.notices.map((n) => n.field)).toEqual(['playback speed']);
    expect(app.scenario).toBe('synthetic-calm');
    expect(app.speed).toBe(60);
  });

  it('leaves hand-written hashes and anchors to the rest of the app: no notice, nothing applied', async () => {
    for (const hash of [
      '#lesson=haircut&step=2',
      '#present',
      '#lang=zh-Hant-HK',
      '#charts',
      '#<script>x</script>',
    ]) {
      const { app, i18n, sync } = open(BASE + hash);
      app.seed = 4;
      await sync.start();
      expect(sync.notices).toEqual([]);
      expect(sync.refused).toBe(false);
      expect(sync.started).toBe(true);
      expect(app.seed).toBe(4);
      expect(i18n.locale).toBe('en');
      expect(app.running).toBe(false);
    }
  });

  it('opens the embed view for a hand-written #view=embed, and notes a bad view', async () => {
    const embed = open(`${BASE}index.html#view=embed`);
    await embed.sync.start();
    expect(embed.sync.view).toBe('embed');
    expect(embed.sync.notices).toEqual([]);
    const bad = open(`${BASE}#view=%3Cscript%3E`);
    await bad.sync.start();
    expect(bad.sync.view).toBe('app');
    expect(bad.sync.refused).toBe(false);
    expect(bad.sync.notices.map((n) => n.message)).toEqual([
      'view must be "app" or "embed" (got "<script>")',
    ]);
  });

  it('opens the embed view when the link says so', async () => {
    const { sync } = open(BASE + (await encodeState(quickState({ view: 'embed' }))));
    await sync.start();
    expect(sync.view).toBe('embed');
    expect((await decodeHash(new URL(sync.linkNow('app')).hash)).ok).toBe(true);
  });
});

describe('UrlSync keeping the hash up to date', () => {
  it('rewrites the hash once after a burst of changes, and not without a change', async () => {
    const { app, sync, env } = open(BASE + (await encodeState(quickState())));
    await sync.start();
    flushSync();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(env.writes).toEqual([]);

    app.seed = 1;
    flushSync();
    app.seed = 2;
    flushSync();
    app.ruleSets[1].overrides = { 'perp.maxLeverage': 20 };
    flushSync();
    await until(() => env.writes.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(env.writes).toHaveLength(1);
    const decoded = await decodeHash(env.writes[0]!);
    expect(decoded.ok && decoded.state).toEqual({
      ...quickState(),
      seed: 2,
      ruleSets: [
        { preset: 'hk-sfc-2026', overrides: {} },
        { preset: 'offshore-cex', overrides: { 'perp.maxLeverage': 20 } },
      ],
    });
    expect(env.url.startsWith(BASE + '#v1.')).toBe(true);
  });

  it('writes the language and the playback position too', async () => {
    const { app, i18n, sync, env } = open(BASE);
    app.population.traders = 10;
    await startAndRun(sync, app);
    i18n.setLocale('zh-Hant-HK');
    app.seek(5);
    flushSync();
    await until(() => env.writes.length > 0);
    const decoded = await decodeHash(env.writes.at(-1)!);
    expect(decoded.ok && [decoded.state.lang, decoded.state.frame]).toEqual(['zh-Hant-HK', 5]);
  });

  it('replaces an in-page anchor with the state link, but never a hand-written hash', async () => {
    const anchored = open(`${BASE}#charts`);
    await anchored.sync.start();
    anchored.app.seed = 8;
    flushSync();
    await until(() => anchored.env.writes.length > 0);
    expect(anchored.env.url.startsWith(`${BASE}#v1.`)).toBe(true);

    const lesson = open(`${BASE}#lesson=haircut&step=2`);
    await lesson.sync.start();
    lesson.app.seed = 8;
    flushSync();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(lesson.env.writes).toEqual([]);
    expect(lesson.env.url).toBe(`${BASE}#lesson=haircut&step=2`);
    // Share still links the state.
    const shared = await decodeHash(new URL(await lesson.sync.link()).hash);
    expect(shared.ok && shared.state.seed).toBe(8);
  });

  it('opens a link pasted into the address bar of the open page', async () => {
    const { app, sync, env } = open(BASE);
    app.population.traders = 10;
    await sync.start();
    env.navigate(BASE + (await encodeState(changed)));
    await until(() => app.seed === changed.seed && !app.running && app.resultConfigs !== null);
    await until(() => JSON.stringify(app.resultConfigs) === JSON.stringify(runConfigsOf(changed)));
    expect(sync.snapshot()).toEqual(changed);
    // An in-page anchor is not a link state: nothing changes.
    env.navigate(BASE + '#outcome-title');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sync.notices).toEqual([]);
    expect(sync.snapshot()).toEqual(changed);
  });

  it('puts the rewrite off while a comparison computes, and makes it when the run ends', async () => {
    const { app, sync, env } = open(BASE + (await encodeState(quickState())));
    await sync.start();
    flushSync();
    // What AppState.run sets while the worker computes (a 100,000-trader run takes seconds).
    app.running = true;
    app.seed = 6;
    flushSync();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(env.writes).toEqual([]);
    app.running = false;
    flushSync();
    await until(() => env.writes.length > 0);
    const decoded = await decodeHash(env.writes[0]!);
    expect(decoded.ok && decoded.state.seed).toBe(6);
    // Share reads the state, not the address bar: it was current all along.
    expect(env.writes).toHaveLength(1);
  });

  it('stops writing once disposed', async () => {
    const { app, sync, env } = open(BASE);
    app.population.traders = 10;
    await sync.start();
    app.seed = 3;
    flushSync();
    sync.dispose();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(env.writes).toEqual([]);
  });

  it('makes links with the page’s path and query, and the state in the hash', async () => {
    const { sync } = open(`${BASE}?lang=en#intro`);
    const link = new URL(await sync.link('embed'));
    expect(link.origin + link.pathname + link.search).toBe(`${BASE}?lang=en`);
    const decoded = await decodeHash(link.hash);
    expect(decoded.ok && decoded.state).toEqual({ ...defaultSharedState(), view: 'embed' });
    expect(sync.resolve('leverage-lab-figure.js')).toBe(`${BASE}leverage-lab-figure.js`);
  });
});
