import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  advanceBasisEma,
  basisEmaValue,
  emptyBasisEma,
  fairPrice,
  markPrice,
  markPriceOf,
  updateBasisEma,
  type BasisEma,
} from './mark-price.ts';

const index = 50_000;

/** Runs the EMA over `seconds` of a constant basis, one sample per `step` seconds (HL: about every 3 s). */
function holdBasis(ema: BasisEma, basis: number, seconds: number, step = 3): BasisEma {
  let state = ema;
  for (let t = 0; t < seconds; t += step) state = updateBasisEma(state, basis, step);
  return state;
}

describe('updateBasisEma (HL-robust-price-indices)', () => {
  it('applies num ← num·exp(−t/τ) + sample·t, den ← den·exp(−t/τ) + t', () => {
    const next = updateBasisEma({ num: 300, den: 30 }, 20, 15, 150);
    const decay = Math.exp(-15 / 150);
    expect(next.num).toBeCloseTo(300 * decay + 20 * 15, 12);
    expect(next.den).toBeCloseTo(30 * decay + 15, 12);
  });

  it('a constant basis is reproduced exactly from the first sample', () => {
    expect(basisEmaValue(holdBasis(emptyBasisEma(), 12.5, 60))).toBeCloseTo(12.5, 12);
  });

  it('converges to a new constant basis: after 10 τ less than e^−9 of the old gap is left', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        (oldBasis, newBasis) => {
          const settled = holdBasis(emptyBasisEma(), oldBasis, 1_500);
          const moved = holdBasis(settled, newBasis, 1_500);
          expect(Math.abs(basisEmaValue(moved) - newBasis)).toBeLessThanOrEqual(
            Math.exp(-9) * Math.abs(oldBasis - newBasis) + 1e-9,
          );
        },
      ),
    );
  });

  it('is 0 before any sample and refuses a negative elapsed time', () => {
    expect(basisEmaValue(emptyBasisEma())).toBe(0);
    expect(() => updateBasisEma(emptyBasisEma(), 1, -3)).toThrow(
      'elapsedSeconds must be a number ≥ 0 (got -3)',
    );
  });
});

describe('markPrice', () => {
  const calm = holdBasis(emptyBasisEma(), 10, 600); // traded 10 above the index for ten minutes

  it('last-traded: a 20% wick moves the mark fully', () => {
    expect(markPrice({ method: 'last-traded', index, lastTraded: 60_000, basisEma: calm })).toBe(60_000);
  });

  it('index-anchored: a 20% wick moves the mark by at most the 0.5% clamp', () => {
    const calmMark = markPrice({ method: 'index-anchored', index, lastTraded: 50_010, basisEma: calm });
    expect(calmMark).toBeCloseTo(50_010, 9);
    const brief = updateBasisEma(calm, 10_000, 3); // a 3-second wick
    const briefMark = markPrice({ method: 'index-anchored', index, lastTraded: 60_000, basisEma: brief });
    expect(briefMark - index).toBeLessThanOrEqual(0.005 * index);
    expect(briefMark).toBeGreaterThan(calmMark);
    const long = holdBasis(calm, 10_000, 60); // a minute-long wick hits the clamp
    expect(markPrice({ method: 'index-anchored', index, lastTraded: 60_000, basisEma: long })).toBeCloseTo(
      index * 1.005,
      9,
    );
    // a downward wick is clamped the same way
    const down = holdBasis(calm, -10_000, 60);
    expect(markPrice({ method: 'index-anchored', index, lastTraded: 40_000, basisEma: down })).toBeCloseTo(
      index * 0.995,
      9,
    );
  });

  it('honours a custom clamp and starts at the index', () => {
    const wick = holdBasis(emptyBasisEma(), 5_000, 60);
    const mark = markPrice({
      method: 'index-anchored',
      index,
      lastTraded: 55_000,
      basisEma: wick,
      maxBasisFraction: 0.01,
    });
    expect(mark).toBeCloseTo(50_500, 9);
    expect(
      markPrice({ method: 'index-anchored', index, lastTraded: 55_000, basisEma: emptyBasisEma() }),
    ).toBe(index);
  });

  it('median-of-three (HL-robust-price-indices): a gap in its own book moves the mark past 0.5%, lagged by the EMA', () => {
    // The book has traded 10% below the index for a minute: the EMA has caught part of the 5,000 gap.
    const gap = holdBasis(calm, -5_000, 60);
    const ema = basisEmaValue(gap);
    expect(ema).toBeLessThan(-0.005 * index);
    expect(ema).toBeGreaterThan(-5_000);
    const mark = markPrice({ method: 'median-of-three', index, lastTraded: 45_000, basisEma: gap });
    // median(index + EMA, traded, index): index + EMA lies between the traded price and the index.
    expect(mark).toBeCloseTo(index + ema, 9);
    expect(mark).toBeLessThan(index * 0.995);
    expect(mark).toBeGreaterThan(45_000);
  });

  it('median-of-three: a brief wick moves the mark by the EMA only, and a traded price nearer the index than the EMA wins', () => {
    const wickUp = updateBasisEma(calm, 10_000, 3);
    const mark = markPrice({ method: 'median-of-three', index, lastTraded: 60_000, basisEma: wickUp });
    expect(mark).toBeCloseTo(index + basisEmaValue(wickUp), 9);
    expect(mark).toBeLessThan(index * 1.01);
    // the book returns to the index before the EMA does: the median is the traded price
    const settled = holdBasis(calm, -5_000, 60);
    expect(markPrice({ method: 'median-of-three', index, lastTraded: 49_900, basisEma: settled })).toBe(
      49_900,
    );
    // the book overshoots above the index while the EMA is still below: the median is the index
    expect(markPrice({ method: 'median-of-three', index, lastTraded: 50_100, basisEma: settled })).toBe(
      index,
    );
  });

  it('median-of-three ignores the clamp meant for the index-anchored method', () => {
    const gap = holdBasis(emptyBasisEma(), -5_000, 600);
    const clamped = { index, lastTraded: 45_000, basisEma: gap, maxBasisFraction: 0.005 };
    expect(markPrice({ method: 'median-of-three', ...clamped })).toBeCloseTo(45_000, 6);
    expect(markPrice({ method: 'index-anchored', ...clamped })).toBeCloseTo(index * 0.995, 9);
  });

  it('refuses invalid arguments', () => {
    expect(() => markPrice({ method: 'last-traded', index: 0, lastTraded: 1, basisEma: calm })).toThrow(
      'index must be a number greater than 0 (got 0)',
    );
    expect(() =>
      markPrice({ method: 'index-anchored', index, lastTraded: 1, basisEma: calm, maxBasisFraction: -1 }),
    ).toThrow(/maxBasisFraction .*got -1/);
  });
});

describe('fairPrice (BM-FAIR)', () => {
  it('vector 54: index 50,000, rate 0.01%, 4 h of 8 h left → 50,002.5', () => {
    expect(fairPrice(50_000, 0.0001, 4, 8)).toBeCloseTo(50_002.5, 9);
  });

  it('equals the index at settlement and refuses a time outside the interval', () => {
    expect(fairPrice(50_000, 0.0001, 0, 8)).toBe(50_000);
    expect(() => fairPrice(50_000, 0.0001, 9, 8)).toThrow(/hoursUntilFunding .*got 9/);
  });
});

describe('advanceBasisEma (the step’s in-place EMA)', () => {
  it('moves the EMA exactly as updateBasisEma does, and refuses what it refuses', () => {
    const finite = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(
        finite,
        finite,
        finite,
        fc.double({ min: 0, max: 3_600, noNaN: true }),
        (num, den, sample, t) => {
          const ema = { num, den: Math.abs(den) };
          const expected = updateBasisEma(ema, sample, t, 150);
          advanceBasisEma(ema, sample, t, 150);
          expect(ema).toEqual(expected);
        },
      ),
    );
    expect(() => advanceBasisEma(emptyBasisEma(), NaN, 60)).toThrow(/basisSample/);
    expect(() => advanceBasisEma(emptyBasisEma(), 1, -1)).toThrow(/elapsedSeconds/);
    expect(() => advanceBasisEma(emptyBasisEma(), 1, 60, 0)).toThrow(/timeConstantSeconds/);
  });

  it('moves it exactly as updateBasisEma does over steps of repeated and changing lengths (a kept decay)', () => {
    const step = fc.record({
      sample: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      t: fc.constantFrom(60, 60, 3, 0, 150),
      tau: fc.constantFrom(150, 150, 60),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const ema = emptyBasisEma();
        let expected = emptyBasisEma();
        for (const { sample, t, tau } of steps) {
          expected = updateBasisEma(expected, sample, t, tau);
          advanceBasisEma(ema, sample, t, tau);
          expect(ema).toEqual(expected);
        }
      }),
    );
  });

  it('markPriceOf refuses the prices and clamp markPrice refuses', () => {
    const ema = emptyBasisEma();
    expect(() => markPriceOf('index-anchored', 0, 1, ema)).toThrow(/index/);
    expect(() => markPriceOf('index-anchored', 1, Infinity, ema)).toThrow(/lastTraded/);
    expect(() => markPriceOf('index-anchored', 1, 1, ema, 1)).toThrow(/maxBasisFraction/);
  });
});
