import { describe, expect, it } from 'vitest';
import { decodeHash, defaultSharedState, encodeStatePlain, runConfigsOf } from '../lib/url-state/index.ts';
import { readFigureAttributes, type FigureAttribute } from './attributes.ts';
import { openInAppHref } from './open-link.ts';

const SCRIPT = 'https://cdn.example/lab/leverage-lab-figure.js';

function settingsOf(attributes: Partial<Record<FigureAttribute, string>>) {
  const reading = readFigureAttributes((name) => attributes[name] ?? null);
  if (!reading.ok) throw new Error(`expected valid attributes: ${JSON.stringify(reading.problems)}`);
  return reading.settings;
}

describe('the "Open in Leverage Lab" link', () => {
  it.each([
    {},
    { scenario: 'synthetic-calm', seed: '42', traders: '500', lang: 'zh-Hant-HK' },
    { regimes: 'us-cftc,eu-esma-retail', metric: 'losses', scenario: '2022-11-ftx' },
  ] as Partial<Record<FigureAttribute, string>>[])(
    'leads to the app beside the script, with the app’s own share link for %j',
    async (attributes) => {
      const settings = settingsOf(attributes);
      const href = new URL(openInAppHref(settings, SCRIPT));
      expect(href.origin + href.pathname).toBe('https://cdn.example/lab/index.html');
      expect(href.search).toBe('');

      const expected = {
        ...defaultSharedState(),
        scenario: settings.scenario,
        ruleSets: settings.regimes.map((preset) => ({ preset, overrides: {} })) as never,
        population: { ...defaultSharedState().population, traders: settings.traders },
        seed: settings.seed,
        lang: settings.lang,
      };
      expect(href.hash).toBe(encodeStatePlain(expected));

      const decoded = await decodeHash(href.hash);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.notices).toEqual([]);
      const [a, b] = runConfigsOf(decoded.state);
      expect([a.regime, b.regime]).toEqual(settings.regimes);
      expect(a).toMatchObject({ scenario: settings.scenario, seed: settings.seed });
      expect(a.population.traders).toBe(settings.traders);
      expect(decoded.state.lang).toBe(settings.lang);
    },
  );
});
