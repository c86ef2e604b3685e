/**
 * The exit index's heap (run/exit-watch.ts): fast/heap.ts's KeyedHeap, the same comparisons in the same order
 * (so the same tree), with each entry's level and trader side by side in one Float64Array and no version (an
 * exit level is never superseded; a trader gone is dropped by the caller's test). A pop walks down the tree
 * and, past its first levels, every step is a cache miss: one array read for both numbers where three arrays
 * (keys, ids, versions) were three (issue 16: a 100,000-trader run pops about 80,000 levels, half of them of
 * traders long gone). `order` +1 pops the lowest level first, −1 the highest.
 */
export class ExitLevelHeap {
  /** Entry k's level at 2k, its trader at 2k + 1 (a whole number, exact in a double). */
  #entries = new Float64Array(2 * 64);
  #size = 0;
  readonly #order: 1 | -1;

  constructor(order: 1 | -1) {
    this.#order = order;
  }

  get size(): number {
    return this.#size;
  }

  push(key: number, trader: number): void {
    if (2 * this.#size === this.#entries.length) this.#grow();
    const entries = this.#entries;
    let i = this.#size++;
    const o = this.#order;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = entries[2 * parent]!;
      if (o * parentKey <= o * key) break;
      entries[2 * i] = parentKey;
      entries[2 * i + 1] = entries[2 * parent + 1]!;
      i = parent;
    }
    entries[2 * i] = key;
    entries[2 * i + 1] = trader;
  }

  /** Level at the top, or NaN when empty. */
  peekKey(): number {
    return this.#size > 0 ? this.#entries[0]! : NaN;
  }

  peekTrader(): number {
    return this.#entries[1]!;
  }

  pop(): void {
    const last = --this.#size;
    if (last <= 0) return;
    const entries = this.#entries;
    const key = entries[2 * last]!;
    const trader = entries[2 * last + 1]!;
    const o = this.#order;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && o * entries[2 * right]! < o * entries[2 * left]! ? right : left;
      const childKey = entries[2 * child]!;
      if (o * childKey >= o * key) break;
      entries[2 * i] = childKey;
      entries[2 * i + 1] = entries[2 * child + 1]!;
      i = child;
    }
    entries[2 * i] = key;
    entries[2 * i + 1] = trader;
  }

  #grow(): void {
    const entries = new Float64Array(this.#entries.length * 2);
    entries.set(this.#entries);
    this.#entries = entries;
  }
}
