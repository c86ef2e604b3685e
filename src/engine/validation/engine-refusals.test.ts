/**
 * The engine's validators refuse through the one layer: for random values outside what a real parameter
 * allows, the validator throws a Refusal that names the field, in the project's one form
 * "<field> must <rule> (got <value>)".
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Refusal } from './index.ts';
import { DEFAULT_POPULATION, MAX_TRADERS, MIN_TRADERS, validatePopulation } from '../population/settings.ts';
import { customRegime } from '../regimes/catalogue.ts';
import { DEFAULT_RUN, validateRunConfig } from '../run/config.ts';
import { validatePerpRules } from '../perp/rules.ts';
import { REGIMES } from '../regimes/catalogue.ts';
import { GUARDRAIL_KEYS, guardrailValue } from '../regimes/index.ts';

const FORM = /^.+ must .+ \(got .+\)$/s;

function refusal(act: () => unknown): Refusal {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(Refusal);
    return error as Refusal;
  }
  throw new Error('expected a refusal');
}

/** Anything that is not a finite number (text, NaN, ±Infinity, objects, null, nothing). */
const notANumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, null, undefined, true, '0.5', '', [], {}),
  fc.string(),
  fc.object({ maxDepth: 1 }),
);

describe('engine validators refuse with a named field, in the one form', () => {
  it('a haircut outside [0, 1]', () => {
    const outside = fc.oneof(
      fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
      fc.double({ min: 1.000001, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('BTC', 'ETH', 'securities'),
        fc.oneof(outside, notANumber),
        (asset, haircut) => {
          const r = refusal(() =>
            customRegime('hk-sfc-2026', { [`financing.collateral.${asset}`]: { eligible: true, haircut } }),
          );
          expect(r.field).toBe(`${asset} haircut`);
          expect(r.allowed).toEqual({ kind: 'between', min: 0, max: 1 });
          expect(r.message).toMatch(FORM);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a maximum leverage below 1', () => {
    const below1 = fc.oneof(fc.double({ max: 0.999999, noNaN: true }), notANumber);
    fc.assert(
      fc.property(below1, (maxLeverage) => {
        const r = refusal(() => validatePerpRules({ ...REGIMES['offshore-cex'].perp, maxLeverage } as never));
        expect(r.field).toBe('maximum leverage');
        expect(r.message).toMatch(FORM);
        expect(r.message).toMatch(/^maximum leverage must be a number ≥ 1 \(got /);
      }),
      { numRuns: 300 },
    );
  });

  it('a number of traders that is not a whole number in range', () => {
    const bad = fc.oneof(
      fc.integer({ max: MIN_TRADERS - 1 }),
      fc.integer({ min: MAX_TRADERS + 1 }),
      fc.double({ min: MIN_TRADERS, max: MAX_TRADERS, noNaN: true }).filter((v) => !Number.isInteger(v)),
      notANumber,
    );
    fc.assert(
      fc.property(bad, (traders) => {
        const r = refusal(() => validatePopulation({ ...DEFAULT_POPULATION, traders } as never));
        expect(r.field).toBe('traders');
        expect(r.allowed).toEqual({ kind: 'whole', min: MIN_TRADERS, max: MAX_TRADERS });
        expect(r.message).toMatch(FORM);
        // Through a whole run config, too.
        const viaRun = refusal(() =>
          validateRunConfig({ ...DEFAULT_RUN, population: { ...DEFAULT_POPULATION, traders } } as never),
        );
        expect(viaRun.message).toBe(r.message);
      }),
      { numRuns: 300 },
    );
  });

  it('a share shown as a percentage in the app is written as one', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.01, max: 100, noNaN: true }), (leakage) => {
        const r = refusal(() => validatePopulation({ ...DEFAULT_POPULATION, leakage }));
        expect(r.message).toMatch(/^leakage must be between 0% and 100% \(got [\d.e+-]+%\)$/);
      }),
      { numRuns: 100 },
    );
  });

  it('any value for any regime parameter: accepted, or refused with a Refusal (never a TypeError)', () => {
    const anything = fc.anything({ maxDepth: 2, withNullPrototype: true });
    const key = fc.constantFrom(...GUARDRAIL_KEYS);
    /** The preset's value with one of its own fields (or entries) replaced. */
    const nearly = fc.tuple(key, fc.nat(), anything).map(([k, i, v]) => {
      const base = guardrailValue(REGIMES['hk-sfc-2026'], k) as unknown;
      if (base === null || typeof base !== 'object') return [k, v] as const;
      const copy = (Array.isArray(base) ? [...(base as unknown[])] : { ...base }) as Record<string, unknown>;
      const fields = Object.keys(copy);
      if (fields.length > 0) copy[fields[i % fields.length]!] = v;
      return [k, copy] as const;
    });
    fc.assert(
      fc.property(fc.oneof(fc.tuple(key, anything), nearly), ([k, value]) => {
        try {
          validateRunConfig({ ...DEFAULT_RUN, overrides: { [k]: value } } as never);
        } catch (error) {
          expect(error).toBeInstanceOf(Refusal);
          expect((error as Refusal).message).toMatch(FORM);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
