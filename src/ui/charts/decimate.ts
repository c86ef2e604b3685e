/**
 * Decimation for charts: pick a few hundred of a series' points so that a line drawn through them looks like
 * the whole series at the chart's width. The functions return indices into the series, in increasing order,
 * always with the first and the last point, and skip values that are not finite.
 */

/**
 * Min-max decimation: the x range is cut into `buckets` equal slices; each slice keeps its lowest and highest
 * point, in the order they occur. At one bucket per pixel column the line looks exactly like the full series,
 * and no extreme (a one-minute spike, the bottom of a crash) is ever dropped. At most 2 × buckets + 2 indices.
 */
export function minMaxIndices(x: ArrayLike<number>, y: ArrayLike<number>, buckets: number): Uint32Array {
  const n = Math.min(x.length, y.length);
  if (n === 0) return new Uint32Array(0);
  const slices = Math.max(1, Math.floor(buckets));
  if (n <= 2 * slices + 2) return finiteIndices(y, n);
  const x0 = x[0]!;
  const span = x[n - 1]! - x0;
  const out: number[] = [];
  const push = (i: number) => {
    if (out[out.length - 1] !== i && Number.isFinite(y[i]!)) out.push(i);
  };
  push(0);
  let i = 1;
  for (let b = 0; b < slices && i < n - 1; b++) {
    const end = span > 0 ? x0 + (span * (b + 1)) / slices : Infinity;
    let lo = -1;
    let hi = -1;
    for (; i < n - 1 && (x[i]! < end || b === slices - 1); i++) {
      const v = y[i]!;
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < y[lo]!) lo = i;
      if (hi < 0 || v > y[hi]!) hi = i;
    }
    if (lo < 0) continue;
    if (lo === hi) push(lo);
    else if (lo < hi) {
      push(lo);
      push(hi);
    } else {
      push(hi);
      push(lo);
    }
  }
  push(n - 1);
  return Uint32Array.from(out);
}

/**
 * Rows for a data table of several series on one x: the union of each series' min-max indices, with as many
 * buckets as keep the union within `maxRows` rows, so every series' extremes appear in the table.
 */
export function tableIndices(
  x: ArrayLike<number>,
  columns: readonly ArrayLike<number>[],
  maxRows: number,
): Uint32Array {
  const n = x.length;
  if (n <= maxRows) return Uint32Array.from({ length: n }, (_, i) => i);
  const union = (buckets: number) => {
    const rows = new Set<number>([0, n - 1]);
    for (const y of columns) for (const i of minMaxIndices(x, y, buckets)) rows.add(i);
    return rows;
  };
  // The union grows with the bucket count: find the most buckets that still fit.
  let best = union(1);
  let lo = 2;
  let hi = Math.max(2, Math.floor(maxRows / 2));
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const rows = union(mid);
    if (rows.size <= maxRows) {
      best = rows;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return Uint32Array.from([...best].sort((p, q) => p - q));
}

function finiteIndices(y: ArrayLike<number>, n: number): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(y[i]!)) out.push(i);
  return Uint32Array.from(out);
}
