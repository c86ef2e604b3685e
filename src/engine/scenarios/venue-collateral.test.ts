import { describe, expect, it } from 'vitest';
import { generateIndexPath, scenarioInfo } from './catalogue.ts';
import { USDE_SHARE, venueCollateralPath } from './venue-collateral.ts';

const info = scenarioInfo('2025-10-tariff-crash');
const path = generateIndexPath('2025-10-tariff-crash', { seed: 1 });
const minuteOf = (utc: string) => (Date.parse(utc) - Date.parse(info.startUtc!)) / 60_000;

describe('venue price of tokens posted as collateral (guardrails §3, 10 Oct 2025)', () => {
  const venue = venueCollateralPath(path.eth, info.startUtc, info.collateralDepeg);
  const reference = venueCollateralPath(path.eth, info.startUtc, undefined);
  const eth = (t: number) => path.eth[t]! / path.eth[0]!;

  it('is $1 at the start and half USDe at $1, half wBETH moving with ETH outside the window', () => {
    expect(venue[0]).toBe(1);
    for (const t of [0, 100, minuteOf('2025-10-10T21:36:00Z'), minuteOf('2025-10-10T22:16:00Z'), 1440])
      expect(venue[t]).toBeCloseTo(USDE_SHARE + (1 - USDE_SHARE) * eth(t), 12);
    expect(Array.from(reference)).toEqual(
      Array.from(reference, (_, t) => USDE_SHARE + (1 - USDE_SHARE) * eth(t)),
    );
  });

  it('reaches USDe $0.65 and wBETH at 11.3% of ETH at 21:40 UTC (§3; CoinDesk: $430 vs ETH > $3,800)', () => {
    const t = minuteOf('2025-10-10T21:40:00Z');
    expect(venue[t]).toBeCloseTo(USDE_SHARE * 0.65 + (1 - USDE_SHARE) * eth(t) * 0.113, 12);
    const inWindow = venue.subarray(minuteOf('2025-10-10T21:36:00Z'), minuteOf('2025-10-10T22:16:00Z') + 1);
    expect(Math.min(...inWindow)).toBe(venue[t]);
  });

  it('refuses a window out of order', () => {
    const depeg = { ...info.collateralDepeg!, lowUtc: '2025-10-10T23:00:00Z' };
    expect(() => venueCollateralPath(path.eth, info.startUtc, depeg)).toThrow(/depeg window/);
  });
});
