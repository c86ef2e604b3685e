import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import PlaybackBar from './PlaybackBar.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { RunStoppedError, type EngineCalls } from '../../lib/engine-client.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';
import { flushSync } from 'svelte';

async function ranApp(scenario?: AppState['scenario']): Promise<AppState> {
  const app = new AppState(inProcessEngine());
  app.population.traders = 30;
  if (scenario) {
    app.scenario = scenario;
    app.days = 0.25;
  }
  await app.run();
  return app;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('PlaybackBar', () => {
  it('waits for a run with its buttons disabled', () => {
    render(PlaybackBar, { app: new AppState(inProcessEngine()), i18n: new I18n('en') });
    expect(screen.getByRole('button', { name: 'Play' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Step' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Reset' })).toBeDisabled();
    expect(screen.getByTestId('playback-time')).toHaveTextContent('No run yet');
  });

  it('plays (the button becomes Pause and the frame advances), pauses, steps and resets', async () => {
    const app = await ranApp();
    render(PlaybackBar, { app, i18n: new I18n('en') });
    vi.useFakeTimers();
    await fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(app.playing).toBe(true);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    // 60 market minutes a second at one minute a frame (fake timers: the frames are exact).
    vi.advanceTimersByTime(1000);
    flushSync();
    expect(app.frame).toBe(60);
    vi.advanceTimersByTime(500);
    flushSync();
    expect(app.frame).toBe(90);
    const scrubber = screen.getByLabelText('Market time');
    expect(scrubber).toHaveValue(String(app.frame));
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    const paused = app.frame;
    vi.advanceTimersByTime(1000);
    expect(app.frame).toBe(paused);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(app.frame).toBe(paused + 1);
    await fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(app.frame).toBe(0);
  });

  it('labels the scrubber with the market time of a historical episode', async () => {
    const app = await ranApp();
    render(PlaybackBar, { app, i18n: new I18n('en') });
    const scrubber = screen.getByLabelText('Market time');
    expect(scrubber).toHaveAttribute('max', '1440');
    expect(scrubber).toHaveAttribute('aria-valuetext', '10 Oct 2025 12:00 UTC');
    await fireEvent.input(scrubber, { target: { value: '555' } });
    expect(app.frame).toBe(555);
    expect(scrubber).toHaveAttribute('aria-valuetext', '10 Oct 2025 21:15 UTC');
    expect(screen.getByTestId('playback-time')).toHaveTextContent('10 Oct 2025 21:15 UTC');
    expect(screen.getByText('Minute 555 of 1,440')).toBeInTheDocument();
  });

  it('labels a synthetic market by day and clock, and changes speed', async () => {
    const app = await ranApp('synthetic-calm');
    render(PlaybackBar, { app, i18n: new I18n('en') });
    const scrubber = screen.getByLabelText('Market time');
    app.seekMinute(5 * 60 + 5);
    flushSync();
    expect(scrubber).toHaveAttribute('aria-valuetext', 'day 1, 05:05');
    const speed = screen.getByLabelText('Speed');
    expect(speed).toHaveValue('2');
    await fireEvent.change(speed, { target: { value: '4' } });
    expect(app.speed).toBe(240);
    expect(screen.getByRole('option', { name: '240 min per second' })).toBeInTheDocument();
  });

  it('shows progress while the worker computes, and Stop stops it', async () => {
    let reject: (error: Error) => void = () => {};
    const engine: EngineCalls = {
      ...inProcessEngine(),
      compare: (_configs, listener) =>
        new Promise((_resolve, fail) => {
          reject = fail;
          listener?.progress?.({ job: 1, run: 0, runs: 2, minute: 720, minutes: 1440 });
        }),
      stop: vi.fn(() => reject(new RunStoppedError())),
    };
    const app = new AppState(engine);
    const running = app.run();
    render(PlaybackBar, { app, i18n: new I18n('en') });
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '0.25');
    expect(screen.getByText('Computing the comparison… 25%')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(engine.stop).toHaveBeenCalled();
    await running;
    flushSync();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(app.error).toBeNull();
  });

  it('speaks Traditional Chinese', async () => {
    const app = await ranApp();
    render(PlaybackBar, { app, i18n: new I18n('zh-Hant-HK') });
    expect(screen.getByRole('button', { name: '播放' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '逐格' })).toBeInTheDocument();
    expect(screen.getByLabelText('市場時間')).toHaveAttribute(
      'aria-valuetext',
      '2025年10月10日 12:00（UTC）',
    );
  });
});
