import { beforeAll, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AdlQueue from './AdlQueue.svelte';
import AdlLights from './AdlLights.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { PERSONAS } from '../../engine/population/population.ts';
import { QUEUE_HEAD } from '../../engine/run/traces.ts';

let app: AppState;
beforeAll(async () => {
  app = new AppState(inProcessEngine());
  app.population = { ...app.population, traders: 30 };
  await app.run();
});

const filled = (container: HTMLElement) =>
  within(container)
    .getAllByTestId('adl-light')
    .filter((light) => light.dataset.filled === 'true').length;

describe('AdlLights', () => {
  it.each([0, 1, 2, 3, 4, 5])('renders five lights with %i filled', (lights) => {
    const { container } = render(AdlLights, { lights, text: `${lights} of 5` });
    expect(within(container).getAllByTestId('adl-light')).toHaveLength(5);
    expect(filled(container)).toBe(lights);
    expect(container).toHaveTextContent(`${lights} of 5`);
  });
});

describe('AdlQueue', () => {
  it('says in one sentence what ADL is', () => {
    render(AdlQueue, { app, i18n: new I18n('en') });
    expect(screen.getByText(/^Auto-deleveraging \(ADL\): when a bankrupt trader's loss/)).toBeInTheDocument();
  });

  it('lights the followed trader’s standing from the trace at the playhead, with the text beside it', () => {
    const pro = PERSONAS.professionalPerp5x;
    const trace = app.results![1].traces.find((tr) => tr.trader === pro)!.columns.adlLights;
    const frame4 = trace.findIndex((v) => v === 4);
    const frame2 = trace.findIndex((v) => v === 2);
    expect(frame4).toBeGreaterThan(0);
    expect(frame2).toBeGreaterThan(0);
    app.followedTrader = pro;
    app.seek(frame4);
    render(AdlQueue, { app, i18n: new I18n('en') });
    const b = screen.getByTestId('adl-standing-B');
    expect(within(b).getAllByTestId('adl-light')).toHaveLength(5);
    expect(filled(b)).toBe(4);
    expect(b).toHaveTextContent('4 of 5: near the front of the queue');

    app.seek(frame2);
    flushSync();
    expect(filled(b)).toBe(2);
    expect(b).toHaveTextContent('2 of 5: towards the back of the queue');
  });

  it('says when the followed trader is not in a queue', () => {
    app.followedTrader = PERSONAS.retailPerp20x;
    app.seek(300);
    render(AdlQueue, { app, i18n: new I18n('en') });
    const a = screen.getByTestId('adl-standing-A');
    expect(filled(a)).toBe(0);
    expect(a).toHaveTextContent('Not in the queue: no open perpetual position on this exchange.');
  });

  it('lists the head of each side’s queue at the playhead, and follows a trader from it', async () => {
    const user = userEvent.setup();
    const result = app.results![1];
    // A frame where the offshore exchange's long queue is full.
    let frame = 0;
    while (result.adlQueue.long[frame * QUEUE_HEAD + QUEUE_HEAD - 1]! < 0) frame++;
    app.followedTrader = PERSONAS.retailPerp20x;
    app.seek(frame);
    render(AdlQueue, { app, i18n: new I18n('en') });
    const headB = within(screen.getByTestId('adl-head-B'));
    const longs = headB.getByRole('list', { name: 'Longs' });
    const expected = Array.from(result.adlQueue.long.subarray(frame * QUEUE_HEAD, (frame + 1) * QUEUE_HEAD));
    const buttons = within(longs).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(expected.map(String));
    const pick = expected.find((id) => id >= 3)!;
    await user.click(headB.getAllByRole('button', { name: `Follow trader ${pick}` })[0]!);
    await expect.poll(() => app.running).toBe(false);
    expect(app.followedTrader).toBe(pick);
    expect(app.follow).toContain(pick);
    expect(app.results![0].traces.some((tr) => tr.trader === pick)).toBe(true);
    flushSync();
    expect(screen.getByRole('heading', { name: `Where Trader ${pick} stands` })).toBeInTheDocument();
  });

  it('speaks Traditional Chinese', () => {
    app.followedTrader = PERSONAS.professionalPerp5x;
    render(AdlQueue, { app, i18n: new I18n('zh-Hant-HK') });
    expect(screen.getByRole('heading', { name: '自動減倉隊列' })).toBeInTheDocument();
    expect(screen.getByText(/^自動減倉（ADL）/)).toBeInTheDocument();
  });
});
