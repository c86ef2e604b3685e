/**
 * Per market, the accounts holding a position there, kept as fills open and close positions (trade.ts, the one
 * place positions appear and vanish). The ADL passes (the queue, each frame's standings) read these instead of
 * every account ever opened: a classroom run's frames scored the ADL board from 107 accounts for about 20
 * positions a market (issue 16). In no particular order: every reader ranks by score, then account id.
 */
export interface Holders {
  ids: number[];
  /** Each holder's place in `ids`, by account id. */
  at: number[];
}

export function createHolders(): Holders {
  return { ids: [], at: [] };
}

export function addHolder(holders: Holders, accountId: number): void {
  holders.at[accountId] = holders.ids.length;
  holders.ids.push(accountId);
}

/** Takes the account out, moving the last holder into its place. */
export function removeHolder(holders: Holders, accountId: number): void {
  const { ids, at } = holders;
  const place = at[accountId]!;
  const last = ids.pop()!;
  if (last !== accountId) {
    ids[place] = last;
    at[last] = place;
  }
}
