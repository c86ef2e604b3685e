import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from '../run/config.ts';
import { MAX_FIGURE_TRADERS } from '../../element/attributes.ts';
import { SCENARIO_IDS } from '../scenarios/catalogue.ts';
import { COSTLY_RUN_SECONDS, ENGINE_SPEED, describeDuration, estimateRunCost, isCostly } from './run-cost.ts';

const withTraders = (traders: number, days?: number) => ({
  scenario: days === undefined ? DEFAULT_RUN.scenario : ('synthetic-volatile' as const),
  ...(days === undefined ? {} : { days }),
  population: { traders },
});

describe('run cost estimate (issue 19)', () => {
  it('is minutes × fixed cost plus traders × minutes × the measured speed', () => {
    const cost = estimateRunCost([withTraders(1_000_000, 730)]);
    expect(cost.minutes).toBe(730 * 1440);
    expect(cost.traderMinutes).toBe(1_000_000 * 730 * 1440);
    expect(cost.seconds).toBeCloseTo(
      730 * 1440 * ENGINE_SPEED.secondsPerMinute + 1.0512e12 * ENGINE_SPEED.secondsPerTraderMinute,
    );
  });

  it('asks first for the issue link (a million traders × 730 days, two rule sets), not for the default', () => {
    expect(isCostly([withTraders(1_000_000, 730), withTraders(1_000_000, 730)])).toBe(true);
    expect(isCostly([DEFAULT_RUN, DEFAULT_RUN])).toBe(false);
    expect(estimateRunCost([DEFAULT_RUN, DEFAULT_RUN]).seconds).toBeLessThan(1);
  });

  it('the figure (at most 2,000 traders, default length) stays under the threshold on every scenario', () => {
    // So no attribute alone can start a costly run: the figure has no days attribute.
    for (const scenario of SCENARIO_IDS) {
      const run = { scenario, population: { traders: MAX_FIGURE_TRADERS } };
      expect(estimateRunCost([run, run]).seconds).toBeLessThan(COSTLY_RUN_SECONDS);
    }
  });

  it('writes durations for a person', () => {
    expect(describeDuration(0.2)).toBe('under a second');
    expect(describeDuration(42)).toBe('about 42 seconds');
    expect(describeDuration(12 * 60)).toBe('about 12 minutes');
    expect(describeDuration(3.5 * 3600)).toBe('about 3.5 hours');
    expect(describeDuration(13 * 3600)).toBe('about 13 hours');
  });
});
