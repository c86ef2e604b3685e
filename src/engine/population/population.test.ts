import { describe, expect, it } from 'vitest';
import { drawPopulation, PERSONAS } from './population.ts';
import { DEFAULT_POPULATION, validatePopulation } from './settings.ts';

describe('the trader population', () => {
  it('is the same for the same seed and size, and different for another seed', () => {
    const a = drawPopulation(DEFAULT_POPULATION, 1, 2_880);
    const b = drawPopulation(DEFAULT_POPULATION, 1, 2_880);
    const c = drawPopulation(DEFAULT_POPULATION, 2, 2_880);
    expect(b.capital).toEqual(a.capital);
    expect(b.leverageWish).toEqual(a.leverageWish);
    expect(c.capital).not.toEqual(a.capital);
  });

  it('draws the configured retail share and finite, positive traits', () => {
    const p = drawPopulation({ ...DEFAULT_POPULATION, traders: 20_000, retailShare: 0.3 }, 5, 1_440);
    let professional = 0;
    for (let i = 0; i < p.count; i++) {
      professional += p.professional[i]!;
      expect(p.capital[i]).toBeGreaterThan(0);
      expect(Number.isFinite(p.leverageWish[i])).toBe(true);
      expect(p.leverageWish[i]).toBeGreaterThanOrEqual(1);
      expect(p.exitMinute[i]).toBeGreaterThan(p.entryMinute[i]!);
    }
    expect(professional / p.count).toBeCloseTo(0.7, 1);
  });

  it('always holds the three personas of the brief at fixed places', () => {
    const p = drawPopulation({ ...DEFAULT_POPULATION, traders: 3 }, 9, 600);
    expect([p.professional[PERSONAS.retailPerp20x], p.product[0], p.leverageWish[0]]).toEqual([0, 2, 20]);
    expect([p.professional[PERSONAS.professionalPerp5x], p.product[1], p.leverageWish[1]]).toEqual([1, 2, 5]);
    expect([p.product[PERSONAS.marginFinancedBtcHolder], p.asset[2], p.securities[2]]).toEqual([
      1, 0, 100_000,
    ]);
  });

  it('refuses settings outside what is allowed, naming them', () => {
    expect(() => validatePopulation({ ...DEFAULT_POPULATION, traders: 2 })).toThrow(
      'traders must be a whole number from 3 to 1000000 (got 2)',
    );
    expect(() => validatePopulation({ ...DEFAULT_POPULATION, leakage: 1.5 })).toThrow(
      'leakage must be between 0% and 100% (got 150%)',
    );
  });
});
