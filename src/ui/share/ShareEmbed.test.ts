import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { UrlSync } from './url-sync.svelte.ts';
import ShareButton from './ShareButton.svelte';
import EmbedButton from './EmbedButton.svelte';
import EmbedView from './EmbedView.svelte';
import UrlNotice from './UrlNotice.svelte';
import { decodeHash, encodeState } from '../../lib/url-state/index.ts';
import { fakeEnvironment, quickState, until } from './test-support.ts';

const BASE = 'https://lab.example/explainers/leverage/';

function setUp(url = BASE, locale = 'en') {
  const app = new AppState(inProcessEngine());
  app.population.traders = 20;
  const i18n = new I18n(locale);
  const env = fakeEnvironment(url);
  const sync = new UrlSync(app, i18n, { environment: env, writeDelayMs: 10 });
  return { app, i18n, env, sync };
}

let clipboard: string[];
let clipboardWorks: boolean;

beforeEach(() => {
  clipboard = [];
  clipboardWorks = true;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: vi.fn(async (text: string) => {
        if (!clipboardWorks) throw new DOMException('Write permission denied.', 'NotAllowedError');
        clipboard.push(text);
      }),
    },
  });
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('ShareButton', () => {
  it('copies the full link of the current state and says so politely', async () => {
    const { app, sync } = setUp();
    app.seed = 99;
    app.ruleSets[1].overrides = { 'perp.maxLeverage': 20 };
    render(ShareButton, { sync, i18n: new I18n('en') });
    const button = screen.getByRole('button', { name: 'Share link' });
    expect(button).toHaveAccessibleDescription(/anyone who opens it sees the same run/);
    await userEvent.click(button);
    await until(() => clipboard.length === 1);
    const link = new URL(clipboard[0]!);
    expect(link.href.startsWith(BASE + '#v1.')).toBe(true);
    const decoded = await decodeHash(link.hash);
    expect(decoded.ok && decoded.state).toEqual(sync.snapshot('app'));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Link copied. Anyone who opens it sees this comparison.');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('shows the link selected in a read-only field when the clipboard refuses', async () => {
    clipboardWorks = false;
    const { sync } = setUp();
    render(ShareButton, { sync, i18n: new I18n('zh-Hant-HK') });
    await userEvent.click(screen.getByRole('button', { name: '分享連結' }));
    const field = await screen.findByRole('textbox', { name: '這次比較的連結' });
    expect(field).toHaveAttribute('readonly');
    expect((field as HTMLInputElement).value.startsWith(BASE + '#v1.')).toBe(true);
    expect(field).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('未能自動複製連結');
  });
});

describe('EmbedButton', () => {
  it('opens a dialog with the iframe and figure snippets of the current state, and copies each', async () => {
    const { app, i18n, sync } = setUp();
    app.scenario = '2022-11-ftx';
    app.seed = 5;
    // The default population: the figure then shows everything the state sets.
    app.population.traders = 200;
    app.ruleSets[1].preset = 'us-cftc';
    render(EmbedButton, { sync, app, i18n });
    const opener = screen.getByRole('button', { name: 'Embed' });
    expect(opener).toHaveAttribute('aria-haspopup', 'dialog');
    await userEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Embed this comparison' });
    expect(dialog).toHaveAttribute('open');
    const copyFrame = within(dialog).getByRole('button', { name: 'Copy frame code' });
    expect(copyFrame).toHaveFocus();

    const iframeCode = (
      within(dialog).getByRole('textbox', { name: 'Frame (iframe)' }) as HTMLTextAreaElement
    ).value;
    const src = /src="([^"]+)"/.exec(iframeCode)![1]!;
    const decoded = await decodeHash(new URL(src).hash);
    expect(decoded.ok && decoded.state).toEqual({ ...sync.snapshot('app'), view: 'embed' });
    expect(iframeCode).toContain('title="Leverage Lab: FTX collapse, 6–10 November 2022"');
    expect(iframeCode).toContain("window.addEventListener('message'");

    const figureCode = (
      within(dialog).getByRole('textbox', { name: 'Figure element' }) as HTMLTextAreaElement
    ).value;
    expect(figureCode).toBe(
      `<script type="module" src="${BASE}leverage-lab-figure.js"></script>\n` +
        '<leverage-lab-figure scenario="2022-11-ftx" regimes="hk-sfc-2026,us-cftc" seed="5" lang="en" ' +
        'metric="liquidations"></leverage-lab-figure>',
    );
    expect(within(dialog).queryByText(/not part of the figure/)).toBeNull();

    await userEvent.click(copyFrame);
    await until(() => clipboard.length === 1);
    expect(clipboard[0]).toBe(iframeCode);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Code copied.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Copy figure code' }));
    await until(() => clipboard.length === 2);
    expect(clipboard[1]).toBe(figureCode);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(dialog).not.toHaveAttribute('open');
    expect(opener).toHaveFocus();
  });

  it('offers the compact embed: ?compact in the frame address, before the state, and a shorter frame', async () => {
    const { app, i18n, sync } = setUp(BASE, 'zh-Hant-HK');
    render(EmbedButton, { sync, app, i18n });
    await userEvent.click(screen.getByRole('button', { name: '嵌入' }));
    const dialog = await screen.findByRole('dialog');
    const field = within(dialog).getByRole('textbox', { name: '框架（iframe）' }) as HTMLTextAreaElement;
    const full = field.value;
    const compact = within(dialog).getByRole('checkbox', { name: '精簡版（只顯示結果）' });
    expect(compact).not.toBeChecked();
    expect(compact).toHaveAccessibleDescription(/只顯示運行結束時的結果/);
    expect(full).not.toContain('compact');

    await userEvent.click(compact);
    const code = field.value;
    const src = new URL(/src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&'));
    expect(src.origin + src.pathname).toBe(BASE);
    expect(src.searchParams.has('compact')).toBe(true);
    // The same state and the same frame (its id, so the height listener still finds it), only shorter.
    expect(src.hash).toBe(new URL(/src="([^"]+)"/.exec(full)![1]!).hash);
    expect(/id="([^"]+)"/.exec(code)![1]).toBe(/id="([^"]+)"/.exec(full)![1]);
    const height = (c: string) => Number(/height:(\d+)px/.exec(c)![1]);
    expect(height(code)).toBeLessThan(height(full));
    await userEvent.click(within(dialog).getByRole('button', { name: '複製框架代碼' }));
    await until(() => clipboard.length === 1);
    expect(clipboard[0]).toBe(code);

    await userEvent.click(compact);
    expect(field.value).toBe(full);
  });

  it('says the figure leaves out changed guardrails, and selects the code when copying fails', async () => {
    clipboardWorks = false;
    const { app, i18n, sync } = setUp();
    app.ruleSets[0].overrides = { 'perp.maxLeverage': 3 };
    render(EmbedButton, { sync, app, i18n });
    await userEvent.click(screen.getByRole('button', { name: 'Embed' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/not part of the figure: use the frame/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Copy figure code' }));
    const field = within(dialog).getByRole('textbox', { name: 'Figure element' });
    await until(() => document.activeElement === field);
    expect(within(dialog).getByRole('status')).toHaveTextContent('copy it with Ctrl+C');
    await userEvent.keyboard('{Escape}');
    expect(dialog).not.toHaveAttribute('open');
  });
});

describe('UrlNotice', () => {
  it('shows a refusal as text, names the field, value and rule, and can be dismissed', async () => {
    const { sync, i18n } = setUp(
      `${BASE}#v1.j${btoa('{"sc":"<img src=x onerror=alert(1)>"}').replace(/=+$/, '')}`,
    );
    render(UrlNotice, { sync, i18n });
    await sync.start();
    flushSync();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('This link could not be opened, so the default comparison is shown.');
    expect(status).toHaveTextContent(
      /In the link, scenario must be one of 2020-03-black-thursday, .* \(got "<img src=x onerror=alert\(1\)>"\)\./,
    );
    expect(status.querySelector('img, script')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(status).toBeEmptyDOMElement();
  });

  it('explains each kind of refusal in the page’s language', async () => {
    const cases: [string, RegExp][] = [
      ['#v1.j!!', /damaged or incomplete/],
      [`#v1.j${'A'.repeat(9000)}`, /longer than any link/],
      ['#v7.jAAAA', /newer version of Leverage Lab \(link format v7\); this version reads formats up to v1/],
      [`#v1.j${btoa('{"__proto__":{}}').replace(/=+$/, '')}`, /never allowed: "__proto__"/],
      [`#v1.j${btoa('{"a":[[[[[[[[[[1]]]]]]]]]]}').replace(/=+$/, '')}`, /more deeply/],
    ];
    for (const [hash, text] of cases) {
      const { sync, i18n } = setUp(BASE + hash);
      const { unmount } = render(UrlNotice, { sync, i18n });
      await sync.start();
      flushSync();
      expect(screen.getByRole('status')).toHaveTextContent(text);
      unmount();
      sync.dispose();
    }
    const { sync, i18n } = setUp(`${BASE}#v7.jAAAA`, 'zh-Hant-HK');
    render(UrlNotice, { sync, i18n });
    await sync.start();
    flushSync();
    expect(screen.getByRole('status')).toHaveTextContent('無法打開這條連結，因此顯示預設的比較。');
    expect(screen.getByRole('status')).toHaveTextContent('連結格式 v7');
  });
});

describe('EmbedView', () => {
  it('shows the comparison compactly, links to the full app with the same state, and reports its height', async () => {
    const state = quickState({ view: 'embed' });
    const { app, i18n, sync } = setUp(BASE + (await encodeState(state)));
    const messages: unknown[] = [];
    render(EmbedView, { app, i18n, sync, post: (message: unknown) => messages.push(message) });
    await sync.start();
    await app.run();
    flushSync();
    expect(screen.getByRole('heading', { level: 1, name: 'Flash crash' })).toBeInTheDocument();
    expect(screen.getByText('20 traders · seed 77')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: /What each rule set led to/ })).toBeInTheDocument();
    expect(screen.getByTestId('outcome-liquidated-A')).toHaveTextContent(/^\d+ of 20$/);
    expect(screen.getByRole('region', { name: 'Playback' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Market time' })).toBeInTheDocument();

    const open = screen.getByRole('link', { name: /Open in Leverage Lab \(opens in a new tab\)/ });
    expect(open).toHaveAttribute('target', '_blank');
    expect(open).toHaveAttribute('rel', 'noopener');
    const decoded = await decodeHash(new URL(open.getAttribute('href')!).hash);
    expect(decoded.ok && decoded.state).toEqual({ ...state, view: 'app' });

    // The link follows the state (here: playback moved).
    app.seek(3);
    flushSync();
    const moved = await decodeHash(new URL(open.getAttribute('href')!).hash);
    expect(moved.ok && moved.state.frame).toBe(3);

    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages)
      expect(message).toEqual({ type: 'leverage-lab:height', version: 1, height: 0 });
  });
});
