/**
 * The two snippets of the Embed dialog, as text for the user to paste into their own page: an iframe of the
 * embed view with its height listener, and the `<leverage-lab-figure>` custom element. Every attribute value
 * is escaped; the values themselves come from validated state (ids, numbers, a URL this app made).
 */
import { FRAME_ID, heightListenerScript } from './embed-listener.ts';

/** Text safe inside a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The height an iframe starts at, before its first height message. */
export const INITIAL_FRAME_HEIGHT = 720;

/**
 * The compact embed's starting height: the outcome card alone (no playback, no chart, no row hints). An
 * estimate; the height listener sets the real height at the frame's first message.
 */
export const COMPACT_FRAME_HEIGHT = 460;

/** The embed view's address with `?compact` (EmbedView reads it from the query, before the state's hash). */
export function compactSource(src: string): string {
  const hashAt = src.indexOf('#');
  const base = hashAt < 0 ? src : src.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : src.slice(hashAt);
  if (/[?&]compact(=|&|$)/.test(base)) return src;
  return `${base}${base.includes('?') ? '&' : '?'}compact${hash}`;
}

/**
 * Scripts for the app's own code, popups for "Open in Leverage Lab" (in a tab of its own, not sandboxed);
 * same-origin so the embed keeps its real origin (its worker, and the parent's origin check, need it).
 */
export const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

export interface IframeSnippetOptions {
  /** The embed view's URL, hash included. */
  src: string;
  /** The iframe's accessible name. */
  title: string;
  /** Matches FRAME_ID: the height listener finds the frame by it. */
  id: string;
  /** The compact embed: the outcome only, at the end of the run, in a shorter frame. */
  compact?: boolean;
}

export function iframeSnippet({ src, title, id, compact = false }: IframeSnippetOptions): string {
  if (!FRAME_ID.test(id)) throw new RangeError(`frame id must match ${FRAME_ID} (got ${id})`);
  const attributes = [
    `id="${id}"`,
    `src="${escapeAttribute(compact ? compactSource(src) : src)}"`,
    `title="${escapeAttribute(title)}"`,
    'loading="lazy"',
    `style="width:100%;border:0;height:${compact ? COMPACT_FRAME_HEIGHT : INITIAL_FRAME_HEIGHT}px"`,
    `sandbox="${FRAME_SANDBOX}"`,
    'referrerpolicy="no-referrer"',
  ];
  return `<iframe ${attributes.join(' ')}></iframe>\n<script>\n${heightListenerScript(id)}\n</script>`;
}

export interface FigureSnippetOptions {
  /** URL of leverage-lab-figure.js. */
  scriptSrc: string;
  scenario: string;
  regimes: readonly [string, string];
  seed: number;
  lang: string;
  /** What the figure shows; the element's default is liquidations. */
  metric?: string;
}

export function figureSnippet(options: FigureSnippetOptions): string {
  const { scriptSrc, scenario, regimes, seed, lang, metric = 'liquidations' } = options;
  const attributes = [
    `scenario="${escapeAttribute(scenario)}"`,
    `regimes="${escapeAttribute(regimes.join(','))}"`,
    `seed="${escapeAttribute(String(seed))}"`,
    `lang="${escapeAttribute(lang)}"`,
    `metric="${escapeAttribute(metric)}"`,
  ];
  return (
    `<script type="module" src="${escapeAttribute(scriptSrc)}"></script>\n` +
    `<leverage-lab-figure ${attributes.join(' ')}></leverage-lab-figure>`
  );
}

/** A fresh frame id, so that several embeds on one page each get their own height. */
export function newFrameId(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `leverage-lab-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}
