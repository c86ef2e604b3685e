import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from '../engine/run/config.ts';
import { PRESET_IDS } from '../engine/regimes/types.ts';
import { SCENARIO_IDS } from '../engine/scenarios/catalogue.ts';
import {
  FIGURE_ATTRIBUTES,
  FIGURE_DEFAULTS,
  FIGURE_SCENARIOS,
  MAX_FIGURE_TRADERS,
  readFigureAttributes,
  type FigureAttribute,
} from './attributes.ts';
import { figureText } from './figure-text.ts';
import { openInAppHref } from './open-link.ts';

const read = (attributes: Partial<Record<FigureAttribute, string>>) =>
  readFigureAttributes((name) => attributes[name] ?? null);

describe('<leverage-lab-figure> attributes', () => {
  it('defaults to the app’s default comparison', () => {
    const reading = read({});
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.settings).toMatchObject({
      scenario: DEFAULT_RUN.scenario,
      regimes: [DEFAULT_RUN.regime, 'offshore-cex'],
      seed: DEFAULT_RUN.seed,
      traders: DEFAULT_RUN.population.traders,
      lang: 'en',
      metric: 'liquidations',
    });
    expect(FIGURE_DEFAULTS.traders).toBe(DEFAULT_RUN.population.traders);
  });

  it('knows every scenario of the catalogue', () => {
    expect([...FIGURE_SCENARIOS].sort()).toEqual([...SCENARIO_IDS].sort());
  });

  it('reads valid values, trimmed, with the language tag in any case', () => {
    const reading = read({
      scenario: ' 2020-03-black-thursday ',
      regimes: 'offshore-cex, us-cftc',
      seed: '7',
      lang: 'zh-hant-hk',
      metric: 'dislocation',
      traders: '2000',
    });
    expect(reading).toMatchObject({
      ok: true,
      settings: {
        scenario: '2020-03-black-thursday',
        regimes: ['offshore-cex', 'us-cftc'],
        seed: 7,
        lang: 'zh-Hant-HK',
        metric: 'dislocation',
        traders: 2000,
      },
    });
  });

  it.each([
    ['scenario', 'moon-landing'],
    ['scenario', ''],
    ['regimes', 'hk-sfc-2026'],
    ['regimes', 'hk-sfc-2026,hk-sfc-2026'],
    ['regimes', 'hk-sfc-2026,offshore-cex,us-cftc'],
    ['regimes', 'hk-sfc-2026,custom'],
    ['seed', '-1'],
    ['seed', '1.5'],
    ['seed', '1e400'],
    ['seed', '99999999999999999'],
    ['lang', 'fr'],
    ['metric', 'profit'],
    ['traders', '2001'],
    ['traders', '2'],
    ['traders', '0x10'],
  ] as [FigureAttribute, string][])(
    'refuses %s="%s", naming it, the value and what is allowed',
    (name, value) => {
      const reading = read({ [name]: value });
      expect(reading.ok).toBe(false);
      if (reading.ok) return;
      expect(reading.problems).toHaveLength(1);
      const [problem] = reading.problems;
      expect(problem).toMatchObject({ attribute: name, value });
      const message = figureText('en', 'figure.error.attribute', {
        attribute: problem!.attribute,
        value: problem!.value,
        allowed: figureText('en', problem!.allowed.key, problem!.allowed.params),
      });
      expect(message).toContain(name);
      expect(message).toContain(`"${value}"`);
      expect(message).toMatch(/use /);
      expect(message).not.toMatch(/\{\w+\}/);
    },
  );

  it('reports every bad attribute, not just the first', () => {
    const reading = read({ seed: 'x', metric: 'y', traders: '99999' });
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problems.map((p) => p.attribute)).toEqual(['seed', 'metric', 'traders']);
  });

  it('turns any attribute values into settings in range or a refusal, never an exception', () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom(...FIGURE_SCENARIOS, ...PRESET_IDS, 'en', 'zh-Hant-HK', '<img src=x onerror=alert(1)>'),
      fc.integer().map(String),
      fc.tuple(fc.constantFrom(...PRESET_IDS), fc.constantFrom(...PRESET_IDS)).map((ids) => ids.join(',')),
    );
    const attributes = fc.dictionary(fc.constantFrom(...FIGURE_ATTRIBUTES), value);
    fc.assert(
      fc.property(attributes, (given) => {
        const reading = read(given);
        if (!reading.ok) {
          for (const problem of reading.problems) expect(given[problem.attribute]).toBe(problem.value);
          return;
        }
        const s = reading.settings;
        expect(FIGURE_SCENARIOS).toContain(s.scenario);
        expect(PRESET_IDS).toContain(s.regimes[0]);
        expect(PRESET_IDS).toContain(s.regimes[1]);
        expect(s.regimes[0]).not.toBe(s.regimes[1]);
        expect(Number.isSafeInteger(s.seed) && s.seed >= 0).toBe(true);
        expect(s.traders).toBeGreaterThanOrEqual(3);
        expect(s.traders).toBeLessThanOrEqual(MAX_FIGURE_TRADERS);
        const href = new URL(openInAppHref(s, 'https://example.org/lab/leverage-lab-figure.js'));
        expect(href.origin + href.pathname).toBe('https://example.org/lab/index.html');
      }),
      { numRuns: 3_000 },
    );
  });
});
