/**
 * Sorts ids ascending and drops repeats, in place: the fast engine's indices find a candidate several ways
 * (both markets, several assets, touched and due) and hand each to the exact test once, in the reference
 * engine's order.
 */
export function sortUnique(ids: number[]): number[] {
  if (ids.length < 2) return ids;
  ids.sort((a, b) => a - b);
  let kept = 1;
  for (let k = 1; k < ids.length; k++) if (ids[k] !== ids[kept - 1]) ids[kept++] = ids[k]!;
  if (kept !== ids.length) ids.length = kept;
  return ids;
}
