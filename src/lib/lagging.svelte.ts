/**
 * A value that follows another a few tasks later. When a large run's results arrive, every panel that reads
 * them would otherwise render in the one task that received them (half a second at 100,000 traders, with the
 * page frozen). A heavy panel reads its results through a `Lagging` instead, so it renders in a task of its
 * own and the browser can paint and answer input in between (issue 6, "a responsive page").
 *
 * Create it while a component initialises (it owns an effect). The first value is taken at once, so a panel
 * mounted over existing results shows them in its first render.
 */
import { untrack } from 'svelte';

export class Lagging<T> {
  current = $state.raw() as T;

  /** `read` is tracked; its changes reach `current` after `tasks` macrotasks (a newer change cancels). */
  constructor(read: () => T, tasks = 1) {
    this.current = read();
    $effect(() => {
      const next = read();
      if (next === untrack(() => this.current)) return;
      const apply = () => (this.current = next);
      let remaining = tasks;
      const wait = () => {
        if (--remaining > 0) timer = setTimeout(wait, 0);
        else apply();
      };
      let timer = setTimeout(wait, 0);
      return () => clearTimeout(timer);
    });
  }
}
