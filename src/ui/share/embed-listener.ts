/**
 * The height message of the embed view (doc/url-state.md, "The height message"), both sides:
 *
 *   embed → parent: parent.postMessage({ type: 'leverage-lab:height', version: 1, height }, '*')
 *
 * `height` is the embed's content height in CSS pixels. The message carries no state, so sending it to any
 * origin ('*') discloses nothing. The parent side accepts a message only when it comes from the iframe's own
 * window and origin and fits the schema (type, version, a finite height from 0 to 10,000); anything else is
 * ignored. The schema is checked with the rules of the shared validation layer (src/engine/validation): only
 * own fields of a plain object are read. `heightListenerScript` is the same check as plain script for the iframe
 * snippet, and public/explainer.js (static, plain script) makes it too.
 */
import {
  between,
  described,
  isPlainRecord,
  oneOf,
  ownField,
  read,
  type Reading,
  type Refusal,
  type Rule,
} from '../../engine/validation/index.ts';

export const HEIGHT_MESSAGE_TYPE = 'leverage-lab:height';
export const HEIGHT_MESSAGE_VERSION = 1;
export const MAX_EMBED_HEIGHT = 10_000;

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE_TYPE;
  version: typeof HEIGHT_MESSAGE_VERSION;
  height: number;
}

/** The message for a content height (rounded up to whole pixels, within 0–10,000). */
export function heightMessage(height: number): HeightMessage {
  const whole = Number.isFinite(height) ? Math.ceil(height) : 0;
  return {
    type: HEIGHT_MESSAGE_TYPE,
    version: HEIGHT_MESSAGE_VERSION,
    height: Math.min(MAX_EMBED_HEIGHT, Math.max(0, whole)),
  };
}

const MESSAGE = described('an object { type, version, height }', isPlainRecord);

/** The rule of each field of the message (doc/url-state.md, "The embed view and its height message"). */
const FIELDS: Readonly<Record<keyof HeightMessage, Rule<unknown>>> = {
  type: oneOf([HEIGHT_MESSAGE_TYPE]),
  version: oneOf([HEIGHT_MESSAGE_VERSION]),
  height: between(0, MAX_EMBED_HEIGHT, { unit: 'CSS pixels' }),
};

/**
 * The message, read field by field from its own properties; or the refusal of the first field that does not
 * fit ("height message, height must be between 0 and 10000 CSS pixels (got "812")"), for a test or a console.
 */
export function readHeightMessage(data: unknown): Reading<HeightMessage> {
  const refused = (refusal: Refusal): Reading<HeightMessage> => ({ ok: false, refusal });
  const whole = read('height message', data, MESSAGE);
  if (!whole.ok) return refused(whole.refusal);
  for (const [field, rule] of Object.entries(FIELDS)) {
    const reading = read(`height message, ${field}`, ownField(whole.value, field), rule);
    if (!reading.ok) return refused(reading.refusal);
  }
  return {
    ok: true,
    value: {
      type: HEIGHT_MESSAGE_TYPE,
      version: HEIGHT_MESSAGE_VERSION,
      height: ownField(whole.value, 'height') as number,
    },
  };
}

export function isHeightMessage(data: unknown): data is HeightMessage {
  return readHeightMessage(data).ok;
}

/** The origin of the page an iframe shows, or null when its src is not an http(s) URL. */
function frameOrigin(iframe: HTMLIFrameElement): string | null {
  try {
    const url = new URL(iframe.src, iframe.ownerDocument.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Sets the iframe's height from its height messages; returns the function that stops listening. */
export function listenForHeight(iframe: HTMLIFrameElement, win: Window = window): () => void {
  const listener = (event: MessageEvent) => {
    const origin = frameOrigin(iframe);
    if (origin === null || event.origin !== origin) return;
    if (event.source !== iframe.contentWindow) return;
    const message = readHeightMessage(event.data);
    if (!message.ok) return;
    iframe.style.height = `${Math.ceil(message.value.height)}px`;
  };
  win.addEventListener('message', listener);
  return () => win.removeEventListener('message', listener);
}

/** Ids the snippet gives its iframe: the script finds the frame by it. */
export const FRAME_ID = /^leverage-lab-[a-z0-9]{1,32}$/;

/**
 * `listenForHeight` as a self-contained script for a page that pastes the snippet (no module, no build, ES5).
 * Kept in step with `listenForHeight` by the tests, which run both against the same messages.
 */
export function heightListenerScript(iframeId: string): string {
  if (!FRAME_ID.test(iframeId)) throw new RangeError(`frame id must match ${FRAME_ID} (got ${iframeId})`);
  return [
    '(function () {',
    `  var frame = document.getElementById('${iframeId}');`,
    '  if (!frame) return;',
    '  var origin = new URL(frame.src, document.baseURI).origin;',
    "  window.addEventListener('message', function (event) {",
    '    if (event.origin !== origin || event.source !== frame.contentWindow) return;',
    '    var d = event.data;',
    "    if (!d || typeof d !== 'object' || Array.isArray(d)) return;",
    '    var proto = Object.getPrototypeOf(d);',
    '    if (proto !== Object.prototype && proto !== null) return;',
    '    var own = function (k) { return Object.prototype.hasOwnProperty.call(d, k) ? d[k] : undefined; };',
    "    var height = own('height');",
    `    if (own('type') !== '${HEIGHT_MESSAGE_TYPE}' || own('version') !== ${HEIGHT_MESSAGE_VERSION}) return;`,
    "    if (typeof height !== 'number' || !isFinite(height)) return;",
    `    if (height < 0 || height > ${MAX_EMBED_HEIGHT}) return;`,
    "    frame.style.height = Math.ceil(height) + 'px';",
    '  });',
    '})();',
  ].join('\n');
}
