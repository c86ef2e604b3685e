import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import EventFeed from './EventFeed.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';

let ran: AppState;
beforeAll(async () => {
  ran = new AppState(inProcessEngine());
  ran.population.traders = 30;
  await ran.run();
});

/** A fresh state over the same results (runs are the slow part). */
function sameRun(): AppState {
  const app = new AppState(inProcessEngine());
  app.population.traders = 30;
  app.results = ran.results;
  app.resultConfigs = ran.resultConfigs;
  return app;
}

const items = () => within(screen.getByRole('list')).queryAllByRole('listitem');

describe('EventFeed', () => {
  it('waits for a run', () => {
    render(EventFeed, { app: new AppState(inProcessEngine()), i18n: new I18n('en') });
    expect(screen.getByText('Events appear here once the comparison has run.')).toBeInTheDocument();
  });

  it('renders results that arrive later two tasks after them, not in the task that brought them', async () => {
    const app = new AppState(inProcessEngine());
    render(EventFeed, { app, i18n: new I18n('en') });
    const waiting = 'Events appear here once the comparison has run.';
    app.results = ran.results;
    flushSync();
    expect(screen.getByText(waiting)).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 0));
    flushSync();
    expect(screen.getByText(waiting)).toBeInTheDocument(); // the charts' task
    await waitFor(() => expect(items().length).toBeGreaterThan(0));
    // A newer change cancels one still waiting: the cleared results never reach the feed.
    app.results = null;
    flushSync();
    app.results = ran.results;
    flushSync();
    await new Promise((resolve) => setTimeout(resolve, 5));
    flushSync();
    expect(screen.queryByText(waiting)).toBeNull();
    expect(items().length).toBeGreaterThan(0);
  });

  it('renders new results in two tasks: the newest 40 events first, the rest of the latest 200 a task later', async () => {
    const user = userEvent.setup();
    const big = new AppState(inProcessEngine()); // the classroom's 200 traders: hundreds of events
    await big.run();
    const app = new AppState(inProcessEngine());
    render(EventFeed, { app, i18n: new I18n('en') });
    await user.click(screen.getByLabelText('Only up to the current time'));
    app.results = big.results;
    flushSync();
    const lengths: number[] = [];
    for (let task = 0; task < 8; task++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      flushSync();
      const length = screen.queryAllByRole('listitem').length;
      if (length > 0 && length !== lengths.at(-1)) lengths.push(length);
    }
    expect(lengths).toEqual([40, 200]);
    // The newest first in both: the first slice is the head of the whole list.
    expect(items()[0]).toHaveTextContent(/Rule set [AB]/);
  });

  it('shows only the events up to the current time, newest first, or all of them', async () => {
    const user = userEvent.setup();
    const app = sameRun();
    render(EventFeed, { app, i18n: new I18n('en') });
    // Minute 0: the first refusal under the HK rules has happened, nothing else yet.
    expect(items()).toHaveLength(1);
    expect(items()[0]).toHaveTextContent(
      'Rule set A: trader #0 may not use perpetual contracts (investor class not eligible) and buys spot instead.',
    );
    app.seekMinute(600);
    flushSync();
    const shown = items();
    expect(shown.length).toBeGreaterThan(10);
    // Newest first: offshore (B) liquidations, calls, or forced sales (the 21:36–22:16 UTC collateral depeg).
    expect(shown[0]).toHaveTextContent(/Rule set B: .*(liquidat|broker sold)|margin call/);
    await user.click(screen.getByLabelText('Only up to the current time'));
    const all = ran.results!.flatMap((r) =>
      r.events.filter((e) =>
        ['liquidation', 'margin-call', 'forced-sale', 'adl', 'insurance-draw', 'product-refused'].includes(
          e.type,
        ),
      ),
    );
    expect(screen.getByTestId('events-count')).toHaveTextContent(`${all.length} events`);
    expect(items()).toHaveLength(all.length);
  });

  it('filters by kind and by rule set', async () => {
    const user = userEvent.setup();
    const app = sameRun();
    render(EventFeed, { app, i18n: new I18n('en') });
    await user.click(screen.getByLabelText('Only up to the current time'));
    await user.click(screen.getByLabelText('Refusals'));
    expect(items().every((item) => !item.textContent!.includes('may not use'))).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Rule set B' }));
    expect(screen.getByText('No events of the kinds chosen.')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Refusals'));
    expect(items().length).toBeGreaterThan(0);
    expect(items().every((item) => item.textContent!.includes('Rule set A:'))).toBe(true);
  });

  it('moves the scrubber to an event when it is clicked or chosen with Enter', async () => {
    const user = userEvent.setup();
    const app = sameRun();
    render(EventFeed, { app, i18n: new I18n('en') });
    await user.click(screen.getByLabelText('Only up to the current time'));
    await user.click(screen.getByLabelText('Refusals'));
    const liquidation = ran.results![1].events.find((e) => e.type === 'liquidation')!;
    const buttons = screen.getAllByRole('button', { name: /was liquidated/ });
    const oldest = buttons[buttons.length - 1]!;
    expect(oldest).toHaveTextContent(/^10 Oct \d\d:\d\d/);
    await user.click(oldest);
    expect(app.results![0].frames.minute[app.frame]).toBe(liquidation.step);
    app.seek(0);
    oldest.focus();
    await user.keyboard('{Enter}');
    expect(app.results![0].frames.minute[app.frame]).toBe(liquidation.step);
  });

  it('offers to follow the trader of an event, which re-runs with that trader traced', async () => {
    const app = sameRun();
    const run = vi.spyOn(app, 'run');
    render(EventFeed, { app, i18n: new I18n('en') });
    app.seekMinute(600);
    flushSync();
    const liquidation = ran.results![1].events.find((e) => e.type === 'liquidation' && (e.trader ?? 0) >= 3)!;
    const trader = (liquidation as { trader: number }).trader;
    await fireEvent.click(screen.getAllByRole('button', { name: `Follow trader #${trader}` })[0]!);
    expect(app.follow).toContain(trader);
    expect(run).toHaveBeenCalled();
    await waitFor(() => expect(app.results?.[0].traces.some((t) => t.trader === trader)).toBe(true), {
      timeout: 5000,
    });
    expect(screen.getAllByText(`Following trader #${trader}`).length).toBeGreaterThan(0);
  });

  it('renders at most the latest events it is allowed, with a count', async () => {
    const user = userEvent.setup();
    render(EventFeed, { app: sameRun(), i18n: new I18n('en'), limit: 5 });
    await user.click(screen.getByLabelText('Only up to the current time'));
    expect(items()).toHaveLength(5);
    expect(screen.getByTestId('events-count')).toHaveTextContent(/^Showing the latest 5 of \d+ events/);
  });

  it('speaks Traditional Chinese', () => {
    render(EventFeed, { app: sameRun(), i18n: new I18n('zh-Hant-HK') });
    expect(screen.getByRole('heading', { name: '事件紀錄' })).toBeInTheDocument();
    expect(items()[0]).toHaveTextContent(
      '規則組合 A：交易者 #0不可使用永續合約（投資者類別不符），於是改為買賣現貨。',
    );
  });
});
