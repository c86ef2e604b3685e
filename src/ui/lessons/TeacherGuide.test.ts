/**
 * The teacher's guide shows the model and how a lesson plays in the page's language (issue 17): translated
 * from the language's guide.json, English from the docs.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import TeacherGuide from './TeacherGuide.svelte';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { LESSONS } from '../../lib/lessons/catalogue.ts';

// jsdom has no modal dialogs.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};

describe("the teacher's guide", () => {
  it.each([
    ['zh-Hant-HK', '模型如何運作', '模型說明（教師版）', '永續合約倉位'],
    ['en', 'How the model works (doc/model.md)', 'The model, for teachers', 'A perpetual position'],
  ])('in %s: the model and how a lesson plays in that language', async (locale, summary, title, section) => {
    render(TeacherGuide, { i18n: new I18n(locale), lessons: LESSONS, onclose: () => {} });
    const guide = screen.getByTestId('teacher-guide');
    const model = screen.getByText(summary).closest('details')!;
    const doc = await within(model).findByRole('heading', { name: title, hidden: true });
    expect(doc.closest('.doc')).toHaveAttribute('lang', locale);
    expect(within(model).getByRole('heading', { name: section, hidden: true })).toBeInTheDocument();
    expect(guide.querySelectorAll('.doc[lang]')).toHaveLength(2);
    expect(within(guide).queryByText(/English only/)).toBeNull();
  });
});
