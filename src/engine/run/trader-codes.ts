/**
 * The codes a run stores per trader in its typed arrays (`RunState.venueOf`, `RunState.phase`). In a file of
 * their own so that modules the run state imports (class equity) can read them without importing it back.
 */

/** Where a trader holds its money: nowhere yet, a perpetuals venue, or the broker. */
export const VENUE = { none: 0, onshore: 1, offshore: 2, broker: 3 } as const;

/** Where a trader is in its life: waiting to enter, holding, or gone. */
export const PHASE = { waiting: 0, open: 1, closed: 2 } as const;
