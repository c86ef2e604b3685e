import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  Refusal,
  above,
  atLeast,
  between,
  check,
  describeAllowed,
  flag,
  listOf,
  numberFromText,
  oneOf,
  orNone,
  read,
  shown,
  wholeNumber,
} from './index.ts';

describe('refusals', () => {
  it('name the field, what is allowed and what was given, at the rule scale', () => {
    expect(() => check('haircut', 1.2, between(0, 1, { scale: 'percent' }))).toThrow(
      'haircut must be between 0% and 100% (got 120%)',
    );
    expect(() => check('traders', 2.5, wholeNumber(1, 100_000))).toThrow(
      'traders must be a whole number from 1 to 100000 (got 2.5)',
    );
    expect(() => check('mode', 'x', oneOf(['a', 'b', 'c']))).toThrow('mode must be one of a, b, c (got "x")');
    expect(() => check('flag', 'yes', flag)).toThrow('flag must be true or false (got "yes")');
    expect(() => check('cap', -1, orNone(between(0, 1)))).toThrow(
      'cap must be between 0 and 1 or none (got -1)',
    );
  });

  it('are RangeErrors that carry the field, the value and the rule as data', () => {
    try {
      check('seed', -1, wholeNumber(0));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
      expect(error).toBeInstanceOf(Refusal);
      const r = error as Refusal;
      expect([r.field, r.given, r.allowed]).toEqual(['seed', -1, { kind: 'whole', min: 0 }]);
      expect(r.within('rule set A').message).toBe('rule set A, seed must be a whole number ≥ 0 (got -1)');
    }
  });

  it('show hostile values as one short line', () => {
    const r = read('name', 'x'.repeat(500) + '\n<script>', textRule());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.message.length).toBeLessThan(140);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => check('state', cyclic, flag)).toThrow(/state must be true or false \(got object\)/);
  });
});

describe('shown', () => {
  it('never throws, and does not write out a huge list to cut it to one line', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(shown(proxy)).toBe('object');
    const getter = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(shown(getter)).toBe('object');
    expect(() => check('follow', proxy, flag)).toThrow(/follow must be true or false \(got object\)/);
    const huge = Array.from({ length: 2_000_000 }, (_, i) => i);
    const started = performance.now();
    expect(shown(huge)).toMatch(/^\[0,1,2,3,4,5,6,7,… 2000000 entries\]$/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

function textRule() {
  return oneOf(['a']);
}

describe('rules', () => {
  it('never accept NaN, Infinity or a number in a string', () => {
    for (const rule of [between(0, 1), atLeast(0), above(0), wholeNumber(0)])
      for (const v of [NaN, Infinity, -Infinity, '0.5', null, undefined, {}])
        expect(rule.accepts(v)).toBe(false);
  });

  it('accept exactly the values inside their bounds', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v, min) => {
        const max = min + 10;
        expect(between(min, max).accepts(v)).toBe(v >= min && v <= max);
        expect(between(min, max, { maxExcluded: true }).accepts(v)).toBe(v >= min && v < max);
        expect(above(min).accepts(v)).toBe(Number.isFinite(v) && v > min);
      }),
      { numRuns: 2_000 },
    );
  });

  it('check lists entry by entry, by length and for repeats', () => {
    const rule = listOf(oneOf(['retail', 'professional']), { minLength: 1, distinct: true });
    expect(rule.accepts(['retail'])).toBe(true);
    expect(rule.accepts([])).toBe(false);
    expect(rule.accepts(['retail', 'retail'])).toBe(false);
    expect(rule.accepts(['other'])).toBe(false);
    expect(describeAllowed(rule.allowed)).toBe(
      'a list of at least 1 distinct entries, each retail or professional',
    );
  });
});

describe('numberFromText', () => {
  it('reads plain decimals and leaves anything else as text', () => {
    expect(numberFromText('12')).toBe(12);
    expect(numberFromText('-0.5')).toBe(-0.5);
    expect(numberFromText('1e3')).toBe(1000);
    for (const t of ['', ' 5', '0x10', '1e400', 'Infinity', 'NaN', '5px', '1_000'])
      expect(numberFromText(t)).toBe(t);
  });
});
