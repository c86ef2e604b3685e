import { afterEach, describe, expect, it } from 'vitest';
import {
  FRAME_ID,
  heightListenerScript,
  heightMessage,
  isHeightMessage,
  listenForHeight,
  readHeightMessage,
} from './embed-listener.ts';
import explainerScript from '../../../public/explainer.js?raw';
import { compactSource, escapeAttribute, figureSnippet, iframeSnippet, newFrameId } from './snippets.ts';

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
  // Hostile shapes, refused by the validation layer's rules (and by both plain scripts, which match them).
  ['a height as text in exponent notation', { ...good, height: '1e400' }],
  ['a height as hex text', { ...good, height: '0x10' }],
  ['a height as padded text', { ...good, height: ' 5' }],
  ['a boxed number height', { ...good, height: Object(5) as unknown }],
  ['a version as text', { ...good, version: '1' }],
  ['a very long type', { ...good, type: `${good.type}${'x'.repeat(100_000)}` }],
  ['an array carrying the fields', Object.assign([], good)],
  ['fields inherited from a prototype', Object.create(good) as unknown],
  ['fields behind a "__proto__" key', JSON.parse(`{"__proto__":${JSON.stringify(good)}}`) as unknown],
  [
    'a class instance',
    new (class {
      type = good.type;
      version = 1;
      height = 5;
    })(),
  ],
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

  it('is read by the validation layer, naming the field that does not fit', () => {
    expect(readHeightMessage({ ...good, height: -0 })).toEqual({ ok: true, value: { ...good, height: -0 } });
    const field = (data: unknown) => {
      const reading = readHeightMessage(data);
      return reading.ok ? null : reading.refusal.field;
    };
    expect(field([good])).toBe('height message');
    expect(field(Object.create(good))).toBe('height message');
    expect(field({ ...good, type: '__proto__' })).toBe('height message, type');
    expect(field({ ...good, version: '1' })).toBe('height message, version');
    expect(field({ type: good.type, version: 1 })).toBe('height message, height');
    const reading = readHeightMessage({ ...good, height: '1e400' });
    expect(reading.ok ? '' : reading.refusal.message).toBe(
      'height message, height must be between 0 and 10000 CSS pixels (got "1e400")',
    );
  });
});

describe('public/explainer.js on the article page', () => {
  // A static plain script (no build): it must accept exactly the messages the layer's rules accept.
  new Function(explainerScript)();

  function embed(): HTMLIFrameElement {
    const iframe = frame();
    iframe.setAttribute('data-leverage-lab-embed', '');
    return iframe;
  }

  it('sets the height from a good message, at least its minimum', () => {
    const iframe = embed();
    post(good, EMBED_ORIGIN, iframe.contentWindow);
    expect(iframe.getAttribute('height')).toBe('813');
    post({ ...good, height: 0 }, EMBED_ORIGIN, iframe.contentWindow);
    expect(iframe.getAttribute('height')).toBe('120');
    post({ ...good, height: 10_000 }, EMBED_ORIGIN, iframe.contentWindow);
    expect(iframe.getAttribute('height')).toBe('10000');
  });

  it.each(BAD)('ignores %s, as the layer does', (_reason, data) => {
    const iframe = embed();
    post(data, EMBED_ORIGIN, iframe.contentWindow);
    expect(iframe.getAttribute('height')).toBeNull();
  });

  it('ignores another origin and another window', () => {
    const iframe = embed();
    post(good, 'https://evil.example', iframe.contentWindow);
    post(good, EMBED_ORIGIN, null);
    expect(iframe.getAttribute('height')).toBeNull();
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

  it('put ?compact in the query of the compact embed, never in the state hash', () => {
    expect(compactSource('https://lab.example/leverage/#v1.zAbC_-')).toBe(
      'https://lab.example/leverage/?compact#v1.zAbC_-',
    );
    expect(compactSource('https://lab.example/leverage/?x=1#v1.a?b')).toBe(
      'https://lab.example/leverage/?x=1&compact#v1.a?b',
    );
    expect(compactSource('https://lab.example/?compact#v1.a')).toBe('https://lab.example/?compact#v1.a');
    expect(compactSource('https://lab.example/')).toBe('https://lab.example/?compact');
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
