/**
 * The event log the app's worker asks for ('notable'): the same run, checksum and summary as keeping every
 * event; no routine events kept, at most NOTABLE_EVENT_LIMIT; every event still counted. And the frame cap.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { MAX_FRAMES } from './frames.ts';
import { createRun } from './run-state.ts';
import { runScenario } from './run.ts';
import { NOTABLE_EVENT_LIMIT, ROUTINE_EVENT_TYPES } from './run-events.ts';

const config = (over: Partial<RunConfig> = {}): RunConfig => ({
  ...DEFAULT_RUN,
  population: { ...DEFAULT_RUN.population, traders: 400, leakage: 0.3 },
  ...over,
});

describe('the notable-only event log', () => {
  it('changes nothing but which events are kept', () => {
    const all = runScenario(config());
    const notable = runScenario(config({ eventLog: 'notable' }));
    expect(notable.summary).toEqual(all.summary);
    expect(notable.frames).toEqual(all.frames);
    const expected = all.events.filter((e) => !ROUTINE_EVENT_TYPES.has(e.type));
    expect(notable.events).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(notable.events.length + notable.eventsOmitted).toBe(all.summary.events);
    expect(all.eventsOmitted).toBe(0);
  });

  it(`keeps at most ${NOTABLE_EVENT_LIMIT} events however many happen`, { timeout: 60_000 }, () => {
    const big = runScenario(
      config({ population: { ...DEFAULT_RUN.population, traders: 36_000, leakage: 0.3 }, invariantEvery: 0 }),
    );
    const notable = runScenario(
      config({
        population: { ...DEFAULT_RUN.population, traders: 36_000, leakage: 0.3 },
        invariantEvery: 0,
        eventLog: 'notable',
      }),
    );
    const notableCount = big.events.filter((e) => !ROUTINE_EVENT_TYPES.has(e.type)).length;
    expect(notableCount).toBeGreaterThan(NOTABLE_EVENT_LIMIT);
    expect(notable.events.length).toBe(NOTABLE_EVENT_LIMIT);
    expect(notable.events).toEqual(
      big.events.filter((e) => !ROUTINE_EVENT_TYPES.has(e.type)).slice(0, NOTABLE_EVENT_LIMIT),
    );
    expect(notable.summary.checksum).toBe(big.summary.checksum);
  });

  it('refuses an unknown event log and a frame interval that would give too many frames', () => {
    expect(() => createRun(config({ eventLog: 'some' as 'all' }))).toThrow(
      'event log must be all or notable (got "some")',
    );
    const days = 60;
    const fewest = Math.ceil((days * 1440) / MAX_FRAMES);
    expect(() =>
      createRun(config({ scenario: 'synthetic-calm', days, frameEveryMinutes: fewest - 1 })),
    ).toThrow(`frame interval in minutes must be a whole number ≥ ${fewest} (got ${fewest - 1})`);
    expect(
      createRun(config({ scenario: 'synthetic-calm', days, frameEveryMinutes: fewest })).frameEvery,
    ).toBe(fewest);
  });

  it('refuses a summary-only setting that is not true or false', () => {
    expect(() => createRun(config({ summaryOnly: 'yes' as unknown as boolean }))).toThrow(
      /^summary only must be .+ \(got "yes"\)$/,
    );
    expect(createRun(config({ summaryOnly: false })).summaryOnly).toBe(false);
  });
});
