/**
 * Anchor points of a historical episode: the sourced levels, lows and timing a stylised path must go through
 * exactly (guardrails.md §3). Each episode file lists its anchors with the source of every number.
 */
import { Refusal, above, check, oneOf, wholeNumber } from '../validation/index.ts';
import type { ScenarioInfo } from './types.ts';

export interface Anchor {
  /** Minutes after the episode's start (minute 0 = `ScenarioInfo.startUtc`). */
  minute: number;
  /** BTC index price, USD. */
  btc: number;
  /** ETH index price, USD. */
  eth: number;
  /** ALT index price, USD (alt-path.ts; $100 at the start of an episode). */
  alt?: number;
}

export interface HistoricalEpisode {
  info: ScenarioInfo;
  anchors: readonly Anchor[];
}

const MS_PER_MINUTE = 60_000;
const UTC_TIME = { kind: 'words', text: 'an ISO timestamp in UTC such as 2020-03-12T00:00:00Z' } as const;
const COUNT = wholeNumber(2);
const FIRST_MINUTE = oneOf([0]);
const MINUTE = wholeNumber(0);
const PRICE = above(0);

/**
 * Anchors written against wall-clock UTC times, which is how the sources report them:
 * `const at = anchorClock('2020-03-12T00:00:00Z'); at('2020-03-13T02:00:00Z', 3_900, 90)`.
 * Date.parse only reads the given text; the engine still has no clock.
 */
export function anchorClock(
  startUtc: string,
): (utc: string, btc: number, eth: number, alt?: number) => Anchor {
  const start = parseUtc('startUtc', startUtc);
  return (utc, btc, eth, alt) => {
    const ms = parseUtc('anchor time', utc) - start;
    if (ms % MS_PER_MINUTE !== 0)
      throw new Refusal('anchor time', utc, { kind: 'words', text: `on a whole minute after ${startUtc}` });
    return alt === undefined
      ? { minute: ms / MS_PER_MINUTE, btc, eth }
      : { minute: ms / MS_PER_MINUTE, btc, eth, alt };
  };
}

function parseUtc(field: string, utc: string): number {
  const ms = utc.endsWith('Z') ? Date.parse(utc) : NaN;
  if (!Number.isFinite(ms)) throw new Refusal(field, utc, UTC_TIME);
  return ms;
}

/**
 * Checks an anchor list spans exactly `minutes` steps: it starts at minute 0, its minutes are whole and
 * strictly increasing, it ends at `minutes`, and every price is finite and positive.
 */
export function checkAnchors(anchors: readonly Anchor[], minutes: number): void {
  const first = anchors[0];
  const last = anchors[anchors.length - 1];
  check('number of anchors', anchors.length, COUNT);
  if (first === undefined || last === undefined) return;
  check('anchors[0].minute', first.minute, FIRST_MINUTE);
  if (last.minute !== minutes)
    throw new Refusal("the last anchor's minute", last.minute, {
      kind: 'words',
      text: `the episode length ${minutes}`,
    });
  anchors.forEach((a, i) => {
    check(`anchors[${i}].minute`, a.minute, MINUTE);
    const before = anchors[i - 1];
    if (before !== undefined && a.minute <= before.minute)
      throw new Refusal(`anchors[${i}].minute`, a.minute, {
        kind: 'words',
        text: `after anchors[${i - 1}].minute ${before.minute}`,
      });
    for (const asset of ['btc', 'eth'] as const) check(`anchors[${i}].${asset}`, a[asset], PRICE);
    if (a.alt !== undefined) check(`anchors[${i}].alt`, a.alt, PRICE);
  });
}
