/**
 * Keeps the app's state and the URL hash in step. On start it reads a state link (`#v1.…`) and applies it to
 * AppState; a refused link leaves the defaults and a notice for the banner. (The app then runs; hand-written
 * hashes such as `#lesson=…`, `#present` or `#lang=…`, and `?lang=`, are read by start-options.ts; `#view=embed`
 * is read here.) After
 * that, every change of the state rewrites the hash (history.replaceState, debounced, no history entries) —
 * unless the hash is a hand-written one, which stays as the user wrote it — and a state link pasted into the
 * address bar (hashchange) is opened and run in place. Share and Embed links come from here. The format is
 * src/lib/url-state.
 */
import { untrack } from 'svelte';
import { SPEEDS, type AppState } from '../../lib/app-state.svelte.ts';
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';
import type { RegimeOverrides } from '../../engine/regimes/guardrail-keys.ts';
import {
  VIEWS,
  decodeHash,
  defaultSharedState,
  notice,
  encodeState,
  encodeStatePlain,
  toCompact,
  type SharedState,
  type UrlNotice,
  type View,
} from '../../lib/url-state/index.ts';
import { hashOf, hashParameter, resolveFrom, withHash } from './url-parts.ts';

/** Where the hash lives: the browser's location and history, or a stand-in in tests. */
export interface UrlEnvironment {
  /** The current URL (hash and query included). */
  href(): string;
  /** Replaces the hash without a new history entry. */
  replaceHash(hash: string): void;
  /** Calls `listener` when the user changes the hash; returns the function that stops it. */
  onHashChange(listener: () => void): () => void;
  /** Whether `hash` ('#charts') names an element of the page: an in-page anchor, which a state link may replace. */
  isAnchor(hash: string): boolean;
}

export function browserEnvironment(): UrlEnvironment {
  return {
    href: () => location.href,
    replaceHash: (hash) => history.replaceState(history.state, '', hash),
    onHashChange: (listener) => {
      addEventListener('hashchange', listener);
      return () => removeEventListener('hashchange', listener);
    },
    isAnchor: (hash) => {
      try {
        return hash.length > 1 && document.getElementById(decodeURIComponent(hash.slice(1))) !== null;
      } catch {
        return false;
      }
    },
  };
}

/** Pause after the last change before the hash is rewritten (playback changes the frame 20 times a second). */
export const HASH_WRITE_DELAY_MS = 400;

/** A state link: a version marker first (#v1.…). Any other hash belongs to someone else. */
const STATE_HASH = /^#v\d/;

export function isStateHash(hash: string): boolean {
  return STATE_HASH.test(hash);
}

export interface UrlSyncOptions {
  environment?: UrlEnvironment;
  writeDelayMs?: number;
}

export class UrlSync {
  /** 'embed' shows the compact embed view instead of the full app. */
  view = $state<View>('app');
  /** The lesson a link opened, if any (lessons read it from here). */
  lesson = $state<string | undefined>(undefined);
  /** What the banner says about the link that was opened. */
  notices = $state.raw<readonly UrlNotice[]>([]);
  /** The whole link was refused and the defaults run instead. */
  refused = $state(false);
  /** The link has been read and applied. */
  started = $state(false);

  /**
   * The playback frame of the link just opened, applied once the run's results are in: before that the run has
   * no frames, and the scrubber would show its start.
   */
  #pendingFrame = $state<number | null>(null);

  readonly #app: AppState;
  readonly #i18n: I18n;
  readonly #environment: UrlEnvironment;
  readonly #delay: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopEffect: (() => void) | null = null;
  #stopHashChange: (() => void) | null = null;
  /** The compact JSON last written to (or read from) the hash. */
  #lastJson = '';
  #lastHash = '';
  #writes = 0;
  #disposed = false;

  constructor(app: AppState, i18n: I18n, options: UrlSyncOptions = {}) {
    this.#app = app;
    this.#i18n = i18n;
    this.#environment = options.environment ?? browserEnvironment();
    this.#delay = options.writeDelayMs ?? HASH_WRITE_DELAY_MS;
  }

  /** The state as a link would carry it, with `view` replaced if given. */
  snapshot(view: View = this.view): SharedState {
    const app = this.#app;
    const ruleSet = (i: 0 | 1) => ({
      preset: app.ruleSets[i].preset,
      overrides: $state.snapshot(app.ruleSets[i].overrides) as RegimeOverrides,
    });
    const state: SharedState = {
      scenario: app.scenario,
      ruleSets: [ruleSet(0), ruleSet(1)],
      population: { ...$state.snapshot(app.population) },
      seed: app.seed,
      affiliatedMarketMaker: app.affiliatedMarketMaker,
      follow: [...app.follow],
      followedTrader: app.followedTrader,
      frame: this.#pendingFrame ?? app.frame,
      speed: app.speed,
      lang: this.#i18n.locale,
      view,
    };
    if (app.days !== undefined) state.days = app.days;
    if (this.lesson !== undefined) state.lesson = this.lesson;
    if (app.sweep !== null) state.sweep = { ...app.sweep };
    if (app.market !== 'BTC') state.market = app.market;
    return state;
  }

  /** The full URL of the current state, compressed when shorter. */
  async link(view: View = this.view): Promise<string> {
    return this.#url(await encodeState(this.snapshot(view)));
  }

  /** The full URL of the current state, made at once (plain form): for an href that must stay current. */
  linkNow(view: View = this.view): string {
    return this.#url(encodeStatePlain(this.snapshot(view)));
  }

  /** A URL relative to the app's page (for files published beside it, such as the figure script). */
  resolve(path: string): string {
    return resolveFrom(this.#environment.href(), path);
  }

  #url(hash: string): string {
    return withHash(this.#environment.href(), hash);
  }

  /**
   * Reads a state link, if the hash holds one, and applies it; then keeps the hash up to date. Does not run:
   * the app runs after this resolves (unless a lesson decides what to run). Never rejects.
   */
  async start(): Promise<void> {
    try {
      const hash = hashOf(this.#environment.href());
      if (isStateHash(hash)) await this.#open(hash);
      else this.#readParameters(hash);
      if (this.#disposed) return;
      this.#lastHash = hash;
      this.#lastJson = JSON.stringify(toCompact(this.snapshot()));
      this.#stopEffect = $effect.root(() => {
        $effect(() => {
          const json = JSON.stringify(toCompact(this.snapshot()));
          // While a comparison computes the hash waits (see #write); this runs again when the run ends.
          if (this.#app.running) return;
          untrack(() => this.#changed(json));
        });
        $effect(() => {
          const frame = this.#pendingFrame;
          const configs = this.#app.resultConfigs;
          if (frame === null || configs === null) return;
          untrack(() => {
            // Only results of the state the link set (not of a comparison shown before it was opened).
            if (JSON.stringify(configs) !== JSON.stringify(this.#app.configs())) return;
            this.#pendingFrame = null;
            this.#app.seek(frame);
          });
        });
      });
      this.#stopHashChange = this.#environment.onHashChange(() => void this.#hashChanged());
    } finally {
      this.started = true;
    }
  }

  dismiss(): void {
    this.notices = [];
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#stopEffect?.();
    this.#stopHashChange?.();
  }

  /** Applies the state link in `hash`, or the defaults with a notice if it is refused. */
  async #open(hash: string): Promise<void> {
    const result = await decodeHash(hash);
    if (this.#disposed) return;
    if (result.ok) {
      this.notices = result.notices;
      this.refused = false;
      this.#apply(result.state, true);
    } else {
      this.notices = [result.notice];
      this.refused = true;
      this.#apply(defaultSharedState(), false);
    }
  }

  /**
   * A hand-written hash of parameters (`#view=embed`, as an explainer page's iframe uses): only `view` is read
   * here; `lang`, `lesson`, `step` and `present` are start-options.ts's.
   */
  #readParameters(hash: string): void {
    const view = hashParameter(hash, 'view');
    if (view === null) return;
    if ((VIEWS as readonly string[]).includes(view)) this.view = view as View;
    else this.notices = [notice('invalid-field', 'view', view, VIEWS.map((v) => `"${v}"`).join(' or '))];
  }

  #apply(state: SharedState, setLanguage: boolean): void {
    const app = this.#app;
    app.pause();
    app.scenario = state.scenario;
    app.days = state.days;
    app.ruleSets = [
      { preset: state.ruleSets[0].preset, overrides: structuredClone(state.ruleSets[0].overrides) },
      { preset: state.ruleSets[1].preset, overrides: structuredClone(state.ruleSets[1].overrides) },
    ];
    app.population = { ...state.population };
    app.seed = state.seed;
    app.affiliatedMarketMaker = state.affiliatedMarketMaker;
    app.follow = [...state.follow];
    app.followedTrader = state.followedTrader;
    app.speedIndex = Math.max(0, (SPEEDS as readonly number[]).indexOf(state.speed));
    app.frame = 0;
    this.#pendingFrame = state.frame > 0 ? state.frame : null;
    if (setLanguage) this.#i18n.setLocale(state.lang);
    this.view = state.view;
    this.lesson = state.lesson;
    app.sweep = state.sweep === undefined ? null : { ...state.sweep };
    app.market = state.market ?? 'BTC';
  }

  /** The state changed: write the hash once it has been still for a moment. */
  #changed(json: string): void {
    if (this.#disposed || json === this.#lastJson) return;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#write();
    }, this.#delay);
  }

  async #write(): Promise<void> {
    const write = ++this.#writes;
    const state = this.snapshot();
    const hash = await encodeState(state);
    // A newer write (or a link opened meanwhile) wins.
    if (this.#disposed || write !== this.#writes) return;
    // While the engine worker computes, a same-document navigation costs the page thread 10–66 ms (measured in
    // Chromium on the 2-core machine, 2026-12-06, against 1–4 ms when the page is quiet): long enough to make
    // the page stutter (issue 16: no task over 50 ms). The effect in start() asks again when the run ends; Share
    // and Embed read the state itself, never the address bar, so their links are current meanwhile.
    if (this.#app.running) return;
    this.#lastJson = JSON.stringify(toCompact(state));
    const current = hashOf(this.#environment.href());
    // A hand-written hash (#lesson=…, #present) stays as the user wrote it; Share still gives the state link.
    if (!this.#mayReplace(current)) return;
    this.#lastHash = hash;
    if (current !== hash) this.#environment.replaceHash(hash);
  }

  #mayReplace(hash: string): boolean {
    return hash === '' || hash === '#' || isStateHash(hash) || this.#environment.isAnchor(hash);
  }

  /** A link pasted into the address bar of an open page: open it in place. */
  async #hashChanged(): Promise<void> {
    const hash = hashOf(this.#environment.href());
    if (hash === this.#lastHash) return;
    if (!isStateHash(hash)) {
      this.#readParameters(hash);
      return;
    }
    this.#writes++;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#lastHash = hash;
    await this.#open(hash);
    if (this.#disposed) return;
    this.#lastJson = JSON.stringify(toCompact(this.snapshot()));
    await this.#app.run();
  }
}
