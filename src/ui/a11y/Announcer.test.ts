import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen } from '@testing-library/svelte';
import Announcer from './Announcer.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { milestonesOf } from './milestones.ts';

/**
 * A quarter-day flash crash, 30 traders: rule set B (offshore) liquidates from minute 175 and deleverages from
 * minute 181, A never. Margin calls are daily (the broker's call at the day's close, broker15), so none in it.
 */
let ran: AppState;
/** The same crash over two days: B's first margin call comes at the first daily call, minute 1440. */
let twoDays: AppState;
beforeAll(async () => {
  ran = new AppState(inProcessEngine());
  ran.scenario = 'synthetic-flash-crash';
  ran.days = 0.25;
  ran.population.traders = 30;
  await ran.run();
  twoDays = new AppState(inProcessEngine());
  twoDays.scenario = 'synthetic-flash-crash';
  twoDays.days = 2;
  twoDays.population.traders = 30;
  await twoDays.run();
});

function playbackOf(source: AppState): AppState {
  const app = new AppState(inProcessEngine());
  app.scenario = source.scenario;
  app.days = source.days;
  app.population = { ...source.population };
  app.results = source.results;
  app.resultConfigs = source.resultConfigs;
  return app;
}

const frameAt = (app: AppState, minute: number) => app.results![0].frames.minute.indexOf(minute);
const live = () => screen.getByTestId('live-region');

afterEach(() => {
  vi.useRealTimers();
});

describe('milestonesOf', () => {
  it('finds the first liquidation, margin call and ADL of either rule set, in time order', () => {
    const milestones = milestonesOf(ran.results!);
    expect(milestones.map((m) => m.kind)).toEqual(['liquidation', 'adl']);
    const liquidation = milestones[0]!;
    expect(liquidation.set).toBe(1);
    const firstEvent = ran.results![1].events.find((e) => e.type === 'liquidation')!;
    expect(liquidation.minute).toBe(firstEvent.step);
    const longer = milestonesOf(twoDays.results!);
    expect(longer.map((m) => m.kind)).toEqual(['liquidation', 'marginCall']);
    const call = twoDays.results![1].events.find((e) => e.type === 'margin-call')!;
    expect(longer[1]).toEqual({ kind: 'marginCall', minute: call.step, set: 1 });
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
    const minute = milestonesOf(ran.results!)[0]!.minute;
    app.frame = frameAt(app, minute) - 2;
    flushSync();
    expect(live()).toHaveTextContent(/^$/);
    app.frame += 2;
    flushSync();
    expect(live()).toHaveTextContent(`day 1, 02:55: the first liquidation, under rule set B (Offshore CEX).`);
    // Back and over it again: still once per run.
    app.frame -= 5;
    flushSync();
    app.frame += 5;
    flushSync();
    // A second announcement of the same words would have changed the text (see the last test).
    expect(live().textContent!.trim()).toBe(
      'day 1, 02:55: the first liquidation, under rule set B (Offshore CEX).',
    );
    expect(live().textContent!.endsWith('\u00a0')).toBe(false);
    app.frame += 6;
    flushSync();
    expect(live()).toHaveTextContent(
      'day 1, 03:01: auto-deleveraging starts under rule set B (Offshore CEX).',
    );
  });

  it('announces the first margin call when the frame passes it', () => {
    const app = playbackOf(twoDays);
    render(Announcer, { app, i18n: new I18n('en'), throttleMs: 0 });
    const call = milestonesOf(twoDays.results!)[1]!;
    app.frame = frameAt(app, call.minute);
    flushSync();
    expect(live()).toHaveTextContent(/the first margin call, under rule set B \(Offshore CEX\)\.$/);
  });

  it('waits its turn: several moments passed at once are spoken one after another, not over each other', () => {
    vi.useFakeTimers();
    const app = playbackOf(ran);
    render(Announcer, { app, i18n: new I18n('en'), throttleMs: 2000 });
    // One jump past the first liquidation and ADL.
    app.frame = frameAt(app, 200);
    flushSync();
    expect(live()).toHaveTextContent('the first liquidation');
    vi.advanceTimersByTime(1999);
    expect(live()).toHaveTextContent('the first liquidation');
    vi.advanceTimersByTime(1);
    flushSync();
    expect(live()).toHaveTextContent('auto-deleveraging starts under rule set B');
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
    app.frame = frameAt(app, 200);
    flushSync();
    app.results = [...ran.results!] as typeof app.results;
    flushSync();
    app.frame = 0;
    flushSync();
    app.frame = frameAt(app, 176);
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
