import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PresentationToggle from './PresentationToggle.svelte';
import { AppState } from '../../lib/app-state.svelte.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';

afterEach(() => {
  document.documentElement.classList.remove('present');
});

describe('PresentationToggle', () => {
  it('is a toggle button that puts the presentation class on the root element and takes it off again', async () => {
    const user = userEvent.setup();
    const app = new AppState(inProcessEngine());
    render(PresentationToggle, { app, i18n: new I18n('en') });
    const button = screen.getByRole('button', { name: 'Presentation mode' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement).not.toHaveClass('present');

    await user.click(button);
    expect(app.presenting).toBe(true);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveClass('present');

    // From the keyboard too.
    button.focus();
    await user.keyboard('{Enter}');
    expect(app.presenting).toBe(false);
    expect(document.documentElement).not.toHaveClass('present');
  });

  it('follows the state when a link turned presentation mode on, and names itself in Chinese', () => {
    const app = new AppState(inProcessEngine());
    app.presenting = true;
    render(PresentationToggle, { app, i18n: new I18n('zh-Hant-HK') });
    expect(screen.getByRole('button', { name: '簡報模式' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveClass('present');
  });
});
