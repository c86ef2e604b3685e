/**
 * The floor model against a plain loop over the same draws (every open position looked at every minute, no
 * heaps, no buckets): the same liquidations, closes and money, so the bench's "÷ floor" divides by a model
 * that computes what it says.
 */
import { describe, expect, it } from 'vitest';
import { drawFloorMarket, runFloorModel, simulateFloor, type FloorMarket } from './floor-model.ts';

const MMR = 0.004;
const FEE = 0.0005;

/** Per trader: the minute it left and whether it was liquidated; the money, summed. */
function plainLoop(m: FloorMarket) {
  const n = m.entryMinute.length;
  const open = new Uint8Array(n);
  const qty = new Float64Array(n);
  const entry = new Float64Array(n);
  const snapshot = new Float64Array(n);
  const left = new Int32Array(n).fill(-1);
  const liquidated = new Uint8Array(n);
  let funding = 0;
  let returned = 0;
  let insuranceFund = 0;
  const leave = (i: number, price: number, t: number, byLiquidation: boolean) => {
    const size = m.side[i]! * qty[i]!;
    const pnl = size * (price - entry[i]!);
    const paid = size * (funding - snapshot[i]!);
    if (byLiquidation) {
      insuranceFund += m.margin[i]! + pnl;
      returned -= paid;
    } else returned += m.margin[i]! + pnl - FEE * qty[i]! * price - paid;
    open[i] = 0;
    left[i] = t;
    liquidated[i] = byLiquidation ? 1 : 0;
  };
  const threshold = (i: number) => {
    const s = m.side[i]!;
    return (entry[i]! * qty[i]! * s - m.margin[i]!) / (qty[i]! * (s - MMR));
  };
  for (let t = 0; t <= m.minutes; t++) {
    if (t > 0) {
      if (t % 480 === 0) funding += 0.0001 * m.close[t]!;
      for (let i = 0; i < n; i++) {
        if (!open[i]) continue;
        const level = threshold(i);
        if (m.side[i] === 1 ? m.low[t]! <= level : m.high[t]! >= level) leave(i, level, t, true);
      }
      for (let i = 0; i < n; i++)
        if (open[i] && Math.min(m.entryMinute[i]! + m.hold[i]!, m.minutes) === t)
          leave(i, m.close[t]!, t, false);
    }
    for (let i = 0; i < n; i++) {
      if (m.entryMinute[i] !== t) continue;
      const fill = m.close[t]! * (1 + m.side[i]! * FEE);
      qty[i] = (m.margin[i]! * m.leverage[i]!) / fill;
      entry[i] = fill;
      snapshot[i] = funding;
      open[i] = 1;
    }
  }
  for (let i = 0; i < n; i++) if (open[i]) leave(i, m.close[m.minutes]!, m.minutes, false);
  return { left, liquidated, returned, insuranceFund };
}

describe('floor model', () => {
  it('liquidates and closes what a plain loop over every position does, with the same money', () => {
    const market = drawFloorMarket(400, 3 * 1440, 7);
    const fast = simulateFloor(market, 7);
    const plain = plainLoop(market);
    const plainLiquidations = plain.liquidated.reduce((a, b) => a + b, 0);
    // A volatile market with leverage up to 50×: some are liquidated, most are not.
    expect(plainLiquidations).toBeGreaterThan(10);
    expect(plainLiquidations).toBeLessThan(300);
    expect(fast.liquidations).toBe(plainLiquidations);
    expect([...fast.liquidated]).toEqual([...plain.liquidated]);
    expect([...fast.leftAt]).toEqual([...plain.left]);
    expect(fast.events).toBe(2 * 400); // each trader enters once and leaves once
    expect(fast.insuranceFund).toBeCloseTo(plain.insuranceFund, 6);
    expect(fast.returned).toBeCloseTo(plain.returned, 6);
  });

  it('keeps every unit of money: deposits equal returns, the fund, fees and the provider', () => {
    for (const [traders, minutes, seed] of [
      [200, 1440, 1],
      [5_000, 7 * 1440, 2026],
    ] as const)
      expect(runFloorModel(traders, minutes, seed).conservationError).toBeLessThan(1e-12);
  });

  it('is deterministic in its seed', () => {
    const a = runFloorModel(1_000, 1440, 42);
    expect(runFloorModel(1_000, 1440, 42)).toEqual(a);
    expect(runFloorModel(1_000, 1440, 43).checksum).not.toBe(a.checksum);
    // One trader's margin otherwise: its entry's size, so the checksum (folded from the events) differs.
    const market = drawFloorMarket(1_000, 1440, 42);
    expect(simulateFloor(market, 42).checksum).toBe(a.checksum);
    market.margin[500] = market.margin[500]! * 2;
    expect(simulateFloor(market, 42).checksum).not.toBe(a.checksum);
  });

  it('refuses a size that is not a whole number of traders or minutes', () => {
    expect(() => runFloorModel(0, 1440, 1)).toThrow(/traders/);
    expect(() => runFloorModel(10, 1.5, 1)).toThrow(/minutes/);
  });
});
