/**
 * Bounds that keep every accepted setting runnable in bounded time and memory (issue 19). Each is far outside
 * what any venue or regulator sets, so no real configuration is refused; each closes a door through which an
 * accepted value made a run explode.
 */

/**
 * Smallest partial-liquidation slice: 5% of the position. Venues slice in steps of 10–50% (presets: 20%, 50%);
 * a slice of 1e-9 was accepted and made 39,180,400 liquidation events (2,000 traders, 72 s instead of 0.9 s)
 * without changing what traders lose.
 */
export const MIN_SLICE_FRACTION = 0.05;

/**
 * Smallest position notional that is sliced rather than closed whole: US$1,000 (presets: 50,000–100,000). With a
 * floor of 0, slices shrink a position geometrically and never close it: 5% slices on 300 traders made 2.9
 * million liquidation events in a 6-hour crash (34 s); with US$1,000, 6,918 events (88 traders liquidated,
 * 0.5 s), against 222 at the offshore preset. Each account is also held to MAX_SLICES_PER_STEP slices a step
 * (perp/liquidation.ts).
 */
export const MIN_PARTIAL_NOTIONAL = 1_000;

/**
 * Largest insurance fund at the start, per market: a trillion dollars, about 1,000× the largest venue's fund.
 * The run scales it by trader deposits (run-state.ts); 1e303 overflowed to Infinity there.
 */
export const MAX_INSURANCE_FUND_START = 1e12;
