/**
 * The per-market holder lists (holders.ts) against a scan of every account, after every step of random venues
 * with liquidations, ADL, flips and closes.
 */
import { describe, expect, it } from 'vitest';
import type { ExchangeState } from './exchange.ts';
import { MARKET_IDS } from './market.ts';
import { randomRun } from './random-venue-run.ts';

function mismatch(state: ExchangeState): string | null {
  for (const market of MARKET_IDS) {
    const scanned = state.accounts.filter((a) => a.positions[market]).map((a) => a.id);
    const { ids, at } = state.holders[market];
    const listed = [...ids].sort((a, b) => a - b);
    if (JSON.stringify(listed) !== JSON.stringify(scanned))
      return `${market} step ${state.step}: holders ${listed.join(',')}, positions ${scanned.join(',')}`;
    for (const [place, id] of ids.entries())
      if (at[id] !== place) return `${market} step ${state.step}: account ${id} at ${at[id]}, is at ${place}`;
  }
  return null;
}

describe('holders of each market', () => {
  it('are exactly the accounts holding a position there, after every step', () => {
    let steps = 0;
    const kinds = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const { events } = randomRun(i * 7919 + 3, 3 + (i % 30), 200, i % 2 === 0, {
        before() {},
        after(state) {
          steps++;
          const wrong = mismatch(state);
          if (wrong) throw new Error(`seed ${i * 7919 + 3}: ${wrong}`);
        },
      });
      for (const e of events) kinds.add(e.type);
    }
    expect(steps).toBe(40 * 200);
    for (const kind of ['liquidation', 'adl']) expect(kinds).toContain(kind);
  });
});
