import { describe, expect, it } from 'vitest';
import { generateIndexPath, scenarioInfo } from './catalogue.ts';
import { BNSOL_SHARE, USDE_SHARE, WBETH_SHARE, venueCollateralPath } from './venue-collateral.ts';

const info = scenarioInfo('2025-10-tariff-crash');
const path = generateIndexPath('2025-10-tariff-crash', { seed: 1 });
const minuteOf = (utc: string) => (Date.parse(utc) - Date.parse(info.startUtc!)) / 60_000;

describe('venue price of tokens posted as collateral (guardrails §3, 10 Oct 2025)', () => {
  const venue = venueCollateralPath(path.eth, path.alt, info.startUtc, info.collateralDepeg);
  const reference = venueCollateralPath(path.eth, path.alt, info.startUtc, undefined);
  const eth = (t: number) => path.eth[t]! / path.eth[0]!;
  const alt = (t: number) => path.alt[t]! / path.alt[0]!;
  // The basket written out again here: a third USDe at $1, a third wBETH with ETH, a third BNSOL with ALT.
  const atReference = (t: number) => (1 + eth(t) + alt(t)) / 3;

  it('splits the basket in three equal shares', () => {
    expect(USDE_SHARE + WBETH_SHARE + BNSOL_SHARE).toBeCloseTo(1, 15);
    expect([USDE_SHARE, WBETH_SHARE, BNSOL_SHARE]).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('is $1 at the start and USDe at $1, wBETH with ETH, BNSOL with ALT outside the window', () => {
    expect(venue[0]).toBe(1);
    for (const t of [0, 100, minuteOf('2025-10-10T21:36:00Z'), minuteOf('2025-10-10T22:16:00Z'), 1440])
      expect(venue[t]).toBeCloseTo(atReference(t), 12);
    for (let t = 0; t < reference.length; t++) expect(reference[t]).toBeCloseTo(atReference(t), 12);
  });

  it('carries the altcoin: a flat USDe and ETH with ALT down 31% take a third of 31% off the basket', () => {
    const minutes = 10;
    const flat = new Float64Array(minutes).fill(3_000);
    const falling = Float64Array.from({ length: minutes }, (_, t) => 100 * (1 - (0.31 * t) / (minutes - 1)));
    const basket = venueCollateralPath(flat, falling, null, undefined);
    expect(basket[0]).toBe(1);
    expect(basket[minutes - 1]).toBeCloseTo(1 - 0.31 / 3, 12);
  });

  it('reaches USDe $0.65, wBETH at 11.3% of ETH and BNSOL at 20% of ALT at 21:40 UTC (§3; CoinDesk)', () => {
    const t = minuteOf('2025-10-10T21:40:00Z');
    expect(venue[t]).toBeCloseTo((0.65 + eth(t) * 0.113 + alt(t) * 0.2) / 3, 12);
    const inWindow = venue.subarray(minuteOf('2025-10-10T21:36:00Z'), minuteOf('2025-10-10T22:16:00Z') + 1);
    expect(Math.min(...inWindow)).toBe(venue[t]);
  });

  it('refuses a window out of order, and a trough outside (0, 1]', () => {
    const depeg = { ...info.collateralDepeg!, lowUtc: '2025-10-10T23:00:00Z' };
    expect(() => venueCollateralPath(path.eth, path.alt, info.startUtc, depeg)).toThrow(/depeg window/);
    const bad = { ...info.collateralDepeg!, bnsolLow: 0 };
    expect(() => venueCollateralPath(path.eth, path.alt, info.startUtc, bad)).toThrow(/BNSOL/);
  });
});
