import { describe, expect, it } from 'vitest';
import { anchorClock, checkAnchors, type Anchor } from './anchors.ts';

describe('anchorClock', () => {
  const at = anchorClock('2020-03-12T00:00:00Z');

  it('counts minutes from the episode start', () => {
    expect(at('2020-03-12T00:00:00Z', 7_700, 194)).toEqual({ minute: 0, btc: 7_700, eth: 194 });
    expect(at('2020-03-13T02:00:00Z', 3_900, 90).minute).toBe(26 * 60);
  });

  it('refuses a time that is not UTC ISO, or not on a whole minute', () => {
    expect(() => at('2020-03-12 10:00', 1, 1)).toThrow(
      'anchor time must be an ISO timestamp in UTC such as 2020-03-12T00:00:00Z (got "2020-03-12 10:00")',
    );
    expect(() => at('2020-03-12T10:00:30Z', 1, 1)).toThrow(
      'anchor time must be on a whole minute after 2020-03-12T00:00:00Z (got "2020-03-12T10:00:30Z")',
    );
    expect(() => anchorClock('yesterday')).toThrow(RangeError);
  });
});

describe('checkAnchors', () => {
  const good: Anchor[] = [
    { minute: 0, btc: 100, eth: 10 },
    { minute: 60, btc: 80, eth: 7 },
  ];

  it('accepts a list from minute 0 to the length', () => {
    expect(() => checkAnchors(good, 60)).not.toThrow();
  });

  it('names the field, the value and what is allowed', () => {
    expect(() => checkAnchors(good.slice(0, 1), 0)).toThrow(
      'number of anchors must be a whole number ≥ 2 (got 1)',
    );
    expect(() => checkAnchors(good, 90)).toThrow(
      "the last anchor's minute must be the episode length 90 (got 60)",
    );
    expect(() => checkAnchors([{ ...good[0]!, minute: 5 }, good[1]!], 60)).toThrow(
      'anchors[0].minute must be 0 (got 5)',
    );
    expect(() => checkAnchors([good[0]!, { minute: 0, btc: 1, eth: 1 }, good[1]!], 60)).toThrow(
      'anchors[1].minute must be after anchors[0].minute 0 (got 0)',
    );
    expect(() => checkAnchors([good[0]!, { minute: 60, btc: -1, eth: 7 }], 60)).toThrow(
      'anchors[1].btc must be a number greater than 0 (got -1)',
    );
    expect(() => checkAnchors([good[0]!, { minute: 60, btc: 1, eth: NaN }], 60)).toThrow(
      'anchors[1].eth must be a number greater than 0 (got NaN)',
    );
  });
});
