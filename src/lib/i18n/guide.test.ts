/**
 * The teacher's guide in every language has the docs' sections, no more and no fewer, and keeps their numbers:
 * a doc edited without its translation (a section added or renamed, a figure changed, any sentence edited) fails
 * here.
 */
import { describe, expect, it } from 'vitest';
import { docSections, englishGuide, loadGuide, loadTranslations } from './guide.ts';
import { sectionHash, staleSections } from './guide-sections.ts';
import sources from './guide-sources.json';

const translations = await loadTranslations();

/** The numbers of a text, as digits only (45,180.72 → 4518072; "10 Oct 2025" → 10, 2025). */
const numbers = (text: string) =>
  (text.match(/\d[\d,.]*/g) ?? []).map((n) => n.replace(/[,.]+$/, '').replace(/[,.]/g, ''));

describe("the teacher's guide", () => {
  it('reads the English sections from the docs', () => {
    const ids = Object.keys(englishGuide);
    expect(ids[0]).toBe('guide.lessons.how-a-lesson-plays');
    expect(ids).toContain('guide.model.intro');
    expect(ids).toContain('guide.model.funding-who-pays-whom');
    expect(englishGuide['guide.model.mark-price']).toMatch(/^## Mark price\n/);
  });

  it('splits a doc at its "## " headings', () => {
    expect(docSections('# Title\n\nIntro.\n\n## One: a, b\n\nText.\n## Two\nMore.', 'x')).toEqual({
      'x.intro': '# Title\n\nIntro.',
      'x.one-a-b': '## One: a, b\n\nText.',
      'x.two': '## Two\nMore.',
    });
  });

  it.each(Object.keys(translations))('%s translates exactly the docs’ sections', (locale) => {
    expect(Object.keys(translations[locale]!).sort()).toEqual(Object.keys(englishGuide).sort());
  });

  it.each(Object.keys(translations))('%s keeps every number of each English section', (locale) => {
    const missing: string[] = [];
    for (const [id, english] of Object.entries(englishGuide)) {
      const translated = (translations[locale]![id] ?? '').replace(/[,.]/g, '');
      for (const n of numbers(english)) if (!translated.includes(n)) missing.push(`${id}: ${n}`);
    }
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(translations))('%s keeps the sections’ headings and code', (locale) => {
    for (const [id, english] of Object.entries(englishGuide)) {
      const translated = translations[locale]![id]!;
      const shape = (text: string) => text.match(/^#+ /gm) ?? [];
      expect(shape(translated), id).toEqual(shape(english));
      const code = (text: string) => (text.match(/`[^`]+`/g) ?? []).sort();
      expect(code(translated), id).toEqual(code(english));
    }
  });

  it.each(Object.keys(translations))('%s was translated from today’s English of every section', (locale) => {
    // A stale section: the docs changed since it was translated. Translate it, then record it with
    // `npx tsx scripts/guide-sections.ts --mark <locale>` (the script lists stale sections and the docs' diff).
    expect(
      staleSections(englishGuide, (sources as Record<string, Record<string, string>>)[locale] ?? {}),
    ).toEqual([]);
  });

  it('notices an edited sentence that keeps every number', () => {
    const id = 'guide.model.mark-price';
    const recorded = { [id]: sectionHash(englishGuide[id]!) };
    const edited = { [id]: englishGuide[id]!.replace('.', ';') };
    expect(staleSections({ [id]: englishGuide[id]! }, recorded)).toEqual([]);
    expect(staleSections(edited, recorded)).toEqual([id]);
  });

  it('falls back to English for a language without a translation', async () => {
    const guide = await loadGuide('fr');
    expect(guide.lang).toBe('en');
    expect(guide.model).toContain('## A perpetual position');
    const zh = await loadGuide('zh-Hant-HK');
    expect(zh.lang).toBe('zh-Hant-HK');
    expect(zh.model).toContain('## 永續合約倉位');
    expect(zh.howItPlays).toMatch(/^## 課堂如何進行/);
  });
});
