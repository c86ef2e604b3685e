/**
 * Each investor class's returns on starting wealth, sorted ascending (NaN last). The page reads medians,
 * "lost over half" counts and histogram bins off these by binary search, so a 100,000-trader result costs its
 * main thread microseconds instead of passes over every trader (issue 6, "a responsive page"); the sort
 * happens here, in the worker.
 */
export interface SortedReturns {
  retail: Float64Array;
  professional: Float64Array;
}

export function sortReturnsByClass(returnOnWealth: Float64Array, professional: Uint8Array): SortedReturns {
  let pros = 0;
  for (let i = 0; i < professional.length; i++) if (professional[i]) pros++;
  const retail = new Float64Array(returnOnWealth.length - pros);
  const pro = new Float64Array(pros);
  let r = 0;
  let p = 0;
  for (let i = 0; i < returnOnWealth.length; i++)
    if (professional[i]) pro[p++] = returnOnWealth[i]!;
    else retail[r++] = returnOnWealth[i]!;
  // A typed array sorts numerically, NaN last.
  return { retail: retail.sort(), professional: pro.sort() };
}
