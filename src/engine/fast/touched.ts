/**
 * The ids of things (broker clients, exchange accounts) changed since an observer last read them, each once:
 * the venue marks, the observer drains. Plain data, so it lives in the run state.
 */
export interface Touched {
  ids: number[];
  flags: boolean[];
}

export function createTouched(): Touched {
  return { ids: [], flags: [] };
}

/** Records `id` once until the next drain; nothing when nobody observes (`touched` null). */
export function markTouched(touched: Touched | null, id: number): void {
  if (touched && !touched.flags[id]) {
    touched.flags[id] = true;
    touched.ids.push(id);
  }
}

/** Empties the list once its reader has cleared each id's flag (a reader looping over `ids` itself). */
export function clearTouched(touched: Touched): void {
  if (touched.ids.length !== 0) touched.ids.length = 0; // setting a length costs ~30 ns even at 0
}
