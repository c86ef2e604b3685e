/**
 * Anchor points of a historical episode: the sourced levels, lows and timing a stylised path must go through
 * exactly (guardrails.md §3). Each episode file lists its anchors with the source of every number.
 */
import type { ScenarioInfo } from './types.ts';

export interface Anchor {
  /** Minutes after the episode's start (minute 0 = `ScenarioInfo.startUtc`). */
  minute: number;
  /** BTC index price, USD. */
  btc: number;
  /** ETH index price, USD. */
  eth: number;
}

export interface HistoricalEpisode {
  info: ScenarioInfo;
  anchors: readonly Anchor[];
}

const MS_PER_MINUTE = 60_000;

/**
 * Anchors written against wall-clock UTC times, which is how the sources report them:
 * `const at = anchorClock('2020-03-12T00:00:00Z'); at('2020-03-13T02:00:00Z', 3_900, 90)`.
 * Date.parse only reads the given text; the engine still has no clock.
 */
export function anchorClock(startUtc: string): (utc: string, btc: number, eth: number) => Anchor {
  const start = parseUtc('startUtc', startUtc);
  return (utc, btc, eth) => {
    const ms = parseUtc('anchor time', utc) - start;
    if (ms % MS_PER_MINUTE !== 0)
      throw new RangeError(`anchor time must fall on a whole minute after ${startUtc} (got ${utc})`);
    return { minute: ms / MS_PER_MINUTE, btc, eth };
  };
}

function parseUtc(field: string, utc: string): number {
  const ms = utc.endsWith('Z') ? Date.parse(utc) : NaN;
  if (!Number.isFinite(ms))
    throw new RangeError(
      `${field} must be an ISO timestamp in UTC such as 2020-03-12T00:00:00Z (got ${utc})`,
    );
  return ms;
}

/**
 * Checks an anchor list spans exactly `minutes` steps: it starts at minute 0, its minutes are whole and
 * strictly increasing, it ends at `minutes`, and every price is finite and positive.
 */
export function checkAnchors(anchors: readonly Anchor[], minutes: number): void {
  const first = anchors[0];
  const last = anchors[anchors.length - 1];
  if (first === undefined || last === undefined || anchors.length < 2)
    throw new RangeError(`anchors must list at least 2 points (got ${anchors.length})`);
  if (first.minute !== 0) throw new RangeError(`anchors[0].minute must be 0 (got ${first.minute})`);
  if (last.minute !== minutes)
    throw new RangeError(
      `the last anchor's minute must be the episode length ${minutes} (got ${last.minute})`,
    );
  anchors.forEach((a, i) => {
    if (!Number.isInteger(a.minute))
      throw new RangeError(`anchors[${i}].minute must be whole (got ${a.minute})`);
    const before = anchors[i - 1];
    if (before !== undefined && a.minute <= before.minute)
      throw new RangeError(
        `anchors[${i}].minute must be after anchors[${i - 1}].minute ${before.minute} (got ${a.minute})`,
      );
    for (const asset of ['btc', 'eth'] as const) {
      const price = a[asset];
      if (!Number.isFinite(price) || price <= 0)
        throw new RangeError(`anchors[${i}].${asset} must be a finite price > 0 (got ${price})`);
    }
  });
}
