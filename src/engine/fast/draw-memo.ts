/**
 * A process's last set-up answers, kept for the next run that asks for the same ones (issue 16): a sweep runs
 * each seed once per value, the ranges over seeds each seed once per rule set. Used for a seed's draws
 * (run/seed-setup.ts) and a path's tables (market/path-tables.ts). Only what pure functions give is kept this
 * way (the same inputs give the same arrays, bit for bit), so a kept answer is the one the function would give
 * again, and runs only read it.
 *
 * Kept up to a budget of bytes, the least recently used dropped first; an answer larger than the budget is not
 * kept (a long run draws once, as before).
 */
export class DrawMemo<V> {
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  #bytes = 0;

  constructor(readonly budgetBytes: number) {}

  /** The kept answer for `key`, now the most recently used; undefined when none is kept. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` (of about `bytes` bytes) for `key`, dropping the least recently used past the budget. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.budgetBytes) return;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.budgetBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  /** Forgets the answer for `key`, if kept. */
  delete(key: string): void {
    const old = this.#entries.get(key);
    if (old === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= old.bytes;
  }

  /** Forgets every kept answer. */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  /** How many answers are kept (for tests). */
  get size(): number {
    return this.#entries.size;
  }

  /** Their bytes, as given to `set` (for tests). */
  get bytes(): number {
    return this.#bytes;
  }
}

/** Whether two series hold the same numbers (a kept draw's inputs against a caller's). */
export function sameSeries(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let t = 0; t < a.length; t++) if (a[t] !== b[t]) return false;
  return true;
}
