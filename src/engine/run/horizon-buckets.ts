/**
 * The fast engine's horizons: every trader's exit minute is drawn with the population (population.ts), so the
 * traders are put in buckets by that minute once, in the order they enter (`RunState.entryOrder`), with one
 * counting sort; a minute visits its own bucket only. A trader who never opened, or already left, is in its
 * bucket still, and the caller's check of what it holds passes over it. Before (issue 16: "bucketed entries and
 * exits"), each opening linked its trader into its minute's list through arrays indexed by minute and trader,
 * about 1% of a 100,000-trader run in scattered reads and writes at each entry.
 */
export class HorizonBuckets {
  /** Bucket m is `traders[start[m]]` up to `traders[start[m + 1]]` (exclusive). */
  readonly #start: Uint32Array;
  readonly #traders: Uint32Array;

  /** Buckets for minutes 0 … `lastMinute` (a later exit minute is never visited: the run has ended). */
  constructor(exitMinute: Uint32Array, entryOrder: Uint32Array, lastMinute: number) {
    const n = entryOrder.length;
    // start[m + 1] counts minute m's traders, then the running sum makes start[m] its first place.
    const start = new Uint32Array(lastMinute + 3);
    const beyond = lastMinute + 1; // every later minute shares one bucket, past the last visited
    for (let k = 0; k < n; k++) start[Math.min(exitMinute[entryOrder[k]!]!, beyond) + 1]!++;
    for (let m = 1; m < start.length; m++) start[m]! += start[m - 1]!;
    const traders = new Uint32Array(n);
    const next = start.slice();
    for (let k = 0; k < n; k++) {
      const i = entryOrder[k]!;
      traders[next[Math.min(exitMinute[i]!, beyond)]!++] = i;
    }
    this.#start = start;
    this.#traders = traders;
  }

  /** Where minute m's bucket begins in `traders` (and m + 1's, where it ends). */
  first(minute: number): number {
    return this.#start[minute]!;
  }

  end(minute: number): number {
    return this.#start[minute + 1]!;
  }

  trader(place: number): number {
    return this.#traders[place]!;
  }
}
