import { describe, expect, it } from 'vitest';
import { AppState } from './app-state.svelte.ts';
import type { EngineCalls } from './engine-client.svelte.ts';
import { defaultSettings } from './app-settings.ts';

const idle: EngineCalls = {
  positionQuote: () => Promise.reject(new Error('not used')),
  compare: () => Promise.reject(new Error('not used')),
  stop: () => {},
};

describe('app settings', () => {
  it('start as the defaults a lesson starts from', () => {
    expect(new AppState(idle).settings()).toEqual(defaultSettings());
  });

  it('are applied all at once, pausing at the start and dropping followed traders the population lacks', () => {
    const app = new AppState(idle);
    app.follow = [5, 150];
    app.followedTrader = 150;
    app.frame = 40;
    const settings = {
      ...defaultSettings(),
      scenario: 'synthetic-calm' as const,
      days: 2,
      ruleSets: [
        { preset: 'us-cftc' as const, overrides: { 'perp.maxLeverage': 3 } },
        { preset: 'eu-esma-retail' as const, overrides: {} },
      ] as ReturnType<typeof defaultSettings>['ruleSets'],
      population: { ...defaultSettings().population, traders: 100 },
    };
    app.applySettings(settings);
    expect(app.settings()).toEqual(settings);
    expect(app.follow).toEqual([5]);
    expect(app.followedTrader).toBe(0);
    expect(app.frame).toBe(0);
    // The state holds copies: changing the settings object later changes nothing.
    settings.ruleSets[0].overrides['perp.maxLeverage'] = 9;
    expect(app.ruleSets[0].overrides['perp.maxLeverage']).toBe(3);
    expect(app.resultsCurrent).toBe(false);
  });
});
