/**
 * Sorts ids ascending and drops repeats, in place: the fast engine's indices find a candidate several ways
 * (both markets, several assets, touched and due) and hand each to the exact test once, in the reference
 * engine's order.
 */
export function sortUnique(ids: number[]): number[] {
  if (ids.length < 2) return ids;
  if (ids.length <= SHORT) insertionSort(ids);
  else ids.sort((a, b) => a - b);
  let kept = 1;
  for (let k = 1; k < ids.length; k++) if (ids[k] !== ids[kept - 1]) ids[kept++] = ids[k]!;
  if (kept !== ids.length) ids.length = kept;
  return ids;
}

/**
 * Lists this short (a step's candidates, nearly always) are sorted by insertion: Array.prototype.sort copies
 * its input into a work array, garbage at every step that finds anyone.
 */
const SHORT = 32;

function insertionSort(ids: number[]): void {
  for (let k = 1; k < ids.length; k++) {
    const id = ids[k]!;
    let at = k;
    while (at > 0 && ids[at - 1]! > id) {
      ids[at] = ids[at - 1]!;
      at--;
    }
    ids[at] = id;
  }
}
