/**
 * Re-running after a change: at once for a choice (a preset, a scenario), after a pause for typing, so that
 * "125" runs once and not three times. A newer run stops an older one in the worker anyway.
 */
import type { AppState } from '../../lib/app-state.svelte.ts';

export const RERUN_DELAY_MS = 300;

export interface Rerun {
  /** Runs after `delayMs` without a further call. */
  soon(): void;
  /** Runs now (and drops a pending delayed run). */
  now(): void;
  cancel(): void;
}

/** `app` and `delayMs` are read at each call, so a component can pass its props through getters. */
export function rerunner(app: () => AppState, delayMs: () => number = () => RERUN_DELAY_MS): Rerun {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    soon() {
      cancel();
      timer = setTimeout(() => {
        timer = null;
        void app().run();
      }, delayMs());
    },
    now() {
      cancel();
      void app().run();
    },
    cancel,
  };
}
