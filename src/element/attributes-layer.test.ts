/**
 * The figure's attributes on the shared validation layer: hostile values not tried elsewhere are refused,
 * each problem naming the attribute, carrying the value as given and the layer's Refusal, and a catalogue
 * message whose parameters come from the rule.
 */
import { describe, expect, it } from 'vitest';
import { Refusal } from '../engine/validation/index.ts';
import { readFigureAttributes, type FigureAttribute } from './attributes.ts';
import { figureText } from './figure-text.ts';

const read = (attributes: Partial<Record<FigureAttribute, string>>) =>
  readFigureAttributes((name) => attributes[name] ?? null);

function problemOf(name: FigureAttribute, value: string) {
  const reading = read({ [name]: value });
  if (reading.ok) throw new Error(`expected ${name}="${value}" to be refused`);
  expect(reading.problems).toHaveLength(1);
  return reading.problems[0]!;
}

describe('hostile attribute values', () => {
  it.each([
    ['seed', '0x10'],
    ['seed', 'Infinity'],
    ['seed', '-0.5'],
    ['seed', '9007199254740992'],
    ['seed', '1_000'],
    ['traders', '1e400'],
    ['traders', '2.5'],
    ['traders', '+5'],
    ['traders', '5 5'],
    ['scenario', '__proto__'],
    ['scenario', 'toString'],
    ['regimes', '__proto__,constructor'],
    ['regimes', ','],
    ['regimes', 'hk-sfc-2026,,offshore-cex'],
    ['lang', '__proto__'],
    ['lang', 'en,zh-Hant-HK'],
    ['metric', 'constructor'],
    ['metric', 'x'.repeat(100_000)],
  ] as [FigureAttribute, string][])('refuses %s="%s" with a Refusal naming it', (name, value) => {
    const problem = problemOf(name, value);
    expect(problem.attribute).toBe(name);
    expect(problem.value).toBe(value);
    expect(problem.refusal).toBeInstanceOf(Refusal);
    expect(problem.refusal.field).toBe(name);
    expect(problem.refusal.message).toMatch(new RegExp(`^${name} must be .+ \\(got .+\\)$`));
    expect(problem.refusal.message.length).toBeLessThan(600);
    const text = figureText('en', problem.allowed.key, problem.allowed.params);
    expect(text).toMatch(/^use /);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('takes the catalogue parameters from the rule', () => {
    expect(problemOf('traders', '1e400').allowed).toEqual({
      key: 'figure.allowed.traders',
      params: { min: 3, max: 2000 },
    });
    expect(problemOf('seed', '0x10').allowed.params).toEqual({ min: 0, max: Number.MAX_SAFE_INTEGER });
    expect(problemOf('metric', 'profit').allowed).toEqual({
      key: 'figure.allowed.metric',
      params: { list: 'liquidations, losses, dislocation' },
    });
    expect(problemOf('regimes', 'a,b').allowed.params.list).toMatch(/^hk-sfc-2026, /);
  });

  it('reads numbers as the layer does: padded, in exponent notation, -0 as 0', () => {
    const reading = read({ seed: ' 1e3 ', traders: '-0' });
    expect(reading.ok).toBe(false);
    const ok = read({ seed: ' 1e3 ', traders: '3.0' });
    expect(ok).toMatchObject({ ok: true, settings: { seed: 1000, traders: 3 } });
    const zero = read({ seed: '-0' });
    expect(zero.ok && Object.is(zero.settings.seed, 0)).toBe(true);
  });
});
