import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ShortcutsDialog from './ShortcutsDialog.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';

let ran: AppState;
beforeAll(async () => {
  ran = new AppState(inProcessEngine());
  ran.population.traders = 30;
  await ran.run();
});

/** A fresh playback state over the same results (runs are the slow part). */
function playbackOf(source: AppState): AppState {
  const app = new AppState(inProcessEngine());
  app.results = source.results;
  app.resultConfigs = source.resultConfigs;
  return app;
}

describe('ShortcutsDialog', () => {
  it('opens a dialog that lists the shortcuts; Escape closes it and focus returns to the button', async () => {
    const user = userEvent.setup();
    render(ShortcutsDialog, { app: playbackOf(ran), i18n: new I18n('en') });
    const button = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toHaveTextContent('Play or pause');
    expect(dialog).toHaveTextContent('Step back one frame');
    expect(screen.getAllByRole('row')).toHaveLength(13);
    await user.keyboard('{Escape}');
    expect(dialog).not.toHaveAttribute('open');
    expect(button).toHaveFocus();
    // The Close button closes it too.
    await user.keyboard('?');
    expect(dialog).toHaveAttribute('open');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(dialog).not.toHaveAttribute('open');
  });

  it('plays and pauses with Space or K, steps with the arrows, resets with R, and changes speed with + and −', async () => {
    const user = userEvent.setup();
    const app = playbackOf(ran);
    render(ShortcutsDialog, { app, i18n: new I18n('en') });
    await user.keyboard(' ');
    expect(app.playing).toBe(true);
    await user.keyboard('k');
    expect(app.playing).toBe(false);
    app.seek(100);
    await user.keyboard('{ArrowRight}');
    expect(app.frame).toBe(101);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(app.frame).toBe(99);
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(app.frame).toBe(109);
    await user.keyboard('r');
    expect(app.frame).toBe(0);
    await user.keyboard('+');
    expect(app.speedIndex).toBe(3);
    await user.keyboard('--');
    expect(app.speedIndex).toBe(1);
    await user.keyboard('?');
    expect(screen.getByRole('dialog')).toHaveAttribute('open');
    // While the dialog is open, playback keys do nothing.
    await user.keyboard('{ArrowRight}');
    expect(app.frame).toBe(0);
  });

  it('leaves keys typed into fields, and Space on a button, alone', async () => {
    const app = playbackOf(ran);
    render(ShortcutsDialog, { app, i18n: new I18n('en') });
    const field = document.createElement('input');
    const select = document.createElement('select');
    document.body.append(field, select);
    await fireEvent.keyDown(field, { key: 'r' });
    await fireEvent.keyDown(field, { key: ' ' });
    await fireEvent.keyDown(select, { key: 'ArrowRight' });
    expect(app.playing).toBe(false);
    expect(app.frame).toBe(0);
    await fireEvent.keyDown(screen.getByRole('button', { name: 'Keyboard shortcuts' }), { key: ' ' });
    expect(app.playing).toBe(false);
    // Ctrl+R is the browser's, not ours.
    app.seek(5);
    await fireEvent.keyDown(document.body, { key: 'r', ctrlKey: true });
    expect(app.frame).toBe(5);
    field.remove();
    select.remove();
  });

  it('speaks Traditional Chinese', async () => {
    const user = userEvent.setup();
    render(ShortcutsDialog, { app: playbackOf(ran), i18n: new I18n('zh-Hant-HK') });
    await user.click(screen.getByRole('button', { name: '鍵盤快捷鍵' }));
    expect(screen.getByRole('dialog', { name: '鍵盤快捷鍵' })).toHaveTextContent('播放或暫停');
    expect(screen.getByText('空格鍵')).toBeInTheDocument();
  });
});
