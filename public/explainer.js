/*
 * For a page that embeds Leverage Lab in an iframe (explainer.html, or any article): sets each embed's height
 * from the embed view's message, so the app shows without an inner scroll bar.
 *
 *   <iframe src="https://host/leverage-lab/index.html#…" data-leverage-lab-embed></iframe>
 *   <script src="https://host/leverage-lab/explainer.js" defer></script>
 *
 * The message, posted by the embed view to its parent:
 *   { type: 'leverage-lab:height', version: 1, height: <CSS pixels> }
 * It is believed only when it comes from one of the page's embeds (event.source) AND from the origin that
 * embed's src points to (event.origin), and only if it has exactly that shape with a sane height. Anything else is
 * ignored, silently. The height is set through the iframe's height attribute: no inline style, no HTML.
 *
 * A static file (no build), so it cannot import the app's validation layer; `heightFrom` accepts exactly what
 * `readHeightMessage` in src/ui/share/embed-listener.ts accepts: a plain object whose own `type` and `version`
 * match and whose own `height` is a finite number from 0 to 10,000. (The frame is then kept at least
 * MIN_HEIGHT tall.)
 */
(function () {
  'use strict';

  var MESSAGE_TYPE = 'leverage-lab:height';
  var MESSAGE_VERSION = 1;
  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 10000;

  function embeds() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-leverage-lab-embed]'));
  }

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch {
      return null;
    }
  }

  function own(data, key) {
    return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
  }

  function heightFrom(data) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
    var proto = Object.getPrototypeOf(data);
    if (proto !== Object.prototype && proto !== null) return null;
    if (own(data, 'type') !== MESSAGE_TYPE || own(data, 'version') !== MESSAGE_VERSION) return null;
    var height = own(data, 'height');
    if (typeof height !== 'number' || !isFinite(height) || height < 0 || height > MAX_HEIGHT) return null;
    return Math.max(MIN_HEIGHT, Math.ceil(height));
  }

  window.addEventListener('message', function (event) {
    var frame = embeds().find(function (candidate) {
      return candidate.contentWindow === event.source;
    });
    if (!frame || originOf(frame) !== event.origin) return;
    var height = heightFrom(event.data);
    if (height === null) return;
    frame.setAttribute('height', String(height));
  });
})();
