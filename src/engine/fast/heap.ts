/**
 * A binary heap of (key, id) pairs with lazy deletion: an entry is stale once its id's version moved on.
 * `order` +1 pops the smallest key first, −1 the largest. Keys and ids live in typed arrays that grow.
 */
/**
 * A heap's arrays before its first push: empty, shared by every heap and never written (a push finds it full
 * and grows). A run makes about thirty heaps, one per venue market and side, exit slot and margin asset, and a
 * classroom run pushes into few of them: their three typed arrays each, made at createRun, were 23% of
 * createRun's profile with the seed's draws kept (issue 16).
 */
const NO_KEYS = new Float64Array(0);
const NO_IDS = new Int32Array(0);
/** Entries a heap makes room for at its first push. */
const FIRST_CAPACITY = 64;

export class KeyedHeap {
  #keys = NO_KEYS;
  #ids = NO_IDS;
  #versions = NO_IDS;
  #size = 0;
  readonly #order: 1 | -1;

  constructor(order: 1 | -1) {
    this.#order = order;
  }

  get size(): number {
    return this.#size;
  }

  push(key: number, id: number, version: number): void {
    if (this.#size === this.#keys.length) this.#grow();
    let i = this.#size++;
    const o = this.#order;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (o * this.#keys[parent]! <= o * key) break;
      this.#move(parent, i);
      i = parent;
    }
    this.#keys[i] = key;
    this.#ids[i] = id;
    this.#versions[i] = version;
  }

  /** Key at the top, or NaN when empty. */
  peekKey(): number {
    return this.#size > 0 ? this.#keys[0]! : NaN;
  }

  peekId(): number {
    return this.#ids[0]!;
  }

  peekVersion(): number {
    return this.#versions[0]!;
  }

  /** Entry i's id and version (0 ≤ i < size, in no particular order): a walk over every entry. */
  idAt(i: number): number {
    return this.#ids[i]!;
  }

  versionAt(i: number): number {
    return this.#versions[i]!;
  }

  pop(): void {
    const last = --this.#size;
    if (last <= 0) return;
    const key = this.#keys[last]!;
    const id = this.#ids[last]!;
    const version = this.#versions[last]!;
    const o = this.#order;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && o * this.#keys[right]! < o * this.#keys[left]! ? right : left;
      if (o * this.#keys[child]! >= o * key) break;
      this.#move(child, i);
      i = child;
    }
    this.#keys[i] = key;
    this.#ids[i] = id;
    this.#versions[i] = version;
  }

  clear(): void {
    this.#size = 0;
  }

  #move(from: number, to: number): void {
    this.#keys[to] = this.#keys[from]!;
    this.#ids[to] = this.#ids[from]!;
    this.#versions[to] = this.#versions[from]!;
  }

  #grow(): void {
    const capacity = Math.max(FIRST_CAPACITY, this.#keys.length * 2);
    const keys = new Float64Array(capacity);
    keys.set(this.#keys);
    const ids = new Int32Array(capacity);
    ids.set(this.#ids);
    const versions = new Int32Array(capacity);
    versions.set(this.#versions);
    this.#keys = keys;
    this.#ids = ids;
    this.#versions = versions;
  }
}
