/**
 * The height message of the embed view (doc/url-state.md, "The height message"), both sides:
 *
 *   embed → parent: parent.postMessage({ type: 'leverage-lab:height', version: 1, height }, '*')
 *
 * `height` is the embed's content height in CSS pixels. The message carries no state, so sending it to any
 * origin ('*') discloses nothing. The parent side accepts a message only when it comes from the iframe's own
 * window and origin and fits the schema (type, version, a finite height from 0 to 10,000); anything else is
 * ignored. `heightListenerScript` is the same check as plain script for the iframe snippet.
 */

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

export function isHeightMessage(data: unknown): data is HeightMessage {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const message = data as Record<string, unknown>;
  const height = message.height;
  return (
    message.type === HEIGHT_MESSAGE_TYPE &&
    message.version === HEIGHT_MESSAGE_VERSION &&
    typeof height === 'number' &&
    Number.isFinite(height) &&
    height >= 0 &&
    height <= MAX_EMBED_HEIGHT
  );
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
    if (!isHeightMessage(event.data)) return;
    iframe.style.height = `${Math.ceil(event.data.height)}px`;
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
    "    if (!d || typeof d !== 'object') return;",
    `    if (d.type !== '${HEIGHT_MESSAGE_TYPE}' || d.version !== ${HEIGHT_MESSAGE_VERSION}) return;`,
    "    if (typeof d.height !== 'number' || !isFinite(d.height)) return;",
    `    if (d.height < 0 || d.height > ${MAX_EMBED_HEIGHT}) return;`,
    "    frame.style.height = Math.ceil(d.height) + 'px';",
    '  });',
    '})();',
  ].join('\n');
}
