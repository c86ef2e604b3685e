/**
 * `<leverage-lab-figure>`: a compact A-against-B figure for an article, computed in the reader's browser.
 *
 *   <script type="module" src="https://host/leverage-lab/leverage-lab-figure.js"></script>
 *   <leverage-lab-figure scenario="2025-10-tariff-crash" regimes="hk-sfc-2026,offshore-cex"
 *     seed="20251010" lang="en" metric="liquidations" traders="200"></leverage-lab-figure>
 *
 * Every attribute is optional and checked (attributes.ts); a bad one shows a visible error and nothing is
 * computed. The simulation starts when the figure comes within 200 px of the viewport and is stopped when it is
 * more than a screen away; it resumes when the reader scrolls back. Changing `lang` or `metric` redraws from
 * the numbers already computed. The build (vite.element.config.ts) makes this one ES module file with the
 * engine worker inlined.
 */
import { DEFAULT_POPULATION } from '../engine/population/settings.ts';
import type { RunConfig } from '../engine/run/config.ts';
import type { RunSummary } from '../engine/run/summary.ts';
import {
  FIGURE_ATTRIBUTES,
  readFigureAttributes,
  type FigureAttribute,
  type FigureSettings,
} from './attributes.ts';
import css from './figure.css?inline';
import { FigureRun, FigureRunStopped } from './figure-run.ts';
import { EmbeddingProblem, opaqueOrigin, watchPolicyViolations } from './embedding-problems.ts';
import { FIGURE_LOCALES, figureText, regimeName, type FigureLocale } from './figure-text.ts';
import { comparisonView, errorView, figureFrame, type FigureParts } from './figure-view.ts';
import { openInAppHref } from './open-link.ts';
import { sweepConfigs, sweepSpreads, sweepView } from './figure-sweep.ts';

export type FigureState = 'invalid' | 'waiting' | 'computing' | 'paused' | 'done' | 'failed';

/** Start when this close to the viewport… */
const NEAR_MARGIN = '200px';
/** …and stop a run that goes farther away than about a screen. */
const FAR_MARGIN = '100% 0px';

let sharedSheet: CSSStyleSheet | null = null;

function adoptStyles(root: ShadowRoot): void {
  // A constructed sheet is not inline style, so the figure keeps its look under a strict style-src policy.
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    sharedSheet ??= new CSSStyleSheet();
    if (sharedSheet.cssRules.length === 0) sharedSheet.replaceSync(css);
    root.adoptedStyleSheets = [sharedSheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/** What a run depends on: a change of `lang` or `metric` alone redraws without computing again. */
const runKey = (s: FigureSettings) =>
  `${s.scenario}|${s.regimes.join(',')}|${s.seed}|${s.traders}|${JSON.stringify(s.sweep)}`;

export class LeverageLabFigure extends HTMLElement {
  static readonly observedAttributes: readonly string[] = FIGURE_ATTRIBUTES;

  #root: ShadowRoot;
  #state: FigureState = 'waiting';
  #settings: FigureSettings | null = null;
  #parts: FigureParts | null = null;
  #result: { key: string; summaries: RunSummary[] } | null = null;
  #run: FigureRun | null = null;
  #near = false;
  /** Which run of the comparison is computing (0 = rule set A). */
  #computing = 0;
  #observers: IntersectionObserver[] = [];
  #updateQueued = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root);
  }

  /** Where the figure is: invalid, waiting (not yet near the viewport), computing, paused, done or failed. */
  get state(): FigureState {
    return this.#state;
  }

  connectedCallback(): void {
    this.#update();
    this.#observe();
  }

  disconnectedCallback(): void {
    for (const observer of this.#observers) observer.disconnect();
    this.#observers = [];
    this.#near = false;
    if (this.#run) this.#pause();
  }

  attributeChangedCallback(): void {
    if (!this.isConnected || this.#updateQueued) return;
    // Several attributes set in a row make one update.
    this.#updateQueued = true;
    queueMicrotask(() => {
      this.#updateQueued = false;
      if (this.isConnected) this.#update();
    });
  }

  #observe(): void {
    if (typeof IntersectionObserver !== 'function') {
      this.#near = true;
      this.#maybeStart();
      return;
    }
    const near = new IntersectionObserver(
      (entries) => {
        this.#near = entries.at(-1)!.isIntersecting;
        if (this.#near) this.#maybeStart();
      },
      { rootMargin: NEAR_MARGIN },
    );
    const far = new IntersectionObserver(
      (entries) => {
        const farAway = !entries.at(-1)!.isIntersecting;
        if (farAway && this.#run) this.#pause();
      },
      { rootMargin: FAR_MARGIN },
    );
    near.observe(this);
    far.observe(this);
    this.#observers = [near, far];
  }

  #update(): void {
    const reading = readFigureAttributes((name: FigureAttribute) => this.getAttribute(name));
    if (!reading.ok) {
      this.#stopRun();
      this.#settings = null;
      this.#parts = null;
      const given = this.getAttribute('lang')?.trim().toLowerCase();
      const locale: FigureLocale = FIGURE_LOCALES.find((l) => l.toLowerCase() === given) ?? 'en';
      this.#root.replaceChildren(errorView(reading.problems, locale));
      this.#setState('invalid');
      return;
    }
    const settings = reading.settings;
    const previous = this.#settings;
    this.#settings = settings;
    this.#parts = figureFrame(settings, openInAppHref(settings));
    this.#root.replaceChildren(this.#parts.root);
    const key = runKey(settings);
    if (this.#result?.key === key) {
      this.#showResult(this.#result.summaries);
      return;
    }
    if (previous && runKey(previous) !== key) this.#stopRun();
    this.#result = null;
    if (this.#run) this.#showComputing(this.#computing);
    else this.#showStatus('waiting', figureText(settings.lang, 'figure.status.waiting'));
    this.#maybeStart();
  }

  #maybeStart(): void {
    if (!this.#near || !this.#settings || this.#result || this.#run) return;
    void this.#start(this.#settings);
  }

  async #start(settings: FigureSettings): Promise<void> {
    const key = runKey(settings);
    if (opaqueOrigin()) {
      // A sandboxed frame without allow-same-origin: no worker can start; say what the host must allow.
      this.#showStatus('failed', figureText(settings.lang, 'figure.embed.opaqueOrigin'));
      return;
    }
    watchPolicyViolations();
    const run = new FigureRun();
    this.#run = run;
    // A frontier (sweep): rule set A at each value, over its seeds; else A and B on one seed.
    const configs = settings.sweep
      ? sweepConfigs(settings, settings.sweep)
      : settings.regimes.map((regime): RunConfig => ({
          scenario: settings.scenario,
          regime,
          seed: settings.seed,
          population: { ...DEFAULT_POPULATION, traders: settings.traders },
          affiliatedMarketMaker: false,
        }));
    try {
      const summaries = await run.summaries(configs, (k) => this.#showComputing(k));
      if (this.#run !== run) return;
      this.#run = null;
      this.#result = { key, summaries };
      this.#showResult(summaries);
    } catch (error) {
      if (this.#run !== run) return;
      this.#run = null;
      if (error instanceof FigureRunStopped) {
        this.#showStatus('paused', figureText(settings.lang, 'figure.status.paused'));
        return;
      }
      if (error instanceof EmbeddingProblem) {
        // What the host page must allow, not a failure of the engine (issue 19).
        this.#showStatus('failed', figureText(settings.lang, error.key));
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      this.#showStatus('failed', figureText(settings.lang, 'figure.status.failed', { message }));
    }
  }

  #pause(): void {
    this.#stopRun();
    if (this.#settings) this.#showStatus('paused', figureText(this.#settings.lang, 'figure.status.paused'));
  }

  #stopRun(): void {
    const run = this.#run;
    this.#run = null;
    run?.stop();
  }

  #showComputing(k: number): void {
    const settings = this.#settings;
    if (!settings) return;
    this.#computing = k;
    if (settings.sweep) {
      const { seeds, steps } = settings.sweep;
      const text = figureText(settings.lang, 'figure.sweep.computing', {
        k: Math.floor(k / seeds) + 1,
        steps,
      });
      this.#showStatus('computing', text);
      return;
    }
    const regime = `${k === 0 ? 'A' : 'B'} (${regimeName(settings.lang, settings.regimes[k]!)})`;
    this.#showStatus('computing', figureText(settings.lang, 'figure.status.computing', { regime }));
  }

  #showStatus(state: FigureState, text: string): void {
    const parts = this.#parts;
    if (!parts) return;
    parts.status.textContent = text;
    parts.status.classList.toggle('failed', state === 'failed');
    if (parts.status.parentElement !== parts.body) parts.body.replaceChildren(parts.status);
    this.#setState(state);
  }

  #showResult(summaries: readonly RunSummary[]): void {
    if (!this.#parts || !this.#settings) return;
    const settings = this.#settings;
    this.#parts.body.replaceChildren(
      settings.sweep
        ? sweepView(settings, settings.sweep, sweepSpreads(settings, settings.sweep, summaries))
        : comparisonView(settings, summaries),
    );
    this.#setState('done');
  }

  #setState(state: FigureState): void {
    this.#state = state;
    (this.#parts?.root ?? this.#root.firstElementChild)?.setAttribute('data-state', state);
    if (state === 'computing') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'leverage-lab-figure': LeverageLabFigure;
  }
}

if (!customElements.get('leverage-lab-figure'))
  customElements.define('leverage-lab-figure', LeverageLabFigure);
