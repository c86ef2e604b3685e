/** A stand-in for the browser's location and history, and small states that run quickly in-process. */
import type { UrlEnvironment } from './url-sync.svelte.ts';
import { defaultSharedState, type SharedState } from '../../lib/url-state/index.ts';

export interface FakeEnvironment extends UrlEnvironment {
  url: string;
  /** Every hash written with replaceHash, in order. */
  writes: string[];
  /** Sets the URL as the user would (address bar) and fires hashchange. */
  navigate(url: string): void;
}

/** In-page anchors of the fake page (the app's section links). */
export const ANCHORS = ['#outcome', '#charts', '#main'];

export function fakeEnvironment(url = 'https://lab.example/explainers/leverage/'): FakeEnvironment {
  const listeners = new Set<() => void>();
  const env: FakeEnvironment = {
    url,
    writes: [],
    href: () => env.url,
    replaceHash(hash) {
      const next = new URL(env.url);
      next.hash = hash;
      env.url = next.href;
      env.writes.push(hash);
    },
    onHashChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isAnchor: (hash) => ANCHORS.includes(hash),
    navigate(next) {
      env.url = next;
      for (const listener of listeners) listener();
    },
  };
  return env;
}

/** A comparison that runs in a few milliseconds: a quarter-day synthetic market, 20 traders. */
export function quickState(changes: Partial<SharedState> = {}): SharedState {
  return {
    ...defaultSharedState(),
    scenario: 'synthetic-flash-crash',
    days: 0.25,
    population: { traders: 20, retailShare: 0.6, leakage: 0.2, refusedChoice: 'spot' },
    seed: 77,
    ...changes,
  };
}

/** Resolves once `check` passes (polls; for effects and timers settling). */
export async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
