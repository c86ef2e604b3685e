import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen } from '@testing-library/svelte';
import Announcer from './Announcer.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { milestonesOf } from './milestones.ts';

/**
 * A day and a quarter of the flash crash, 200 traders, seed 30: rule set B (offshore) liquidates from minute
 * 214, auto-deleverages at 731 and its broker makes its first margin call at the daily check at 00:00 UTC of day
 * 2 (calls are made once a day, issue 15). Rule set A's (Hong Kong) broker calls nobody: its call is on the
 * crypto part of the loan, which the clients' securities cover (doc/model.md). (The app's default seed lost its
 * offshore ADL when a quarter of the perpetual traders moved to the ALT market.)
 */
let ran: AppState;
beforeAll(async () => {
  ran = new AppState(inProcessEngine());
  ran.scenario = 'synthetic-flash-crash';
  ran.days = 1.25;
  ran.seed = 30;
  ran.population.traders = 200;
  await ran.run();
});

function playbackOf(source: AppState): AppState {
  const app = new AppState(inProcessEngine());
  app.scenario = source.scenario;
  app.days = source.days;
  app.seed = source.seed;
  app.population = { ...source.population };
  app.results = source.results;
  app.resultConfigs = source.resultConfigs;
  return app;
}

/** The first frame at or after `minute`. */
const frameAt = (app: AppState, minute: number) =>
  app.results![0].frames.minute.findIndex((m) => m >= minute);
const live = () => screen.getByTestId('live-region');

afterEach(() => {
  vi.useRealTimers();
});

describe('milestonesOf', () => {
  it('finds the first liquidation, margin call and ADL of either rule set, in time order', () => {
    const milestones = milestonesOf(ran.results!);
    expect(milestones.map((m) => m.kind)).toEqual(['liquidation', 'adl', 'marginCall']);
    expect(milestones.map((m) => m.set)).toEqual([1, 1, 1]);
    const liquidation = milestones[0]!;
    expect(liquidation.set).toBe(1);
    const firstEvent = ran.results![1].events.find((e) => e.type === 'liquidation')!;
    expect(liquidation.minute).toBe(firstEvent.step);
  });
});

describe('Announcer', () => {
  it('is one polite, atomic live region, silent until the playhead passes something', () => {
    const app = playbackOf(ran);
    render(Announcer, { app, i18n: new I18n('en'), throttleMs: 0 });
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(live()).toHaveAttribute('aria-live', 'polite');
    expect(live()).toHaveAttribute('aria-atomic', 'true');
    app.frame = 100;
    flushSync();
    expect(live()).toHaveTextContent(/^$/);
  });

  it('announces the first liquidation once, when the frame passes it', () => {
    const app = playbackOf(ran);
    render(Announcer, { app, i18n: new I18n('en'), throttleMs: 0 });
    const [liquidation, adl] = milestonesOf(ran.results!);
    app.frame = frameAt(app, liquidation!.minute) - 2;
    flushSync();
    expect(live()).toHaveTextContent(/^$/);
    app.frame += 2;
    flushSync();
    expect(live()).toHaveTextContent(`day 1, 03:34: the first liquidation, under rule set B (Offshore CEX).`);
    // Back and over it again: still once per run.
    app.frame -= 5;
    flushSync();
    app.frame += 5;
    flushSync();
    // A second announcement of the same words would have changed the text (see the last test).
    expect(live().textContent!.trim()).toBe(
      'day 1, 03:34: the first liquidation, under rule set B (Offshore CEX).',
    );
    expect(live().textContent!.endsWith('\u00a0')).toBe(false);
    app.frame = frameAt(app, adl!.minute);
    flushSync();
    expect(live()).toHaveTextContent('auto-deleveraging starts under rule set B');
  });

  it('names a changed rule set as the outcome card does, what was changed included (issue 17)', () => {
    const app = playbackOf(ran);
    // Only the names read the configs; the run itself is the one above.
    app.resultConfigs = [
      app.resultConfigs![0],
      { ...app.resultConfigs![1], overrides: { 'perp.maxLeverage': 10 } },
    ];
    render(Announcer, { app, i18n: new I18n('en'), throttleMs: 0 });
    app.frame = frameAt(app, milestonesOf(ran.results!)[0]!.minute);
    flushSync();
    expect(live()).toHaveTextContent(
      'day 1, 03:34: the first liquidation, under rule set B (Offshore CEX, leverage cap 10×).',
    );
  });

  it('waits its turn: several moments passed at once are spoken one after another, not over each other', () => {
    vi.useFakeTimers();
    const app = playbackOf(ran);
    render(Announcer, { app, i18n: new I18n('en'), throttleMs: 2000 });
    // One jump past the first liquidation, ADL and the first margin call.
    app.frame = frameAt(app, 1450);
    flushSync();
    expect(live()).toHaveTextContent('the first liquidation');
    vi.advanceTimersByTime(1999);
    expect(live()).toHaveTextContent('the first liquidation');
    vi.advanceTimersByTime(1);
    flushSync();
    expect(live()).toHaveTextContent('auto-deleveraging starts under rule set B');
    vi.advanceTimersByTime(2000);
    flushSync();
    expect(live()).toHaveTextContent('day 2, 00:00: the first margin call, under rule set B');
  });

  it('says the outcome at the last frame, in the page’s language', () => {
    const app = playbackOf(ran);
    const i18n = new I18n('zh-Hant-HK');
    render(Announcer, { app, i18n, throttleMs: 0 });
    app.frame = app.frameCount - 1;
    flushSync();
    expect(live().textContent!.trim()).toMatch(/^運行完結。規則組合/);
  });

  it('starts afresh for a new run, and speaks what other views ask it to', async () => {
    const app = playbackOf(ran);
    const { component } = render(Announcer, { app, i18n: new I18n('en'), throttleMs: 0 });
    app.frame = frameAt(app, 300);
    flushSync();
    app.results = [...ran.results!] as typeof app.results;
    flushSync();
    app.frame = 0;
    flushSync();
    app.frame = frameAt(app, 300);
    flushSync();
    expect(live()).toHaveTextContent('the first liquidation');
    component.announce('Step 2 of 4.');
    flushSync();
    expect(live()).toHaveTextContent('Step 2 of 4.');
    component.announce('Step 2 of 4.');
    flushSync();
    // The same words again are still a change the screen reader notices.
    expect(live().textContent).toBe('Step 2 of 4.\u00a0');
  });

  it('keeps only the latest waiting message of a channel', () => {
    vi.useFakeTimers();
    const app = playbackOf(ran);
    const { component } = render(Announcer, { app, i18n: new I18n('en'), throttleMs: 2000 });
    component.announce('Step 1 of 4.', 'lesson');
    component.announce('Step 2 of 4.', 'lesson');
    component.announce('Step 3 of 4.', 'lesson');
    flushSync();
    expect(live()).toHaveTextContent('Step 1 of 4.');
    vi.advanceTimersByTime(2000);
    flushSync();
    expect(live()).toHaveTextContent('Step 3 of 4.');
    vi.advanceTimersByTime(10_000);
    flushSync();
    expect(live()).toHaveTextContent('Step 3 of 4.');
  });
});
