import { afterEach, describe, expect, it } from 'vitest';
import {
  FRAME_ID,
  heightListenerScript,
  heightMessage,
  isHeightMessage,
  listenForHeight,
} from './embed-listener.ts';
import { escapeAttribute, figureSnippet, iframeSnippet, newFrameId } from './snippets.ts';

const EMBED_ORIGIN = 'https://lab.example';

function frame(id = 'leverage-lab-test01'): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.id = id;
  iframe.src = `${EMBED_ORIGIN}/leverage/#v1.jAAAA`;
  document.body.append(iframe);
  return iframe;
}

function post(data: unknown, origin: string, source: Window | null): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

const good = { type: 'leverage-lab:height', version: 1, height: 812.4 };

/** Messages the parent must ignore: each with the reason. */
const BAD: [string, unknown][] = [
  ['another type', { ...good, type: 'other:height' }],
  ['another version', { ...good, version: 2 }],
  ['a string height', { ...good, height: '812' }],
  ['NaN', { ...good, height: NaN }],
  ['Infinity', { ...good, height: Infinity }],
  ['a negative height', { ...good, height: -1 }],
  ['a height above 10,000', { ...good, height: 10_001 }],
  ['no height', { type: 'leverage-lab:height', version: 1 }],
  ['a string', JSON.stringify(good)],
  ['null', null],
  ['an array', [good]],
];

afterEach(() => {
  document.body.replaceChildren();
});

describe('the height message', () => {
  it('is made with a whole, bounded height', () => {
    expect(heightMessage(812.2)).toEqual({ type: 'leverage-lab:height', version: 1, height: 813 });
    expect(heightMessage(-5).height).toBe(0);
    expect(heightMessage(1e9).height).toBe(10_000);
    expect(heightMessage(NaN).height).toBe(0);
    expect(isHeightMessage(heightMessage(300))).toBe(true);
  });

  it.each(BAD)('is refused with %s', (_reason, data) => {
    expect(isHeightMessage(data)).toBe(false);
  });
});

describe.each([
  ['listenForHeight', (iframe: HTMLIFrameElement) => listenForHeight(iframe)],
  [
    'the snippet’s script',
    (iframe: HTMLIFrameElement) => {
      // The exact text pasted into a page, run as a classic script would run it.
      new Function(heightListenerScript(iframe.id))();
      return () => {};
    },
  ],
])('%s on the parent page', (_name, install) => {
  it('sets the height from a message of the iframe’s own window and origin', () => {
    const iframe = frame();
    const stop = install(iframe);
    post(good, EMBED_ORIGIN, iframe.contentWindow);
    expect(iframe.style.height).toBe('813px');
    stop();
  });

  it('ignores another origin, another window, and every malformed payload', () => {
    const iframe = frame();
    const other = frame('leverage-lab-other1');
    const stop = install(iframe);
    post({ ...good, height: 400 }, 'https://evil.example', iframe.contentWindow);
    post({ ...good, height: 401 }, EMBED_ORIGIN, other.contentWindow);
    post({ ...good, height: 402 }, EMBED_ORIGIN, null);
    for (const [, data] of BAD) post(data, EMBED_ORIGIN, iframe.contentWindow);
    expect(iframe.style.height).toBe('');
    stop();
  });
});

describe('the snippets', () => {
  it('make an iframe of the embed link with its listener, every attribute escaped', () => {
    const code = iframeSnippet({
      src: 'https://lab.example/leverage/#v1.zAbC_-',
      title: 'Leverage Lab: "Quotes" & <tags>',
      id: 'leverage-lab-abc123',
    });
    expect(code).toMatch(
      /^<iframe id="leverage-lab-abc123" src="https:\/\/lab\.example\/leverage\/#v1\.zAbC_-" title="Leverage Lab: &quot;Quotes&quot; &amp; &lt;tags&gt;" loading="lazy" style="width:100%;border:0;height:720px" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer"><\/iframe>\n<script>\n/,
    );
    expect(code).toContain("document.getElementById('leverage-lab-abc123')");
    expect(code.match(/<\/script>/g)).toHaveLength(1);
    expect(() => iframeSnippet({ src: 'x', title: 'x', id: "x');alert(1);('" })).toThrow(RangeError);
  });

  it('make the figure element with scenario, regimes, seed, lang and metric', () => {
    expect(
      figureSnippet({
        scriptSrc: 'https://lab.example/leverage/leverage-lab-figure.js',
        scenario: '2025-10-tariff-crash',
        regimes: ['hk-sfc-2026', 'offshore-cex'],
        seed: 20251010,
        lang: 'zh-Hant-HK',
      }),
    ).toBe(
      '<script type="module" src="https://lab.example/leverage/leverage-lab-figure.js"></script>\n' +
        '<leverage-lab-figure scenario="2025-10-tariff-crash" regimes="hk-sfc-2026,offshore-cex" seed="20251010" ' +
        'lang="zh-Hant-HK" metric="liquidations"></leverage-lab-figure>',
    );
  });

  it('escape attribute text and give each frame its own id', () => {
    expect(escapeAttribute(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
    const ids = new Set(Array.from({ length: 50 }, newFrameId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(FRAME_ID);
  });
});
